/**
 * How a suggestion reads, in the review screen and in `atlas review --list`: one line saying
 * what it is, its words in the surrounding text, and what accepting it would create (or what
 * it created). The preview applies the reviewer's edits, so a change shows before it is made.
 */
import type { Suggestion, SuggestionEdit, SuggestionKind } from "../data.js";
import type { Seg } from "../doc.js";
import { compactTime } from "../format/time.js";
import { kindLabel, plural } from "./common.js";

type Proposal<K extends SuggestionKind> = Extract<Suggestion["proposal"], { kind: K }>;

export const KIND_HEADINGS: Record<SuggestionKind, string> = {
  actor: "Candidate actors",
  mention: "Mentions",
  date: "Dates",
  statement: "Statements",
};

export const KIND_WORDS: Record<SuggestionKind, [one: string, many: string]> = {
  actor: ["candidate actor", "candidate actors"],
  mention: ["mention", "mentions"],
  date: ["date", "dates"],
  statement: ["statement", "statements"],
};

export const countOf = (kind: SuggestionKind, n: number) =>
  `${n.toLocaleString("en-US")} ${KIND_WORDS[kind][n === 1 ? 0 : 1]}`;

const short = (s: string, n = 80) => {
  const flat = s.replace(/\s+/g, " ").trim();
  return Array.from(flat).length <= n
    ? flat
    : `${Array.from(flat)
        .slice(0, n - 1)
        .join("")}…`;
};

/** The stored edit and any new one, as the server will merge them. */
export const editOf = (s: Suggestion, extra?: SuggestionEdit): SuggestionEdit => ({ ...(s.edit ?? {}), ...extra });

/** What the suggestion is, in one line. */
export function headline(s: Suggestion): string {
  const p = s.proposal;
  switch (p.kind) {
    case "mention":
      return `“${s.quote}” → ${p.actorName}`;
    case "actor":
      return `${p.name} — ${kindLabel(p.actorKind)}${p.title ? `, ${p.title}` : ""}${p.role ? `, ${p.role}` : ""}`;
    default:
      return s.label;
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

/** Accepted actors of this document by name (lower case): what a statement's speaker becomes once accepted. */
export function acceptedActors(suggestions: Suggestion[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const s of suggestions) {
    if (s.kind !== "actor" || s.status !== "accepted") continue;
    const p = s.proposal as Proposal<"actor">;
    const id = s.records.find((r) => r.type === "actor" || r.type === "alias")?.recordId;
    if (id) map.set((s.edit?.name ?? p.name).toLowerCase(), id);
  }
  return map;
}

/** What accepting would create, with the edits applied; "warn" when it cannot be accepted as it is. */
export function preview(s: Suggestion, edit: SuggestionEdit, actors: Map<string, string>): Seg {
  const p = s.proposal;
  switch (p.kind) {
    case "mention":
      return {
        text: edit.actorId
          ? `accepting creates a mention of ${edit.actorId}`
          : `accepting creates a mention of ${p.actorName} (${p.actorId})`,
      };
    case "actor": {
      const name = edit.name ?? p.name;
      if (edit.mergeInto)
        return { text: `accepting adds “${name}” to ${edit.mergeInto} as another name, with its mentions here` };
      const others = p.shortNames.filter((n) => n.toLowerCase() !== name.toLowerCase());
      return {
        text: `accepting creates a new actor “${name}” (${kindLabel(edit.actorKind ?? p.actorKind)})${
          others.length ? `, also called ${others.join(", ")}` : ""
        }, with ${plural(p.occurrences, "mention")} here`,
      };
    }
    case "date": {
      if (edit.eventId) return { text: `accepting adds this sentence as evidence of the event ${edit.eventId}` };
      const title = edit.title ? `“${edit.title}”` : "titled after its sentence";
      return {
        text: `accepting creates an event (${kindLabel(edit.eventKind ?? "other")}) in ${compactTime(edit.time ?? p.time)}, ${title}`,
      };
    }
    case "statement": {
      const speaker = p.claimantName ?? p.speaker;
      const claimant = edit.claimantId ?? p.claimantId ?? actors.get(speaker.toLowerCase()) ?? null;
      if (!claimant) {
        return {
          text: `needs an actor first: “${speaker}” is not an actor yet — accept its candidate actor, or edit (e) to name the claimant`,
          tone: "warn",
        };
      }
      return {
        text: `accepting creates a claim: ${claimant} ${edit.stance ?? p.stance} “${short(edit.statement ?? p.statement, 70)}”`,
      };
    }
  }
}

/** What a reviewed suggestion became. */
export function outcome(s: Suggestion): string {
  if (s.status === "rejected") return `rejected${s.reviewNote ? `: ${s.reviewNote}` : ""}`;
  const made = s.records.map((r) => (r.type === "mention" ? "a mention" : `${r.type.replace("-", " ")} ${r.recordId}`));
  return `accepted: created ${made.length ? made.join(", ") : "nothing new"}`;
}

/** How to look at a created record from the command line. */
export function recordCommand(r: Suggestion["records"][number], sourceId: string): string {
  switch (r.type) {
    case "actor":
    case "alias":
      return `atlas actor ${r.recordId}`;
    case "event":
    case "event-evidence":
      return `atlas event ${r.recordId}`;
    case "claim":
      return `atlas claim ${r.recordId}`;
    case "mention":
      return `atlas source ${sourceId} --text`;
  }
}
