import { describe, expect, test } from "vitest";
import { ActorKind } from "./actor.js";
import { jsonSchemaOf, RECORD_SCHEMAS, type RecordName } from "./json-schema.js";

type Schema = Record<string, unknown> & {
  $ref?: string;
  $defs?: Record<string, Schema>;
  properties?: Record<string, Schema>;
  required?: string[];
  description?: string;
};

const NAMES = Object.keys(RECORD_SCHEMAS) as RecordName[];

/** Follows `$ref`s ("#" or "#/$defs/<name>") to the schema they point at. */
function resolve(root: Schema, schema: Schema): Schema {
  let s = schema;
  for (let hops = 0; s.$ref !== undefined; hops++) {
    if (hops > 20) throw new Error(`$ref loop at ${s.$ref}`);
    const ref: string = s.$ref;
    if (ref === "#") s = root;
    else if (ref.startsWith("#/$defs/")) {
      const target = root.$defs?.[ref.slice("#/$defs/".length)];
      if (!target) throw new Error(`unresolved $ref ${ref}`);
      s = target;
    } else throw new Error(`unexpected $ref ${ref}: schemas must be self-contained`);
  }
  return s;
}

/**
 * Every property of every object reachable from the root, with the description a reader of the
 * JSON Schema would see: the property's own, or that of the definition it refers to.
 */
function properties(root: Schema): { where: string; description: string | undefined }[] {
  const found: { where: string; description: string | undefined }[] = [];
  const visited = new Set<Schema>();
  const walk = (schema: Schema, where: string) => {
    const s = resolve(root, schema);
    if (visited.has(s)) return;
    visited.add(s);
    for (const [key, property] of Object.entries(s.properties ?? {})) {
      const description = property.description ?? resolve(root, property).description;
      found.push({ where: `${where}.${key}`, description });
      walk(property, `${where}.${key}`);
    }
    for (const key of ["items", "anyOf", "oneOf", "allOf", "prefixItems", "additionalProperties"]) {
      const child = s[key];
      if (Array.isArray(child)) for (const c of child) walk(c as Schema, where);
      else if (child && typeof child === "object") walk(child as Schema, where);
    }
  };
  walk(root, "");
  return found;
}

describe("jsonSchemaOf", () => {
  test.each(NAMES)("%s: a self-contained draft 2020-12 schema of an object, described", (name) => {
    const root = jsonSchemaOf(name) as Schema;
    expect(root.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    const record = resolve(root, root);
    expect(record.type).toBe("object");
    expect(Object.keys(record.properties ?? {}).length).toBeGreaterThan(1);
    expect(record.description).toMatch(/\w{3,}/);
    expect(JSON.stringify(root)).not.toMatch(/"\$ref":"(?!#)/);
  });

  test("the schemas cover every record of a dataset", () => {
    expect(NAMES.sort()).toEqual([
      "Actor",
      "Claim",
      "Dataset",
      "Event",
      "Evidence",
      "Mention",
      "Place",
      "Relation",
      "Source",
      "Time",
    ]);
  });

  test.each(NAMES)("%s: every property of every object has a description", (name) => {
    const props = properties(jsonSchemaOf(name) as Schema);
    expect(props.length).toBeGreaterThan(3);
    const undescribed = props.filter((p) => !p.description?.trim()).map((p) => p.where);
    expect(undescribed, `${name} properties without a description`).toEqual([]);
  });

  // Each shared definition is walked once, under the first path that reaches it.
  test("the walk reaches nested records: a Dataset documents the fields of its claims and their evidence", () => {
    const where = properties(jsonSchemaOf("Dataset") as Schema).map((p) => p.where);
    expect(where).toContain(".claims.about.eventIds");
    expect(where.filter((w) => w.endsWith(".evidence.quote"))).not.toEqual([]);
    expect(where).toContain(".sources.segments.role");
    expect(where).toContain(".events.fatalities.low");
  });

  test("required fields, enums and bounds carry over", () => {
    const actor = resolve(jsonSchemaOf("Actor") as Schema, jsonSchemaOf("Actor") as Schema);
    expect(actor.required).toEqual(["id", "name", "kind", "aliases", "description", "evidence"]);
    const root = jsonSchemaOf("Actor") as Schema;
    expect(resolve(root, actor.properties?.kind as Schema).enum).toEqual(ActorKind.options);

    const evidence = resolve(jsonSchemaOf("Evidence") as Schema, jsonSchemaOf("Evidence") as Schema);
    expect(evidence.required).toEqual(["sourceId", "start", "end", "quote"]);
    expect(evidence.properties?.start).toMatchObject({ type: "integer", minimum: 0 });

    const time = jsonSchemaOf("Time") as Schema;
    expect(resolve(time, time).required).toEqual(["edtf", "precision", "basis"]);
  });

  test("nullable fields are nullable, optional ones are not required", () => {
    const root = jsonSchemaOf("Claim") as Schema;
    const claim = resolve(root, root);
    expect(JSON.stringify(claim.properties?.said)).toContain('"type":"null"');
    const evidenceRoot = jsonSchemaOf("Evidence") as Schema;
    expect(resolve(evidenceRoot, evidenceRoot).required).not.toContain("prefix");
  });

  test("an id is documented as a slug with its pattern", () => {
    const root = jsonSchemaOf("Actor") as Schema;
    const id = resolve(root, resolve(root, root).properties?.id as Schema);
    expect(id).toMatchObject({ type: "string", maxLength: 160 });
    expect(id.pattern).toBe("^[a-z0-9]+(?:[-._][a-z0-9]+)*$");
    expect(id.description).toContain("slug");
  });

  test("the output is plain JSON: it survives a round trip unchanged", () => {
    for (const name of NAMES) {
      const schema = jsonSchemaOf(name);
      expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
    }
  });
});
