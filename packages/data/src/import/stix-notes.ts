/** A STIX import's notes: statements, with what they are about and the claims they support or contradict. */
import { type Claim, STANCES, type Stance } from "@atlas/schema";
import type { Db } from "../db/client.js";
import * as t from "../db/schema/index.js";
import { slugify, unique } from "../ingest/ids.js";
import type { Match, TextSpan } from "../ingest/types.js";
import type { Candidate } from "../names/resolver.js";
import { keyOf } from "./pending.js";
import type { StixOf } from "./stix-bundle.js";
import type { Planning } from "./stix-planning.js";
import { atlasTime, validId } from "./stix-read.js";

type HeldClaim = Pick<typeof t.claims.$inferSelect, "id" | "claimantId" | "statement">;

/**
 * Who says a note: the bundle's actor it names as claimant (`x_atlas_claimant_ref`) or whose name
 * its first author gives, else the author as named, with the atlas's one actor by that name.
 */
function claimantOf(note: StixOf<"note">, { b, resolver }: Planning, byName: Map<string, string>) {
  const claimantRef =
    note.x_atlas_claimant_ref && b.actorIds.has(note.x_atlas_claimant_ref)
      ? note.x_atlas_claimant_ref
      : (note.authors ?? []).map((a) => byName.get(a.trim().toLowerCase())).find(Boolean);
  const speaker = claimantRef ? b.nameOf(claimantRef) : (note.authors?.[0]?.trim() ?? "an unnamed author");
  const resolved = claimantRef ? null : resolver.resolve(speaker);
  const atlasClaimant = resolved && resolved.length === 1 ? (resolved[0] as Candidate).actorId : null;
  return { claimantRef, speaker, atlasClaimant };
}

/** What a note says: its abstract without the "<speaker> <stance>: " an atlas writes, else its content's first sentence. */
function statementOf(note: StixOf<"note">, speaker: string, stance: Stance): string {
  const prefix = `${speaker} ${stance}: `;
  const abstract = note.abstract?.trim();
  return (
    (abstract?.startsWith(prefix) ? abstract.slice(prefix.length) : abstract) ||
    note.content.trim().split(/(?<=[.!?])\s/)[0] ||
    note.content.trim()
  );
}

/** The links a claim writes once both ends are accepted: what it is about, on whose behalf and through whom, the claims it supports or contradicts. */
function holdLinks(note: StixOf<"note">, claimantRef: string | undefined, { b, hold, from }: Planning): void {
  const about = note.object_refs.filter((r) => r !== claimantRef);
  for (const r of about) {
    if (b.actorIds.has(r)) hold("aboutActorIds", keyOf("claim", note.id), keyOf("actor", r));
    else if (b.eventIds.has(r)) hold("aboutEventIds", keyOf("claim", note.id), keyOf("event", r));
  }
  if (note.x_atlas_on_behalf_of_ref && b.actorIds.has(note.x_atlas_on_behalf_of_ref))
    hold("onBehalfOfId", keyOf("claim", note.id), keyOf("actor", note.x_atlas_on_behalf_of_ref));
  if (note.x_atlas_via_ref && b.actorIds.has(note.x_atlas_via_ref))
    hold("viaId", keyOf("claim", note.id), keyOf("actor", note.x_atlas_via_ref));
  for (const r of from(note.id)) {
    if (!b.noteIds.has(r.target_ref)) continue;
    if (r.relationship_type === "supports") hold("supportsIds", keyOf("claim", note.id), keyOf("claim", r.target_ref));
    if (r.relationship_type === "contradicts")
      hold("contradictsIds", keyOf("claim", note.id), keyOf("claim", r.target_ref));
  }
}

/**
 * The claim the atlas holds that the note restates: the one it exported under this id, or the
 * same words from the same speaker. A restatement is another claim supporting it, as ingest has it.
 */
function restatedClaim(
  note: StixOf<"note">,
  statement: string,
  speakerId: string | null,
  atlasClaims: HeldClaim[],
  claimById: Map<string, HeldClaim>,
): { claim: HeldClaim; why: string } | null {
  const sameId = claimById.get(validId(note.x_atlas_id) ?? "");
  if (sameId && sameId.statement === statement)
    return { claim: sameId, why: "the claim the atlas exported under this id" };
  const same = atlasClaims.find(
    (c) => c.claimantId === speakerId && c.statement.toLowerCase() === statement.toLowerCase(),
  );
  return same ? { claim: same, why: "the same speaker and statement" } : null;
}

/** Notes: statements, their claimant the one they name as such, or the actor their author is. */
export async function planNotes(db: Db, p: Planning): Promise<void> {
  const { plan, importId, sourceId, b, suggestionId, waiting, step, mergeOf } = p;
  const atlasClaims = await db
    .select({ id: t.claims.id, claimantId: t.claims.claimantId, statement: t.claims.statement })
    .from(t.claims);
  const takenClaimIds = new Set(atlasClaims.map((c) => c.id));
  const claimById = new Map(atlasClaims.map((c) => [c.id, c]));
  const byName = new Map(b.actors.map((a) => [a.name.toLowerCase(), a.id]));
  for (const note of b.notes) {
    const { claimantRef, speaker, atlasClaimant } = claimantOf(note, p, byName);
    const stance: Stance =
      note.x_atlas_stance && note.x_atlas_stance in STANCES ? (note.x_atlas_stance as Stance) : "asserts";
    const statement = statementOf(note, speaker, stance);
    holdLinks(note, claimantRef, p);
    const block = p.blocks.get(note.id) as { heading: TextSpan; description: TextSpan };
    const words = { sourceId, ...block.description };
    const id = unique(validId(note.x_atlas_id) ?? (slugify(`${speaker} ${stance} ${statement}`, 90) || "claim"), (x) =>
      takenClaimIds.has(x),
    );
    takenClaimIds.add(id);
    const said = atlasTime(note.x_atlas_said);
    const speakerId = claimantRef ? (mergeOf.get(claimantRef) ?? null) : atlasClaimant;
    const restated = restatedClaim(note, statement, speakerId, atlasClaims, claimById);
    const supports: Match[] = restated
      ? [{ id: restated.claim.id, title: restated.claim.statement, why: [restated.why] }]
      : [];
    // The claimant: the bundle's actor (its STIX id until its suggestion is accepted), the atlas's,
    // or — when the note names nobody the atlas or the bundle knows — a slug of the author's name,
    // which the reviewer replaces (the preview asks for the claimant).
    const record: Claim = {
      id,
      claimantId: claimantRef ?? atlasClaimant ?? (slugify(speaker, 80) || "unknown"),
      onBehalfOfId: null,
      viaId: null,
      stance,
      statement: statement.slice(0, 2000).trim(),
      mode: note.x_atlas_mode === "direct" ? "direct" : "indirect",
      about: { actorIds: [], eventIds: [] },
      said,
      setting: null,
      evidence: [words],
      attribution: [],
      supportsIds: supports.map((m) => m.id),
      contradictsIds: [],
      note: null,
    };
    plan.suggestions.push({
      id: suggestionId.get(note.id) as string,
      sourceId,
      kind: "statement",
      start: words.start,
      end: words.end,
      quote: words.quote,
      label: `${speaker} ${stance}: ${statement.slice(0, 80)} (${note.id})`,
      proposal: {
        kind: "statement",
        speaker,
        speakerSpan: block.heading,
        speakerFrom: "name",
        claimantId: atlasClaimant,
        claimantName: speaker,
        verb: stance,
        stance,
        mode: record.mode,
        statement: record.statement,
        evidence: block.description,
        attribution: block.heading,
        said,
        aboutActorIds: [],
        onBehalfOfId: null,
        via: null,
        confidence: claimantRef || atlasClaimant ? 1 : 0.5,
        supports,
        contradicts: [],
        imported: {
          importId,
          format: "stix",
          externalId: note.id,
          waitsFor: claimantRef ? [waiting(claimantRef, "actor")] : [],
          record,
        },
      },
    });
    plan.count(plan.suggested, "statement");
    step();
  }
}
