/**
 * When undated claims were said, as far as the documents tell. The document's own voice speaks
 * when the document is published: a claim of its author (the `author-<source>` actor, or a person
 * named among the source's authors) gets the source's publication date. Anyone else's words were
 * said by then: they get an open interval ending at publication ("March 2021 or earlier"). Both
 * are marked inferred, with a note; a date the annotation gives is never replaced.
 */
import { describeTime, precisionOf, type Source } from "@atlas/schema";
import type { ActorRecord, ClaimRecord } from "./records.js";

export function dateUndatedClaims(claims: ClaimRecord[], actors: ActorRecord[], sources: Map<string, Source>) {
  const actorById = new Map(actors.map((a) => [a.id, a]));
  for (const claim of claims) {
    if (claim.said) continue;
    const sourceIds = new Set(claim.evidence.map((e) => e.sourceId));
    const [only] = sourceIds;
    const source = sourceIds.size === 1 && only !== undefined ? sources.get(only) : undefined;
    const claimant = claim.claimantId === undefined ? undefined : actorById.get(claim.claimantId);
    if (!source?.published || !claimant) continue;
    const published = describeTime(source.published);
    const isVoice =
      claimant.id === `author-${source.id}` || (claimant.name !== undefined && source.authors.includes(claimant.name));
    if (isVoice) {
      const { edtf, precision, part } = source.published;
      claim.said = {
        edtf,
        precision,
        basis: "inferred",
        ...(part ? { part } : {}),
        note: `The document's own words, said when it was published (${published}); see the source's publication date for how that is known.`,
      };
    } else {
      const edtf = `../${source.published.edtf.split("/").at(-1)}`;
      claim.said = {
        edtf,
        precision: precisionOf(edtf),
        basis: "inferred",
        note: `The document does not say when; said by the time it was published (${published}).`,
      };
    }
  }
}
