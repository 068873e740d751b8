/**
 * Marking a span in the reader and making a record of it, as pure functions of the state.
 *
 * The unit is the word (a run of non-spaces), so a span never starts or ends with whitespace —
 * which the workbench would refuse. A word cursor moves by word (←/→, h/l) or by line (↑/↓, j/k,
 * over the lines as laid out on screen); `m` sets the start at the cursor, moving extends the
 * span, `m` or Enter sets the end. Then a menu says what to make of it (claim, mention, alias,
 * evidence for an event, relation, new actor) and a small form asks for the rest, prefilled from what the
 * span holds: its words, and the actors the document already mentions inside it. Submitting
 * sends the same `records.add` as `atlas add`; the record is built here (`recordFor`).
 */
import type { AddRecordInput } from "@atlas/data/workbench";
import { ActorKind, AliasKind, quoteAt, RelationType, Stance } from "@atlas/schema";
import type { ActorSummary, EventSummary, SourceDetail } from "../data.js";
import type { Target } from "./views.js";

export interface Range {
  start: number;
  end: number;
}

/** The words of a text: runs of non-whitespace, in order. */
export function wordsOf(text: string): Range[] {
  const out: Range[] = [];
  for (const m of text.matchAll(/\S+/g)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

export const CHOICES = {
  c: { kind: "claim", label: "claim" },
  m: { kind: "mention", label: "mention of an actor" },
  a: { kind: "alias", label: "alias of an actor" },
  e: { kind: "event", label: "evidence for an event" },
  r: { kind: "relation", label: "relation between two actors" },
  n: { kind: "actor", label: "new actor" },
} as const;
export type Choice = (typeof CHOICES)[keyof typeof CHOICES]["kind"];

export type Field =
  | { key: string; label: string; type: "text"; value: string; optional?: boolean }
  | { key: string; label: string; type: "choice"; options: readonly string[]; value: string }
  /** One actor or event, chosen from the list filtered by what is typed; ↑/↓ move among the matches. */
  | { key: string; label: string; type: "pick"; of: "actor" | "event"; filter: string; selected: number };

export interface Form {
  choice: Choice;
  fields: Field[];
  focus: number;
}

export type Phase =
  /** A word cursor, no start yet. */
  | { kind: "cursor" }
  /** Start set at word `anchor`; the span runs to the cursor. */
  | { kind: "extend"; anchor: number }
  | { kind: "menu"; span: Range }
  | { kind: "form"; span: Range; form: Form; sending: boolean };

export interface Mark {
  sourceId: string;
  /** Word index of the cursor. */
  cursor: number;
  phase: Phase;
}

/** What the status line says after a write: what was made and where `o` goes, or why nothing was. */
export interface Status {
  text: string;
  tone: "ok" | "warn";
  open?: Target | undefined;
}

/** The span between two words, in document order. */
export function spanOf(words: Range[], a: number, b: number): Range {
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  return { start: words[lo]?.start ?? 0, end: words[hi]?.end ?? 0 };
}

/** The marked span to highlight, and the cursor's word. */
export function highlight(mark: Mark, words: Range[]): { span: Range | null; cursor: Range | null } {
  const p = mark.phase;
  if (p.kind === "menu" || p.kind === "form") return { span: p.span, cursor: null };
  const cursor = words[mark.cursor] ?? null;
  return { span: p.kind === "extend" ? spanOf(words, p.anchor, mark.cursor) : null, cursor };
}

/** The word at or after an offset (the last word when none is). */
export function wordAt(words: Range[], offset: number): number {
  const i = words.findIndex((w) => w.end > offset);
  return i < 0 ? Math.max(0, words.length - 1) : i;
}

/**
 * The word one line up or down: `lines` are the text ranges of the lines on screen, in order.
 * It keeps the column as nearly as the words allow.
 */
export function wordOnLine(words: Range[], lines: Range[], cursor: number, by: 1 | -1): number {
  const w = words[cursor];
  if (!w) return cursor;
  const here = lines.findIndex((l) => w.start >= l.start && w.start < Math.max(l.end, l.start + 1));
  const next = lines[here + by];
  if (here < 0 || !next) return cursor;
  const column = w.start - (lines[here]?.start ?? 0);
  const target = Math.min(next.start + column, Math.max(next.start, next.end - 1));
  // The word under that column, or the nearest one on the line.
  const on = words
    .map((x, i) => ({ x, i }))
    .filter(({ x }) => x.start < Math.max(next.end, next.start + 1) && x.end > next.start);
  if (on.length === 0) return cursor;
  const under = on.find(({ x }) => x.end > target) ?? on.at(-1);
  return under?.i ?? cursor;
}

/** The actors the document mentions inside a span, in order of appearance, each once. */
export function mentionedIn(source: SourceDetail, span: Range): string[] {
  const ids = source.annotations
    .filter((a) => a.type === "mention" && a.start >= span.start && a.end <= span.end)
    .sort((a, b) => a.start - b.start)
    .map((a) => a.recordId);
  return [...new Set(ids)];
}

const short = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The form for a choice, prefilled from the span. */
export function formFor(choice: Choice, source: SourceDetail, span: Range): Form {
  const words = source.text.slice(span.start, span.end);
  const mentioned = mentionedIn(source, span);
  const reason = { key: "reason", label: "Reason", type: "text", value: "", optional: true } as const;
  const actorPick = (key: string, label: string, filter: string): Field => ({
    key,
    label,
    type: "pick",
    of: "actor",
    filter,
    selected: 0,
  });
  const fields: Field[] = (() => {
    switch (choice) {
      case "claim":
        return [
          actorPick("claimantId", "Claimant", mentioned[0] ?? ""),
          { key: "stance", label: "Stance", type: "choice", options: Stance.options, value: "asserts" },
          { key: "statement", label: "Statement", type: "text", value: words },
          { key: "aboutActorIds", label: "About", type: "text", value: mentioned.slice(1).join(", "), optional: true },
          reason,
        ];
      case "mention":
        return [actorPick("actorId", "Actor", mentioned[0] ?? short(words, 40))];
      case "alias":
        return [
          actorPick("actorId", "Actor", mentioned[0] ?? ""),
          { key: "aliasKind", label: "Alias kind", type: "choice", options: ["", ...AliasKind.options], value: "" },
          reason,
        ];
      case "event":
        return [{ key: "eventId", label: "Event", type: "pick", of: "event", filter: "", selected: 0 }, reason];
      case "relation":
        return [
          actorPick("fromId", "From", mentioned[0] ?? ""),
          { key: "type", label: "Relation", type: "choice", options: RelationType.options, value: "member_of" },
          actorPick("toId", "To", mentioned[1] ?? ""),
          reason,
        ];
      case "actor":
        return [
          { key: "name", label: "Name", type: "text", value: words },
          { key: "actorKind", label: "Kind", type: "choice", options: ActorKind.options, value: "armed_group" },
          { key: "description", label: "Description", type: "text", value: "" },
          reason,
        ];
    }
  })();
  return { choice, fields, focus: 0 };
}

const fold = (s: string) => s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();

/** The actors a pick's filter matches: by id, name or alias; all when it is blank. */
export function matchActors(actors: ActorSummary[], filter: string): ActorSummary[] {
  const f = fold(filter.trim());
  if (!f) return actors;
  const exact = actors.filter((a) => a.id === f);
  const rest = actors.filter(
    (a) => a.id !== f && [a.id, a.name, ...a.aliases].some((n) => fold(n).includes(f) || f.includes(fold(n))),
  );
  return [...exact, ...rest];
}

/** The events a pick's filter matches, by id or title; the document's own events first. */
export function matchEvents(events: EventSummary[], filter: string, source: SourceDetail): EventSummary[] {
  const own = new Set(source.annotations.filter((a) => a.type === "event").map((a) => a.recordId));
  const f = fold(filter.trim());
  const hits = f ? events.filter((e) => fold(e.id).includes(f) || fold(e.title).includes(f)) : events;
  return [...hits.filter((e) => own.has(e.id)), ...hits.filter((e) => !own.has(e.id))];
}

export interface Lists {
  actors: ActorSummary[] | null;
  events: EventSummary[] | null;
}

/** The matches of a pick field (empty while the list is loading). */
export function matchesOf(field: Extract<Field, { type: "pick" }>, lists: Lists, source: SourceDetail) {
  return field.of === "actor"
    ? matchActors(lists.actors ?? [], field.filter).map((a) => ({ id: a.id, label: a.name }))
    : matchEvents(lists.events ?? [], field.filter, source).map((e) => ({ id: e.id, label: e.title }));
}

/**
 * The record to add, and the reason, from a filled form; or what is missing. The quote and its
 * occurrence come from the span's offset, so words that occur more than once name this place.
 */
export function recordFor(
  form: Form,
  span: Range,
  source: SourceDetail,
  lists: Lists,
): { record: AddRecordInput; reason?: string } | { problem: string } {
  const words = quoteAt(source, span.start, span.end);
  if (!words) return { problem: "these words are boilerplate, not the article's text: mark words of the article" };
  const value = new Map<string, string>();
  for (const f of form.fields) {
    if (f.type === "pick") {
      const matches = matchesOf(f, lists, source);
      const chosen = matches[Math.min(f.selected, matches.length - 1)];
      if (!chosen) return { problem: `${f.label}: no ${f.of} matches "${f.filter}"; type part of a name or id` };
      value.set(f.key, chosen.id);
    } else {
      const v = f.value.trim();
      if (!v && f.type === "text" && !f.optional) return { problem: `${f.label}: a new ${form.choice} needs it` };
      value.set(f.key, v);
    }
  }
  const base = { sourceId: source.id, ...words };
  const get = (k: string) => value.get(k) ?? "";
  const reason = get("reason") || undefined;
  const ids = (k: string) =>
    get(k)
      .split(/[\s,]+/)
      .filter(Boolean);
  const record = ((): AddRecordInput => {
    switch (form.choice) {
      case "claim":
        return {
          kind: "claim",
          ...base,
          claimantId: get("claimantId"),
          stance: get("stance") as Stance,
          statement: get("statement"),
          ...(ids("aboutActorIds").length ? { aboutActorIds: ids("aboutActorIds") } : {}),
        };
      case "mention":
        return { kind: "mention", ...base, actorId: get("actorId") };
      case "alias":
        return {
          kind: "alias",
          ...base,
          actorId: get("actorId"),
          ...(get("aliasKind") ? { aliasKind: get("aliasKind") as (typeof AliasKind.options)[number] } : {}),
        };
      case "event":
        return { kind: "event", ...base, eventId: get("eventId") };
      case "relation":
        return {
          kind: "relation",
          ...base,
          fromId: get("fromId"),
          type: get("type") as (typeof RelationType.options)[number],
          toId: get("toId"),
        };
      case "actor":
        return {
          kind: "actor",
          ...base,
          name: get("name"),
          actorKind: get("actorKind") as (typeof ActorKind.options)[number],
          description: get("description"),
        };
    }
  })();
  return reason ? { record, reason } : { record };
}

/**
 * Where `o` goes after a write: the claim, event or actor made or added to; a mention's or alias's
 * actor; a relation's first actor (whose profile lists it, with its words).
 */
export function openAfter(
  record: AddRecordInput,
  made: { recordType: string; recordId: string }[],
): Target | undefined {
  if (record.kind === "mention" || record.kind === "alias") return { kind: "actor", id: record.actorId };
  if (record.kind === "relation" && record.fromId) return { kind: "actor", id: record.fromId };
  const r = made.find((m) => m.recordType === "claim" || m.recordType === "event" || m.recordType === "actor");
  if (!r) return undefined;
  return { kind: r.recordType as "claim" | "event" | "actor", id: r.recordId };
}

// ---- keys --------------------------------------------------------------------------------------

export interface MarkKey {
  input: string;
  left?: boolean;
  right?: boolean;
  up?: boolean;
  down?: boolean;
  enter?: boolean;
  escape?: boolean;
  tab?: boolean;
  shift?: boolean;
  backspace?: boolean;
  ctrl?: boolean;
}

/** What the reader needs to move a word cursor: the document's words and the lines on screen. */
export interface ReaderLayout {
  source: SourceDetail;
  words: Range[];
  /** The text on each line of the screen, and the document item that line is. */
  lines: (Range & { item: number })[];
}

/** The next state of marking after a key; null ends it (Esc). Enter on the form sets `sending`: the app sends it. */
export function markKey(mark: Mark, k: MarkKey, layout: ReaderLayout): Mark | null {
  const { source } = layout;
  const p = mark.phase;
  const last = Math.max(0, layout.words.length - 1);
  if (p.kind === "cursor" || p.kind === "extend") {
    if (k.escape) return p.kind === "extend" ? { ...mark, phase: { kind: "cursor" } } : null;
    const move = (cursor: number): Mark => ({ ...mark, cursor: Math.min(last, Math.max(0, cursor)) });
    if (k.left || k.input === "h") return move(mark.cursor - 1);
    if (k.right || k.input === "l") return move(mark.cursor + 1);
    if (k.up || k.input === "k") return move(wordOnLine(layout.words, layout.lines, mark.cursor, -1));
    if (k.down || k.input === "j") return move(wordOnLine(layout.words, layout.lines, mark.cursor, 1));
    if (k.input === "m" || k.enter) {
      if (p.kind === "cursor") return { ...mark, phase: { kind: "extend", anchor: mark.cursor } };
      return { ...mark, phase: { kind: "menu", span: spanOf(layout.words, p.anchor, mark.cursor) } };
    }
    return mark;
  }
  if (p.kind === "menu") {
    if (k.escape) return { ...mark, phase: { kind: "cursor" } };
    const choice = CHOICES[k.input as keyof typeof CHOICES];
    if (choice) {
      return {
        ...mark,
        phase: { kind: "form", span: p.span, form: formFor(choice.kind, source, p.span), sending: false },
      };
    }
    return mark;
  }
  // The form.
  if (p.sending) return mark;
  if (k.escape) return { ...mark, phase: { kind: "menu", span: p.span } };
  if (k.enter) return { ...mark, phase: { ...p, sending: true } };
  const form = p.form;
  const field = form.fields[form.focus];
  const withForm = (f: Form): Mark => ({ ...mark, phase: { ...p, form: f } });
  const focus = (by: number) =>
    withForm({ ...form, focus: (form.focus + by + form.fields.length) % form.fields.length });
  if (k.tab) return focus(k.shift ? -1 : 1);
  if (!field) return mark;
  const setField = (f: Field) => withForm({ ...form, fields: form.fields.map((x, i) => (i === form.focus ? f : x)) });
  if (field.type === "pick" && (k.up || k.down)) {
    return setField({ ...field, selected: Math.max(0, field.selected + (k.down ? 1 : -1)) });
  }
  if (k.up || k.down) return focus(k.down ? 1 : -1);
  if (field.type === "choice") {
    if (k.left || k.right) {
      const i = field.options.indexOf(field.value);
      const n = field.options.length;
      return setField({ ...field, value: field.options[(i + (k.right ? 1 : -1) + n) % n] ?? field.value });
    }
    const typed = field.options.find((o) => k.input && !k.ctrl && o.startsWith(k.input));
    return typed ? setField({ ...field, value: typed }) : mark;
  }
  const text = field.type === "pick" ? field.filter : field.value;
  const put = (t: string) =>
    setField(field.type === "pick" ? { ...field, filter: t, selected: 0 } : { ...field, value: t });
  if (k.ctrl && k.input === "u") return put("");
  if (k.backspace) return put(Array.from(text).slice(0, -1).join(""));
  if (k.input && !k.ctrl && !k.left && !k.right) return put(text + k.input);
  return mark;
}

/** After a write was refused: the form again, to correct. */
export function unsent(mark: Mark): Mark {
  return mark.phase.kind === "form" ? { ...mark, phase: { ...mark.phase, sending: false } } : mark;
}
