/**
 * The lines under the reader while marking: the span so far, the menu of what to make of it,
 * the form, and what the last write did. Pure: the state, the lists for the pickers and a width
 * in, styled lines out. The footer's keys for each step are here too, so help and footer agree.
 */
import { quoteAt } from "@atlas/schema";
import type { SourceDetail } from "../data.js";
import { type Line, type Seg, truncate, wrap } from "../doc.js";
import {
  CHOICES,
  type Field,
  type Lists,
  type Mark,
  matchesOf,
  type Range,
  type Status,
  spanOf,
} from "../state/mark.js";

export const MARK_FOOTERS = {
  cursor: "←→/hl word  ↑↓/jk line  m start here  Esc stop marking  q quit",
  extend: "←→/hl ↑↓/jk extend  m/Enter end here  Esc start again",
  menu: "c m a e r n  choose  Esc back to marking",
  form: "Tab field  ←→ choose  ↑↓ pick  type to fill  Ctrl-U clear  Enter save  Esc back",
  sending: "saving…",
} as const;

export function markFooter(mark: Mark): string {
  const p = mark.phase;
  if (p.kind === "form") return p.sending ? MARK_FOOTERS.sending : MARK_FOOTERS.form;
  return MARK_FOOTERS[p.kind];
}

const quoted = (source: SourceDetail, span: Range, room: number): string => {
  const words = source.text.slice(span.start, span.end).replace(/\s+/g, " ");
  const cut = words.length > room ? `${words.slice(0, Math.max(1, room - 1))}…` : words;
  return `“${cut}”`;
};

/** "“words” (4 words, the 2nd time they occur)": what will be sent as the quote. */
function spanLabel(source: SourceDetail, span: Range, width: number): Seg[] {
  const q = quoteAt(source, span.start, span.end);
  const count = source.text.slice(span.start, span.end).split(/\s+/).length;
  const where = q?.occurrence ? `, occurrence ${q.occurrence}` : "";
  const tail = ` (${count} word${count === 1 ? "" : "s"}${where})`;
  return [
    { text: quoted(source, span, Math.max(10, width - tail.length - 12)), tone: "marked" },
    { text: tail, tone: "muted" },
  ];
}

const LABEL = 12;

function fieldLine(f: Field, focused: boolean, lists: Lists, source: SourceDetail, width: number): Line[] {
  const head: Seg[] = [
    { text: focused ? "› " : "  ", tone: "accent" },
    { text: f.label.padEnd(LABEL), tone: focused ? "title" : "muted" },
  ];
  const room = Math.max(8, width - 2 - LABEL);
  const tail = (t: string) => (t.length > room ? `…${t.slice(t.length - room + 1)}` : t);
  if (f.type === "choice") {
    return [[...head, { text: focused ? `‹ ${f.value || "(none)"} ›` : f.value || "(none)" }]];
  }
  if (f.type === "text") {
    return [[...head, { text: tail(focused ? `${f.value}█` : f.value || (f.optional ? "(optional)" : "")) }]];
  }
  const matches = matchesOf(f, lists, source);
  const list = f.of === "actor" ? lists.actors : lists.events;
  const selected = Math.min(f.selected, matches.length - 1);
  const chosen = matches[selected];
  const what = list === null ? "loading…" : chosen ? `→ ${chosen.label} (${chosen.id})` : `no ${f.of} matches`;
  const line: Line = [
    ...head,
    { text: focused ? `${f.filter}█ ` : f.filter ? `${f.filter} ` : "" },
    { text: what, tone: chosen ? "accent" : "warn" },
  ];
  if (!focused || list === null) return [truncate(line, width)];
  // The matches around the chosen one, four at most.
  const from = Math.max(0, Math.min(selected - 1, matches.length - 4));
  const shown = matches
    .slice(from, from + 4)
    .map(
      (m, i): Line =>
        truncate(
          [
            { text: " ".repeat(2 + LABEL) },
            { text: from + i === selected ? "▸ " : "  ", tone: "accent" },
            { text: m.label },
            { text: `  ${m.id}`, tone: "muted" },
          ],
          width,
        ),
    );
  const more =
    matches.length > 4
      ? [[{ text: `${" ".repeat(2 + LABEL)}  ${matches.length} match, ↑↓ through them`, tone: "muted" as const }]]
      : [];
  return [truncate(line, width), ...shown, ...more];
}

function statusLines(status: Status, width: number): Line[] {
  const segs: Seg[] = [
    { text: status.text, tone: status.tone === "ok" ? "accent" : "warn" },
    ...(status.open ? [{ text: "  o opens it", tone: "muted" as const }] : []),
  ];
  return wrap(segs, width).slice(0, 3);
}

/** The panel's lines (none when there is nothing to show). */
export function markPanel(
  mark: Mark | null,
  status: Status | null,
  source: SourceDetail | null,
  words: Range[],
  lists: Lists,
  width: number,
): Line[] {
  const out: Line[] = [];
  const p = mark?.phase;
  if (mark && p && source) {
    if (p.kind === "extend") {
      out.push([{ text: "Marking " }, ...spanLabel(source, spanOf(words, p.anchor, mark.cursor), width)]);
    } else if (p.kind === "menu") {
      out.push([{ text: "Marked " }, ...spanLabel(source, p.span, width)]);
      const menu: Seg[] = [{ text: "Make it:" }];
      for (const [key, c] of Object.entries(CHOICES))
        menu.push({ text: `  ${key}`, tone: "accent" }, { text: ` ${c.label}` });
      out.push(...wrap(menu, width));
    } else if (p.kind === "form") {
      const title = {
        claim: "New claim",
        mention: "Mention",
        alias: "Alias",
        event: "More evidence for an event",
        relation: "New relation",
        actor: "New actor",
      }[p.form.choice];
      out.push(
        truncate(
          [{ text: `${title} from `, tone: "title" }, ...spanLabel(source, p.span, width - title.length)],
          width,
        ),
      );
      p.form.fields.forEach((f, i) => {
        out.push(...fieldLine(f, i === p.form.focus && !p.sending, lists, source, width));
      });
    }
  }
  if (status) out.push(...statusLines(status, width));
  return out.map((l) => truncate(l, width));
}
