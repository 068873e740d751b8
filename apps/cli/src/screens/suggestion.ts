/**
 * How a suggestion reads, in the review screen and in `atlas review --list`: one line saying what
 * it is, its words in the surrounding text, what was found — how a name was matched, who speaks
 * and through whom, an event's participants and toll, a relation's ends — beside what the atlas
 * holds where the two meet, and what accepting would create (or why it cannot yet). The values
 * are the API's, with the reviewer's edits applied (the review model's effective values and
 * preview): nothing here decides what accepting does.
 */
import { KIND_INFO } from "@atlas/data/review";
import { describeDeathCount } from "@atlas/schema";
import type { ActorDetail, ClaimDetail, EventDetail, Suggestion, SuggestionKind } from "../data.js";
import { type DocBuilder, type Line, marked, type Seg, wrap } from "../doc.js";
import { compactTime } from "../format/time.js";
import { kindLabel, relationWords } from "./common.js";

type Proposal<K extends SuggestionKind> = Extract<Suggestion["proposal"], { kind: K }>;
type Effective<K extends SuggestionKind> = Extract<Suggestion["effective"], { kind: K }>;
type Relation = ActorDetail["relations"][number];

/** A relation the atlas holds, named at both ends (from an end's profile). */
export interface HeldRelation {
  id: string;
  type: string;
  role: string | null;
  former: boolean;
  from: string;
  to: string;
  words: string | null;
}

/** The atlas's records a document's suggestions meet: events retold, claims answered, relations repeated. */
export interface Held {
  events: Map<string, EventDetail>;
  claims: Map<string, ClaimDetail>;
  relations: Map<string, HeldRelation>;
}

export const noneHeld = (): Held => ({ events: new Map(), claims: new Map(), relations: new Map() });

/** The relations of an actor's profile, named at both ends. */
export function heldRelations(actor: Pick<ActorDetail, "name" | "relations">): HeldRelation[] {
  return actor.relations.map((r: Relation) => ({
    id: r.id,
    type: r.type,
    role: r.role,
    former: r.former,
    from: r.direction === "outgoing" ? actor.name : r.other.name,
    to: r.direction === "outgoing" ? r.other.name : actor.name,
    words: r.evidence[0]?.quote ?? null,
  }));
}

/** The atlas records a suggestion meets, by kind: what to load before showing it. */
export function heldIds(s: Suggestion): { events: string[]; claims: string[]; ends: string[] } {
  const p = s.proposal;
  const v = s.effective;
  const ids = { events: [] as string[], claims: [] as string[], ends: [] as string[] };
  if (p.kind === "event" && p.corroborates) ids.events.push(p.corroborates.id);
  if ((v.kind === "event" || v.kind === "date") && v.eventId) ids.events.push(v.eventId);
  if (p.kind === "statement") ids.claims.push(...[...p.supports, ...p.contradicts].map((m) => m.id));
  if (v.kind === "relation" && p.kind === "relation" && (p.existing || p.conflicts)) {
    ids.ends.push(...[v.fromId, v.toId].filter((x): x is string => x !== null));
  }
  return ids;
}

export const countOf = (kind: SuggestionKind, n: number) =>
  `${n.toLocaleString("en-US")} ${n === 1 ? KIND_INFO[kind].one : KIND_INFO[kind].many}`;

const short = (s: string, n = 80) => {
  const flat = s.replace(/\s+/g, " ").trim();
  return Array.from(flat).length <= n
    ? flat
    : `${Array.from(flat)
        .slice(0, n - 1)
        .join("")}…`;
};

const percent = (n: number) => `${Math.round(n * 100)} %`;

/** An actor id in words: the name the suggestion gives it, else the id. */
export function nameOf(s: Suggestion, id: string): string {
  const p = s.proposal;
  const named: { actorId: string | null; name: string | null }[] = [];
  if (p.kind === "mention")
    named.push(
      { actorId: p.actorId, name: p.actorName },
      ...p.candidates.map((c) => ({ actorId: c.actorId, name: c.actorName })),
    );
  if (p.kind === "statement") named.push({ actorId: p.claimantId, name: p.claimantName }, ...(p.via ? [p.via] : []));
  if (p.kind === "event") named.push(...p.participants);
  if (p.kind === "relation") named.push(p.from, p.to);
  return named.find((n) => n.actorId === id && n.name)?.name ?? id;
}

const who = (s: Suggestion, id: string | null, name: string) => (id ? nameOf(s, id) : `${name} (not an actor yet)`);

/** What the suggestion is, in one line, with the reviewer's edits. */
export function headline(s: Suggestion): string {
  const v = s.effective;
  const p = s.proposal;
  switch (v.kind) {
    case "mention":
      return `“${s.quote}” → ${v.actorId ? nameOf(s, v.actorId) : `${v.choices.map((id) => nameOf(s, id)).join(" or ")}?`}`;
    case "actor": {
      if (v.mergeInto) return `${v.name} → another name of ${v.mergeInto}`;
      const a = p as Proposal<"actor">;
      return `${v.name} — ${kindLabel(v.actorKind)}${a.title ? `, ${a.title}` : ""}${a.role ? `, ${a.role}` : ""}`;
    }
    case "statement":
      return `${who(s, v.claimantId, v.speaker)} ${v.stance}: “${short(v.statement, 60)}”`;
    case "event":
    case "date": {
      if (v.eventId) {
        const held = p.kind === "event" && p.corroborates?.id === v.eventId ? p.corroborates.title : v.eventId;
        return `another account of “${held}”`;
      }
      const when = v.time ? compactTime(v.time) : "no date";
      return v.kind === "date"
        ? `${when} — ${v.title} (${kindLabel(v.eventKind)})`
        : `${v.title} (${kindLabel(v.eventKind)}, ${when})`;
    }
    case "relation":
      return `${who(s, v.fromId, v.fromName)} ${relationWords(v.relationType, "outgoing")} ${who(s, v.toId, v.toName)}`;
  }
}

/**
 * The suggestion's words in the text around them (cut at paragraph ends and at about `room`
 * characters each side), the words themselves toned "focus": reversed, or ⟦marked⟧ without colour.
 */
export function inContext(text: string, start: number, end: number, room = 60): Seg[] {
  const paraStart = text.lastIndexOf("\n", start - 1) + 1;
  const nextBreak = text.indexOf("\n", end);
  const paraEnd = nextBreak < 0 ? text.length : nextBreak;
  let from = Math.max(paraStart, start - room);
  let to = Math.min(paraEnd, end + room);
  // Whole words at the cut ends.
  if (from > paraStart) from = text.indexOf(" ", from) + 1 || start;
  if (to < paraEnd) to = Math.max(end, text.lastIndexOf(" ", to));
  const flat = (s: string) => s.replace(/\s+/g, " ");
  return [
    { text: `${from > paraStart ? "…" : ""}${flat(text.slice(from, start))}` },
    { text: flat(text.slice(start, end)), tone: "focus" },
    { text: `${flat(text.slice(end, to))}${to < paraEnd ? "…" : ""}` },
  ];
}

export type Part = { segs: Seg[]; indent?: number; hang?: number } | { lines: Line[] };

const DETAIL = 4;
const note = (text: string): Part => ({ segs: [{ text, tone: "muted" }], indent: DETAIL, hang: 2 });

/**
 * Two accounts of one thing side by side — what the atlas holds and what this document says —
 * one row per aspect, each cell wrapped in its column.
 */
function sideBySide(b: DocBuilder, head: [string, string], rows: [string, string, string][], why: string[]): Part[] {
  const termWidth = Math.max(...rows.map(([t]) => t.length)) + 1;
  const column = Math.max(10, Math.floor((b.width - DETAIL - termWidth - 3) / 2));
  const cell = (text: string, tone?: Seg["tone"]) => wrap(marked([{ text, tone }], b.theme), column);
  const lines: Line[] = [];
  for (const [term, left, right] of [["", ...head] as [string, string, string], ...rows]) {
    const l = cell(left, term ? undefined : "title");
    const r = cell(right, term ? undefined : "title");
    for (let i = 0; i < Math.max(l.length, r.length); i++) {
      const pad = column - (l[i] ?? []).reduce((n, seg) => n + Array.from(seg.text).length, 0);
      lines.push([
        { text: `${" ".repeat(DETAIL)}${(i === 0 ? term : "").padEnd(termWidth)}`, tone: "muted" },
        ...(l[i] ?? []),
        { text: `${" ".repeat(Math.max(0, pad))} │ `, tone: "muted" },
        ...(r[i] ?? []),
      ]);
    }
  }
  return [{ lines }, ...(why.length ? [note(`why they match: ${why.join(" · ")}`)] : [])];
}

function mentionDetails(p: Proposal<"mention">, v: Effective<"mention">): Part[] {
  const parts = [note(`matched “${p.alias}” by ${p.rule} · confidence ${percent(p.confidence)}`)];
  if (p.candidates.length > 1) {
    parts.push(
      ...p.candidates
        .slice(0, 9)
        .map((c, i) =>
          note(
            `${i + 1} ${c.actorName} (${c.actorId}) as “${c.alias}”${c.outside ? ", a name from outside the documents" : ""} · ${c.rule} · ${percent(c.confidence)}${v.actorId === c.actorId ? " · chosen" : ""}`,
          ),
        ),
    );
  }
  return parts;
}

function statementDetails(
  b: DocBuilder,
  s: Suggestion,
  p: Proposal<"statement">,
  v: Effective<"statement">,
  held: Held,
): Part[] {
  const parts = [
    note(
      `speaker as written: “${p.speaker}”, found by ${p.speakerFrom} · ${p.verb}, ${p.mode} · confidence ${percent(p.confidence)}`,
    ),
  ];
  const channel = v.viaId
    ? nameOf(s, v.viaId)
    : p.via && v.viaId === null && s.edit?.viaId === undefined
      ? `${p.via.name} (not an actor yet)`
      : null;
  if (channel) parts.push(note(`through ${channel}: the channel, not a second speaker`));
  if (v.onBehalfOfId) parts.push(note(`on behalf of ${nameOf(s, v.onBehalfOfId)}`));
  const links = [
    ...p.supports.map((m) => ({ m, how: "supports", kept: v.supportsIds.includes(m.id) })),
    ...p.contradicts.map((m) => ({ m, how: "contradicts", kept: v.contradictsIds.includes(m.id) })),
  ];
  for (const { m, how, kept } of links) {
    const c = held.claims.get(m.id);
    parts.push(note(`${kept ? "" : "left out: "}${how} ${m.id}`));
    parts.push(
      ...sideBySide(
        b,
        ["the atlas's claim", "these words"],
        [
          ["who", c ? `${c.claimant.name} ${c.stance}` : "—", `${who(s, v.claimantId, v.speaker)} ${v.stance}`],
          [
            "words",
            c?.evidence[0] ? `“${short(c.evidence[0].quote, 160)}”` : m.title,
            `“${short(p.evidence.quote, 160)}”`,
          ],
        ],
        m.why,
      ),
    );
  }
  return parts;
}

function participantsText(s: Suggestion, v: Effective<"event"> | Effective<"date">) {
  const known = v.participants.map((x) => `${nameOf(s, x.actorId)} (${kindLabel(x.role)})`);
  const unknown = v.unknownParticipants.map((n) => `${n} (not an actor yet: left out)`);
  return [...known, ...unknown].join(", ") || "none named";
}

function eventDetails(b: DocBuilder, s: Suggestion, p: Proposal<"event">, v: Effective<"event">, held: Held): Part[] {
  const deaths = p.fatalities.map((f) => `${describeDeathCount(f)} — ${f.who}`).join("; ") || "not reported";
  const injuries = p.injuries.map((i) => i.words).join("; ") || "not reported";
  const place = v.placeId ?? (p.place ? `${p.place.name} (not in the gazetteer: a new place)` : "not given");
  const parts = [note(`reported by “${p.trigger}” · confidence ${percent(p.confidence)}`)];
  if (!p.corroborates) {
    parts.push(
      note(`who: ${participantsText(s, v)}`),
      note(`where: ${place} · deaths: ${deaths} · injuries: ${injuries}`),
    );
    return parts;
  }
  const e = held.events.get(p.corroborates.id);
  const merging = v.eventId === p.corroborates.id;
  parts.push(
    note(
      merging
        ? "the atlas holds this event: accepting adds this document's account"
        : "the atlas holds a matching event; a new event was chosen",
    ),
  );
  parts.push(
    ...sideBySide(
      b,
      [e?.title ?? p.corroborates.title, "this document"],
      [
        ["kind", e ? kindLabel(e.kind) : "—", kindLabel(v.eventKind)],
        ["date", e ? compactTime(e.time) : "—", v.time ? compactTime(v.time) : "no date"],
        ["place", e ? (e.place?.name ?? e.placeNote ?? "not given") : "—", place],
        [
          "who",
          e ? e.participants.map((x) => `${x.actor.name} (${kindLabel(x.role)})`).join(", ") : "—",
          participantsText(s, v),
        ],
        [
          "deaths",
          e ? e.fatalities.map((f) => `${describeDeathCount(f)} — ${f.who}`).join("; ") || "not reported" : "—",
          deaths,
        ],
      ],
      p.corroborates.why,
    ),
  );
  return parts;
}

function relationDetails(
  b: DocBuilder,
  s: Suggestion,
  p: Proposal<"relation">,
  v: Effective<"relation">,
  held: Held,
): Part[] {
  const parts = [
    note(
      `found by “${p.pattern}” · role: ${v.role ?? "none"} · ${v.time ? compactTime(v.time) : "no date"}${v.former ? " · former" : ""} · confidence ${percent(p.confidence)}`,
    ),
  ];
  const mine = (r: HeldRelation | undefined): [string, string, string][] => [
    ["ends", r ? `${r.from} ${relationWords(r.type, "outgoing")} ${r.to}` : "—", headline(s)],
    ["role", r ? (r.role ?? "none") : "—", v.role ?? "none"],
    ["former", r ? (r.former ? "yes" : "no") : "—", v.former ? "yes" : "no"],
    ["words", r?.words ? `“${short(r.words, 160)}”` : "—", `“${short(p.evidence.quote, 160)}”`],
  ];
  if (p.existing) {
    parts.push(
      note(
        v.relationId === p.existing.id
          ? "the atlas holds this relation: accepting adds these words as its evidence"
          : "the atlas holds this relation; a new one was chosen",
      ),
    );
    parts.push(
      ...sideBySide(
        b,
        ["the atlas's relation", "these words"],
        mine(held.relations.get(p.existing.id)),
        p.existing.why,
      ),
    );
  }
  if (p.conflicts) {
    parts.push(note("it disagrees with a relation the atlas holds: both are kept, as each source reports them"));
    parts.push(
      ...sideBySide(
        b,
        ["the atlas's relation", "these words"],
        mine(held.relations.get(p.conflicts.id)),
        p.conflicts.why,
      ),
    );
  }
  return parts;
}

/** What was found, under the suggestion's words. */
export function details(b: DocBuilder, s: Suggestion, held: Held): Part[] {
  const p = s.proposal;
  const v = s.effective;
  if (p.kind === "mention" && v.kind === "mention") return mentionDetails(p, v);
  if (p.kind === "statement" && v.kind === "statement") return statementDetails(b, s, p, v, held);
  if (p.kind === "event" && v.kind === "event") return eventDetails(b, s, p, v, held);
  if (p.kind === "relation" && v.kind === "relation") return relationDetails(b, s, p, v, held);
  if (p.kind === "actor" && v.kind === "actor" && !v.mergeInto) return [note(v.description)];
  if (v.kind === "date" && !v.eventId && v.participants.length) return [note(`who: ${participantsText(s, v)}`)];
  return [];
}

/** The one-key choices a suggestion offers, as the keys line under it. */
export function choices(s: Suggestion): string | null {
  const p = s.proposal;
  if (p.kind === "mention" && p.candidates.length > 1) {
    return p.candidates
      .slice(0, 9)
      .map((c, i) => `${i + 1} ${c.actorName}`)
      .join(" · ");
  }
  if (p.kind === "event" && p.corroborates) return `m add to “${short(p.corroborates.title, 40)}” · c a new event`;
  if (p.kind === "relation" && p.existing) return "m add as its evidence · c a new relation";
  return null;
}

/** What accepting would do, or — warned — why it cannot yet and what to do. */
export function outlook(s: Suggestion): Seg {
  return s.preview.blocked
    ? { text: `needs a change first: ${s.preview.blocked}`, tone: "warn" }
    : { text: s.preview.text, tone: "stance" };
}

/** What a reviewed suggestion became. */
export function outcome(s: Suggestion): string {
  if (s.status === "rejected") return `rejected${s.reviewNote ? `: ${s.reviewNote}` : ""}`;
  const made = s.records.map((r) => (r.type === "mention" ? "a mention" : `${r.type.replace("-", " ")} ${r.recordId}`));
  return `accepted: created ${made.length ? made.join(", ") : "nothing new"}`;
}

/** How to look at a created record from the command line. */
export function recordCommand(r: Suggestion["records"][number], s: Suggestion): string {
  switch (r.type) {
    case "actor":
    case "alias":
      return `atlas actor ${r.recordId}`;
    case "event":
    case "event-evidence":
      return `atlas event ${r.recordId}`;
    case "claim":
      return `atlas claim ${r.recordId}`;
    case "relation":
    case "relation-evidence": {
      // A relation is seen on its first end's profile.
      const from = s.effective.kind === "relation" ? s.effective.fromId : null;
      return from ? `atlas actor ${from}` : `atlas source ${s.sourceId} --text`;
    }
    case "mention":
    case "place":
    case "link":
      // A place, or a link an import wrote between two records: seen in the document's text.
      return `atlas source ${s.sourceId} --text`;
  }
}
