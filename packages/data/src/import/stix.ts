/**
 * Planning the import of a STIX 2.1 bundle (as OpenCTI exports, or an atlas's own `export
 * --format stix`). STIX carries no documents' words, so the bundle itself becomes the document:
 * one source whose text renders the bundle — each report, actor, relationship, incident and note
 * as a block with its name, its type and STIX id (a source tag, which no evidence may cite), its
 * other names and its description, as the bundle gives them. Every object becomes a suggestion
 * whose evidence is its block's words, keeping its STIX id (`externalId`): nothing a bundle says
 * enters the atlas until a reviewer accepts it.
 *
 * - identity, threat-actor, intrusion-set → a candidate actor (the bundle's author, an identity
 *   only named as `created_by_ref`, is not one). Its kind: `x_atlas_kind` when the bundle is an
 *   atlas's, else from the STIX type, identity class and sectors. The name resolver proposes the
 *   actor the atlas may already hold: one actor by the same name (or the same `x_atlas_id` under a
 *   name it links) is proposed as mergeInto; otherwise the candidates are listed.
 * - relationship between two actors → a relation, waiting for both candidate actors; its type is
 *   the atlas's when the STIX type is one (`backed-by`), else the nearest (`cooperates-with` →
 *   allied_with, `targets` → opposes) or `linked_to` with the STIX type as the role.
 * - incident, and an atlas's grouping (`x_atlas_event_kind`) → an event; its participants come
 *   from the relationships from it to actors (`attributed-to` → perpetrator…), its place from
 *   `located-at`, its time from `x_atlas_time` or first_seen/last_seen.
 * - note → a statement: the claimant is `x_atlas_claimant_ref` or the actor its first author
 *   names; what it is about is its object_refs; `supports`/`contradicts` between notes link claims.
 * - report → a section of the document: its name, publication date and description. A bundle of
 *   one report takes the report's title, date and address.
 *
 * What a suggestion cannot be without (a relation's ends, a claim's speaker) it waits for; the
 * rest (participants, what a claim is about, links between claims) are links written once both
 * ends are accepted.
 *
 * The parts live beside this file: reading an object's fields (stix-read.ts), the bundle sorted and
 * rendered as the document and its source (stix-document.ts), what the parts share
 * (stix-planning.ts), and the actors, relations, events and notes planned (stix-actors.ts,
 * stix-relations.ts, stix-events.ts, stix-notes.ts).
 */
import type { Db } from "../db/client.js";
import { ImportPlan } from "./plan.js";
import { planActors } from "./stix-actors.js";
import type { StixBundleIn, StixOf } from "./stix-bundle.js";
import { planSource, render, type Sorted, sortObjects } from "./stix-document.js";
import { planEvents } from "./stix-events.js";
import { planNotes } from "./stix-notes.js";
import { startPlanning } from "./stix-planning.js";
import { TYPE_NAMES } from "./stix-read.js";
import { planRelations } from "./stix-relations.js";

/** The relationships that join no two actors, and the objects of types the atlas has no record for, told in the plan's warnings. */
function warnLeftOut(plan: ImportPlan, bundle: StixBundleIn, b: Sorted): void {
  const ignored = b.relationships.length - b.kept.length;
  if (ignored > 0) {
    plan.warnings.push(
      `${ignored} ${ignored === 1 ? "relationship does" : "relationships do"} not join two actors (an event's participants and place, links between notes, or objects the atlas does not take in, such as indicators): ${ignored === 1 ? "it is" : "they are"} read as participants, places and claim links where ${ignored === 1 ? "it fits" : "they fit"}, else left out.`,
    );
  }
  const skipped = Object.entries(bundle.types).filter(([type]) => !(type in TYPE_NAMES) && type !== "location");
  if (skipped.length) {
    plan.warnings.push(
      `Left out, as the atlas has no record for them: ${skipped.map(([type, count]) => `${count} ${type}`).join(", ")}.`,
    );
  }
}

export async function planStix(
  db: Db,
  bundle: StixBundleIn,
  { importId, fileName }: { importId: string; fileName: string | null },
  onMatched: (done: number, plan: ImportPlan) => void = () => {},
): Promise<ImportPlan> {
  const plan = new ImportPlan();
  Object.assign(plan.read, bundle.types);
  const b = sortObjects(bundle, plan);
  const single = b.reports.length === 1 ? (b.reports[0] as StixOf<"report">) : null;
  const title = single?.name ?? `STIX bundle ${fileName ?? bundle.id}`;
  const { doc, blocks } = render(b, title);
  const sourceId = await planSource(db, plan, bundle, b, { doc, title, single, fileName });
  let done = 0;
  const step = () => {
    done++;
    if (done % 200 === 0) onMatched(done, plan);
  };
  const p = await startPlanning(db, { plan, importId, sourceId, b, blocks, step });
  planActors(p);
  await planRelations(db, p);
  await planEvents(db, p);
  await planNotes(db, p);
  warnLeftOut(plan, bundle, b);
  onMatched(done, plan);
  return plan;
}
