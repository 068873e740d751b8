/**
 * The review's documents: the ingested documents; one document's suggestions grouped by kind,
 * each with its words in context and what accepting it would create (or what it created); and
 * the edit form. Each screen also says which record each item stands for (`keys`), so the
 * review's keys know what the cursor is on.
 */
import { KIND_INFO, SUGGESTION_KINDS } from "@atlas/data/review";
import type { IngestedDocument, Suggestion } from "../data.js";
import type { DocBuilder, Seg } from "../doc.js";
import { compactTime } from "../format/time.js";
import { type EditForm, formEdit, formPreview } from "../state/review-form.js";
import type { ReviewDoc } from "../state/use-review-state.js";
import { plural } from "./common.js";
import type { Screen } from "./screen.js";
import { choices, details, headline, inContext, outcome, outlook, type Part } from "./suggestion.js";

export interface ReviewScreen extends Screen {
  /** The document or suggestion id behind each item (null for headings and notes). */
  keys: (string | null)[];
}

function keyed(b: DocBuilder) {
  const keys: (string | null)[] = [];
  return {
    keys,
    /** Records the id of the item just added. */
    mark: (id: string) => {
      keys[b.items.length - 1] = id;
    },
    done: (): (string | null)[] => b.items.map((_, i) => keys[i] ?? null),
  };
}

/** How many of a document's suggestions have this status, whatever their kind. */
export const statusCount = (d: IngestedDocument, status: Suggestion["status"]) =>
  Object.values(d.suggestions).reduce((n, byStatus) => n + (byStatus[status] ?? 0), 0);

export function documentsScreen(docs: IngestedDocument[], b: DocBuilder): ReviewScreen {
  const k = keyed(b);
  if (docs.length === 0) {
    b.note("Nothing has been ingested yet. Add a document with: atlas ingest <file>", 0);
    return { title: "Ingested documents (0)", doc: b.build(), keys: k.done() };
  }
  for (const d of docs) {
    const pending = statusCount(d, "suggested");
    const details = [
      d.sourceId,
      d.published ? `published ${compactTime(d.published)}` : "publication date unknown",
      `ingested ${d.ingestedAt.slice(0, 10)}`,
      `${pending} to review`,
      `${statusCount(d, "accepted")} accepted`,
      `${statusCount(d, "rejected")} rejected`,
    ].join(" · ");
    b.text(
      [
        { text: d.title, tone: pending > 0 ? undefined : "muted" },
        { text: `\n${details}`, tone: "muted" },
      ],
      {
        hang: 2,
        selectable: true,
      },
    );
    k.mark(d.sourceId);
  }
  return { title: `Ingested documents (${docs.length})`, doc: b.build(), keys: k.done() };
}

const MARKS: Record<Suggestion["status"], string> = { suggested: "○", accepted: "✓", rejected: "✗" };

function suggestionItem(b: DocBuilder, s: Suggestion, doc: ReviewDoc, busy: boolean) {
  const pending = s.status === "suggested";
  const parts: Part[] = [
    {
      segs: [
        { text: `${busy ? "…" : MARKS[s.status]} `, tone: pending ? "accent" : "muted" },
        { text: headline(s), tone: pending ? undefined : "muted" },
      ],
      hang: 4,
    },
    { segs: inContext(doc.text, s.start, s.end), indent: 4, hang: 0 },
  ];
  if (busy) parts.push({ segs: [{ text: "working…", tone: "muted" }], indent: 4 });
  else if (pending) {
    parts.push(...details(b, s, doc.held), { segs: [outlook(s)], indent: 4 });
    const keys = choices(s);
    if (keys) parts.push({ segs: [{ text: `keys: ${keys}`, tone: "accent" }], indent: 4 });
  } else parts.push({ segs: [{ text: outcome(s), tone: s.status === "accepted" ? "accent" : "muted" }], indent: 4 });
  b.parts(parts);
}

export function documentScreen(doc: ReviewDoc, busy: Set<string>, b: DocBuilder): ReviewScreen {
  const k = keyed(b);
  const pending = doc.suggestions.filter((s) => s.status === "suggested").length;
  b.text(
    [
      {
        text: `${doc.sourceId} · ${doc.published ? `published ${compactTime(doc.published)}` : "publication date unknown"} · ${plural(doc.suggestions.length, "suggestion")}, ${pending} to review`,
        tone: "muted",
      },
    ],
    { hang: 2 },
  );
  if (doc.suggestions.length === 0) {
    b.blank().note("No suggestions in this document. Esc goes back.", 0);
  }
  let firstPending: number | undefined;
  for (const kind of SUGGESTION_KINDS) {
    const group = doc.suggestions.filter((s) => s.kind === kind);
    if (group.length === 0) continue;
    const open = group.filter((s) => s.status === "suggested").length;
    b.heading(`${KIND_INFO[kind].title} (${group.length} · ${open} to review)`);
    for (const s of group) {
      suggestionItem(b, s, doc, busy.has(s.id));
      k.mark(s.id);
      if (firstPending === undefined && s.status === "suggested") firstPending = b.items.length - 1;
    }
  }
  // The cursor starts on the first suggestion still to review.
  return { title: doc.title, doc: b.build("cursor", firstPending), keys: k.done() };
}

const LABEL = 14;

export function formScreen(form: EditForm, s: Suggestion, doc: ReviewDoc, b: DocBuilder): ReviewScreen {
  const k = keyed(b);
  b.text([{ text: headline(s), tone: "title" }]);
  b.text(inContext(doc.text, s.start, s.end), { hang: 2 });
  // What accepting would create with the form's values, above the fields so it stays in view.
  const { problems } = formEdit(form);
  const p = problems.length ? null : formPreview(form, s, doc.suggestions);
  b.text([
    problems.length
      ? { text: problems.join(" "), tone: "warn" }
      : p?.blocked
        ? { text: `needs a change first: ${p.blocked}`, tone: "warn" }
        : { text: p?.text ?? "", tone: "stance" },
  ]);
  b.blank();
  let anchor = 0;
  form.fields.forEach((f, i) => {
    const focused = i === form.focus;
    const value: Seg[] = f.choices
      ? [{ text: focused ? `‹ ${f.value || "—"} ›` : f.value || "—", tone: "accent" }]
      : [
          { text: f.value || (focused ? "" : "—"), tone: f.value ? undefined : "muted" },
          ...(focused ? [{ text: "█" }] : []),
        ];
    b.text([{ text: f.label.padEnd(LABEL) }, ...value], { hang: LABEL, selectable: true });
    if (focused) anchor = b.items.length - 1;
    k.mark(f.key);
    b.text([{ text: f.hint, tone: "muted" }], { indent: LABEL, hang: 0 });
  });
  return { title: `Edit before accepting · ${s.id}`, doc: b.build("cursor", anchor), keys: k.done() };
}
