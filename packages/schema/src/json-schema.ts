/** JSON Schema (draft 2020-12) for every top-level record, generated from the Zod schemas. */
import { z } from "zod";
import { Actor } from "./actor.js";
import { Claim } from "./claim.js";
import { Dataset } from "./dataset.js";
import { Event } from "./event.js";
import { Evidence } from "./evidence.js";
import { Mention } from "./mention.js";
import { Place } from "./place.js";
import { Relation } from "./relation.js";
import { Source } from "./source.js";
import { Time } from "./time.js";

export const RECORD_SCHEMAS = {
  Dataset,
  Source,
  Evidence,
  Time,
  Place,
  Actor,
  Relation,
  Event,
  Claim,
  Mention,
} as const;
export type RecordName = keyof typeof RECORD_SCHEMAS;

/** The JSON Schema of one record, self-contained (shared definitions under `$defs`). */
export function jsonSchemaOf(name: RecordName): Record<string, unknown> {
  return z.toJSONSchema(RECORD_SCHEMAS[name], { target: "draft-2020-12", unrepresentable: "any", io: "input" });
}
