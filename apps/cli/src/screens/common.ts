/** Pieces several screens share: quotes with their source, claim and event rows, relation wording. */
import type { ClaimSummary, EventSummary } from "../data.js";
import type { DocBuilder, Seg } from "../doc.js";
import { compactTime } from "../format/time.js";

export interface QuoteLike {
  sourceId: string;
  start: number;
  end: number;
  quote: string;
  source: { title: string };
}

/** A verbatim quote and where it is from; Enter opens the document at those words. */
export function quote(b: DocBuilder, q: QuoteLike, indent = 4): void {
  b.text([{ text: `“${q.quote}”` }, { text: ` — ${q.source.title}`, tone: "muted" }], {
    indent,
    hang: 1,
    target: { kind: "reader", id: q.sourceId, focus: { start: q.start, end: q.end } },
  });
}

/** Relation types read from this actor's side: outgoing as written, incoming turned round. */
const RELATION_WORDS: Record<string, [outgoing: string, incoming: string]> = {
  leads: ["leads", "led by"],
  founded: ["founded", "founded by"],
  member_of: ["member of", "has member"],
  part_of: ["part of", "includes"],
  commands: ["commands", "commanded by"],
  subordinate_of: ["serves under", "has under them"],
  deputy_of: ["deputy of", "has deputy"],
  backed_by: ["backed by", "backs"],
  directed_by: ["takes direction from", "directs"],
  allied_with: ["allied with", "allied with"],
  linked_to: ["linked to", "linked to"],
  opposes: ["opposes", "opposed by"],
  sanctioned_by: ["sanctioned by", "sanctioned"],
  designated_by: ["designated by", "designated"],
  spokesperson_of: ["spokesperson of", "has spokesperson"],
  kin_of: ["relative of", "relative"],
  killed: ["killed", "killed by"],
  employed_by: ["works for", "employs"],
  researcher_at: ["researcher at", "has researcher"],
};

export function relationWords(type: string, direction: "outgoing" | "incoming"): string {
  const words = RELATION_WORDS[type] ?? [type.replaceAll("_", " "), `${type.replaceAll("_", " ")} (from)`];
  return direction === "outgoing" ? words[0] : words[1];
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const kindLabel = (kind: string) => kind.replaceAll("_", " ");

/** Who published and wrote a source, in the web explorer's words when the document does not say. */
export const bylineParts = (s: { publisher: string | null; authors: string[] }) => [
  s.publisher ?? "publisher not stated",
  s.authors.length ? s.authors.join(", ") : "author not named",
];

/** One claim: stance, when, who (unless the page is the claimant's), the statement, and its words. */
export function claimItem(b: DocBuilder, c: ClaimSummary, opts: { showClaimant: boolean; quotes: boolean }): void {
  const segs: Seg[] = [];
  if (opts.showClaimant) segs.push({ text: c.claimant.name, tone: "accent" }, { text: " " });
  segs.push({ text: c.stance, tone: "stance" }, { text: ` (${compactTime(c.said)})`, tone: "muted" });
  segs.push({ text: `: ${c.statement}` });
  const links: string[] = [];
  if (c.contradictsCount > 0) links.push(`contradicts ${c.contradictsCount}`);
  if (c.supportsCount > 0) links.push(`supports ${c.supportsCount}`);
  if (links.length) segs.push({ text: ` [${links.join(", ")}]`, tone: "warn" });
  b.text(segs, { indent: 2, hang: 2, target: { kind: "claim", id: c.id } });
  if (opts.quotes) for (const q of c.evidence) quote(b, q, 6);
}

/** One event: when (honestly), what, and the roles an actor played in it. */
export function eventItem(b: DocBuilder, e: EventSummary & { roles?: string[] }, timeWidth: number): void {
  const when = compactTime(e.time).padEnd(timeWidth);
  const segs: Seg[] = [{ text: `${when} `, tone: "muted" }, { text: e.title }];
  if (e.roles?.length) segs.push({ text: ` — ${e.roles.map(kindLabel).join(", ")}`, tone: "stance" });
  b.text(segs, { indent: 2, hang: timeWidth + 1, target: { kind: "event", id: e.id } });
}

export const timeColumn = (times: string[], max = 22) => Math.min(max, Math.max(4, ...times.map((t) => t.length)));
