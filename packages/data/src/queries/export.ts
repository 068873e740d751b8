/**
 * Reads the whole database back as a Dataset in the @atlas/schema shape: what `export --format
 * json` writes and what the other export formats are built from. Each record carries when it
 * last changed, and the dataset the atlas's revision, so a consumer can ask what changed since.
 */
import { DATASET_VERSION, type Dataset } from "@atlas/schema";
import type { Db } from "../db/client.js";
import { latestChanges } from "../workbench/history.js";
import {
  readActors,
  readClaims,
  readEvents,
  readMentions,
  readPlaces,
  readRelations,
  readSources,
} from "../workbench/records.js";
import { cached } from "./cache.js";

/** The whole dataset, read once per data version (see cache.ts): callers must not mutate it. */
export const exportDataset = cached("exportDataset", readDataset);

async function readDataset(db: Db): Promise<Dataset> {
  const [sources, actors, places, relations, events, claims, mentions, changed] = await Promise.all([
    readSources(db),
    readActors(db),
    readPlaces(db),
    readRelations(db),
    readEvents(db),
    readClaims(db),
    readMentions(db),
    latestChanges(db),
  ]);
  const stamp =
    (type: string) =>
    <T extends { id: string }>(r: T): T => {
      const at = changed.updatedAt(type, r.id);
      return at ? { ...r, updatedAt: at } : r;
    };
  return {
    version: DATASET_VERSION,
    revision: changed.revision,
    sources: sources.map(stamp("source")),
    actors: actors.map(stamp("actor")),
    places,
    relations: relations.map(stamp("relation")),
    events: events.map(stamp("event")),
    claims: claims.map(stamp("claim")),
    mentions,
  };
}
