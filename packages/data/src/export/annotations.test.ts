/**
 * The annotation files the atlas writes back load into the same dataset: the curated one as the
 * repository has it, and one changed by hand (a claim added and graded, a record retired).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Dataset } from "@atlas/schema";
import { afterAll, describe, expect, it } from "vitest";
import { buildDataset } from "../annotations/load.js";
import { annotationFiles } from "./annotations.js";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function writeBack(dataset: Dataset): string {
  const dir = mkdtempSync(join(tmpdir(), "atlas-annotations-"));
  dirs.push(dir);
  for (const [path, text] of annotationFiles(dataset).files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** The records, without what the database adds (updatedAt) and what the loader derives (mentions). */
const records = (d: Dataset) => ({
  actors: d.actors,
  places: d.places,
  relations: d.relations,
  events: d.events,
  claims: d.claims,
});

describe("annotationFiles", () => {
  const curated = buildDataset().dataset;

  it("writes the curated dataset back in the annotation format, and loading it gives the same records", () => {
    const again = buildDataset({ annotationsDir: writeBack(curated) }).dataset;
    expect(records(again)).toEqual(records(curated));
    expect(again.mentions.length).toBe(curated.mentions.length);
  });

  it("keeps a change made in the atlas: a retired claim is gone, a corrected one reads as corrected", () => {
    const [gone, corrected] = curated.claims;
    if (!gone || !corrected) throw new Error("the curated dataset has claims");
    const changed: Dataset = {
      ...curated,
      claims: curated.claims
        .filter((c) => c.id !== gone.id)
        .map((c) => (c.id === corrected.id ? { ...c, note: "checked against the text", credibility: null } : c))
        .map((c) => ({
          ...c,
          supportsIds: c.supportsIds.filter((id) => id !== gone.id),
          contradictsIds: c.contradictsIds.filter((id) => id !== gone.id),
        })),
    };
    const again = buildDataset({ annotationsDir: writeBack(changed) }).dataset;
    expect(again.claims.map((c) => c.id)).not.toContain(gone.id);
    expect(again.claims.find((c) => c.id === corrected.id)?.note).toBe("checked against the text");
    expect(records(again)).toEqual(records(changed));
  });
});
