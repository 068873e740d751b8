// Writes dist/json-schema/<Record>.json for every record, after tsc has built dist/.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { jsonSchemaOf, RECORD_SCHEMAS } from "../dist/json-schema.js";

const out = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "json-schema");
mkdirSync(out, { recursive: true });
for (const name of Object.keys(RECORD_SCHEMAS)) {
  const schema = { $id: `https://militia-atlas.org/schema/v1/${name}.json`, ...jsonSchemaOf(name) };
  writeFileSync(join(out, `${name}.json`), `${JSON.stringify(schema, null, 2)}\n`);
}
console.log(`@atlas/schema: wrote ${Object.keys(RECORD_SCHEMAS).length} JSON Schemas to dist/json-schema/`);
