/**
 * Every claim: who, with what stance, and the plain statement; the order in which they were said.
 * And the claims that contradict each other, each pair side by side with its words (x in Claims).
 */
import { parseEdtf } from "@atlas/schema";
import type { ClaimSummary, Contradiction } from "../data.js";
import type { DocBuilder } from "../doc.js";
import { cell } from "../format/text.js";
import { claimItem, plural } from "./common.js";
import type { Screen } from "./screen.js";

const WHO = 22;
const STANCE = 14;

const saidKey = (c: ClaimSummary) => {
  const r = c.said ? parseEdtf(c.said.edtf) : null;
  return r?.ok ? (r.value.earliest ?? "0000") : "9999";
};

export function sortClaims(claims: ClaimSummary[]): ClaimSummary[] {
  return [...claims].sort((a, b) => saidKey(a).localeCompare(saidKey(b)) || a.id.localeCompare(b.id));
}

export function claimsScreen(claims: ClaimSummary[], b: DocBuilder): Screen {
  b.label([{ text: `${cell("Claimant", WHO - 1)} ${cell("Stance", STANCE - 1)} Statement`, tone: "muted" }]);
  for (const c of sortClaims(claims)) {
    b.row(
      [
        { text: `${cell(c.claimant.name, WHO - 1)} `, tone: "accent" },
        { text: `${cell(c.stance, STANCE - 1)} `, tone: "stance" },
        { text: c.statement },
      ],
      { kind: "claim", id: c.id },
    );
  }
  if (claims.length === 0) b.note("No claims.");
  return { title: `Claims (${claims.length}) · in the order they were said · x contradictions`, doc: b.build() };
}

export function contradictionsScreen(pairs: Contradiction[], b: DocBuilder): Screen {
  pairs.forEach(({ a, b: other }, i) => {
    if (i > 0) b.blank();
    claimItem(b, a, { showClaimant: true, quotes: true });
    b.text([{ text: "↕ contradicts", tone: "warn" }], { indent: 4 });
    claimItem(b, other, { showClaimant: true, quotes: true });
  });
  if (pairs.length === 0) b.note("No two claims contradict each other.");
  return { title: `Contradictions (${plural(pairs.length, "pair")}) · Esc: every claim`, doc: b.build() };
}
