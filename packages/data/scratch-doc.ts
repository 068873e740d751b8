import type { Source } from "@atlas/schema";
import { buildDataset } from "./src/annotations/load.js";
import { loadDevset } from "./src/devset/load.js";
import { actorNameEntries, NameResolver } from "./src/names/resolver.js";
import { suggest } from "./src/ingest/suggest/index.js";
import { wholeAtlas } from "./src/ingest/eval/gold.js";
const [id, kind, grep] = process.argv.slice(2);
const curated = buildDataset().dataset;
const devset = loadDevset();
const { atlas } = wholeAtlas(curated);
const source = devset.dataset.sources.find((s) => s.id === id) as Source;
const { drafts } = suggest({ text: source.text, segments: source.segments, published: source.published, actors: atlas.actors, places: atlas.places, events: atlas.events ?? [], relations: atlas.relations ?? [], claims: atlas.claims ?? [], resolver: new NameResolver(actorNameEntries(atlas.actors)) });
for (const d of drafts) {
  if (kind && d.kind !== kind) continue;
  if (grep && !d.quote.includes(grep)) continue;
  console.log(d.kind, JSON.stringify(d.proposal).slice(0, 300), "|", d.quote.slice(0, 100));
}
