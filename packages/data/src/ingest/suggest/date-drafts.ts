/** Date suggestions, and the warnings for the date expressions left unresolved. */
import { describeTime } from "@atlas/schema";
import type { Draft, ProposalOf } from "../types.js";
import type { DateHit, Reference, Unresolved } from "./date-core.js";
import { short, span } from "./labels.js";

export function dateDrafts(
  text: string,
  dates: { hit: DateHit; sentence: [number, number] }[],
): Draft<ProposalOf<"date">>[] {
  return dates.map(({ hit, sentence }) => {
    const relative = hit.time.basis === "relative" ? `, ${hit.time.basis}` : "";
    return {
      kind: "date",
      start: hit.start,
      end: hit.end,
      quote: text.slice(hit.start, hit.end),
      label: `${describeTime(hit.time)} (${hit.time.precision}${relative}) — “${short(text.slice(hit.start, hit.end), 40)}”`,
      proposal: { kind: "date", time: hit.time, sentence: span(text, { start: sentence[0], end: sentence[1] }) },
    };
  });
}

export function dateWarnings(unresolved: Map<Unresolved, number>, ref: Reference | null): string[] {
  const warnings: string[] = [];
  const counted = unresolved.get("unknown-event") ?? 0;
  if (counted > 0) {
    warnings.push(
      `${counted} date${counted === 1 ? "" : "s"} counted from an event ("three months after the strike") left unresolved: the atlas holds no event the words name. Add the event, then review the date by hand.`,
    );
  }
  const noRef = unresolved.get("no-reference") ?? 0;
  const imprecise = unresolved.get("imprecise-reference") ?? 0;
  if (noRef > 0) {
    warnings.push(
      `${noRef} relative date expression${noRef === 1 ? "" : "s"} ("last June", "on Sunday"…) left unresolved: the document has no publication date. Give one (YYYY-MM-DD) to resolve them.`,
    );
  }
  if (imprecise > 0) {
    warnings.push(
      `${imprecise} relative date expression${imprecise === 1 ? "" : "s"} left unresolved: the publication date (${ref?.edtf}) is not precise enough for them.`,
    );
  }
  return warnings;
}
