/**
 * Runs the suggestion pipeline over benchmark documents and scores it: leave one document out
 * (each curated document against an atlas of the other four) and the development set (real
 * articles gathered and annotated by hand, against the whole curated atlas).
 */
import type { Dataset, Source } from "@atlas/schema";
import { buildDataset } from "../../annotations/load.js";
import { loadDevset } from "../../devset/load.js";
import { actorNameEntries, NameResolver } from "../../names/resolver.js";
import { suggest } from "../suggest/index.js";
import { type Atlas, atlasWithout, type GoldDate, goldFor, wholeAtlas } from "./gold.js";
import { type Scores, score } from "./score.js";

export interface DocumentScore {
  sourceId: string;
  scores: Scores;
  ms: number;
}

function run(
  dataset: Dataset,
  source: Source,
  atlas: Atlas,
  known: Set<string>,
  gold: { dates?: GoldDate[]; heldOut?: boolean },
): DocumentScore {
  const held = { events: (atlas.events ?? []).map((e) => e.id), claims: (atlas.claims ?? []).map((c) => c.id) };
  const goldStandard = goldFor(dataset, source.id, known, { ...gold, held });
  const resolver = new NameResolver(actorNameEntries(atlas.actors));
  const t0 = performance.now();
  const { drafts } = suggest({
    text: source.text,
    segments: source.segments,
    published: source.published,
    actors: atlas.actors,
    places: atlas.places,
    events: atlas.events ?? [],
    relations: atlas.relations ?? [],
    claims: atlas.claims ?? [],
    resolver,
  });
  const ms = performance.now() - t0;
  const actorsById = new Map(dataset.actors.map((a) => [a.id, a]));
  return { sourceId: source.id, scores: score(goldStandard, drafts, actorsById, known), ms };
}

/** Each curated document, ingested into an atlas that holds only the other four documents' data. */
export function leaveOneOut(dataset: Dataset = buildDataset().dataset): DocumentScore[] {
  return dataset.sources.map((source) => {
    const { atlas, known } = atlasWithout(dataset, source.id);
    return run(dataset, source, atlas, known, { heldOut: true });
  });
}

/** Each development-set article (real, never seen), ingested into the whole curated atlas. */
export function developmentSet(curated: Dataset = buildDataset().dataset): DocumentScore[] {
  const devset = loadDevset();
  const { atlas, known } = wholeAtlas(curated);
  return devset.documents.map((doc) => {
    const source = devset.dataset.sources.find((s) => s.id === doc.sourceId) as Source;
    const dates = doc.dates.map((d) => ({ start: d.evidence.start, end: d.evidence.end, edtf: d.time?.edtf ?? null }));
    return run(devset.dataset, source, atlas, known, { dates });
  });
}
