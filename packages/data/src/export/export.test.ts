import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Dataset } from "@atlas/schema";
import { Ajv2020 } from "ajv/dist/2020.js";
import formats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDataset } from "../annotations/load.js";
import { seedDatabase } from "../seed/seed.js";
import { engineCases } from "../testing/engines.js";
import { makeFixture } from "../testing/fixture.js";
import { CSV_COLUMNS, toCsv } from "./csv.js";
import { type FtmEntity, toFtm } from "./ftm.js";
import { exportAs, formatDataset } from "./index.js";
import { type StixBundle, type StixObject, toStix } from "./stix.js";
import { ATLAS_NAMESPACE, uuidv5 } from "./uuid.js";

const fixture = makeFixture();
const small = buildDataset({ corpusDir: fixture.corpusDir, annotationsDir: fixture.annotationsDir }).dataset;
fixture.cleanup();
const curated = buildDataset().dataset;

// The official STIX 2.1 JSON schemas (OASIS, BSD-3-Clause), copied unchanged into fixtures/.
const SCHEMAS = join(import.meta.dirname, "fixtures", "stix2-json-schemas", "schemas");
const BASE = "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/";
// The schemas' patterns use escapes that are invalid in Unicode mode; idn-hostname (email
// observables, unused here) is a format ajv-formats does not implement.
const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false });
// ajv-formats is CommonJS: its plugin is the module itself, typed as its `default`.
(formats as unknown as typeof formats.default)(ajv);
ajv.addFormat("idn-hostname", true);
for (const dir of readdirSync(SCHEMAS)) {
  for (const file of readdirSync(join(SCHEMAS, dir)))
    ajv.addSchema(JSON.parse(readFileSync(join(SCHEMAS, dir, file), "utf8")));
}
const SCHEMA_OF: Record<string, string> = {
  identity: "sdos/identity.json",
  "threat-actor": "sdos/threat-actor.json",
  location: "sdos/location.json",
  relationship: "sros/relationship.json",
  incident: "sdos/incident.json",
  grouping: "sdos/grouping.json",
  note: "sdos/note.json",
  report: "sdos/report.json",
};
// bundle.json lists some types in its oneOf but not location, note, grouping or incident, and
// its branch for other types can never match an SDO (it needs exactly one of core and
// cyber-observable-core, and an SDO satisfies both). So the envelope is checked with the types
// it lists, and every object, listed or not, against its own type's schema.
const bundleSchema = JSON.parse(readFileSync(join(SCHEMAS, "common", "bundle.json"), "utf8"));
const LISTED = new Set(
  (bundleSchema.properties.objects.items.anyOf[0].oneOf as { $ref: string }[]).map((r) =>
    (r.$ref.split("/").at(-1) as string).replace(/\.json$/, ""),
  ),
);

function validateStix(bundle: StixBundle) {
  const problems: string[] = [];
  const envelope = ajv.getSchema(`${BASE}common/bundle.json`);
  if (!envelope) throw new Error("bundle schema missing");
  if (!envelope({ ...bundle, objects: bundle.objects.filter((o) => LISTED.has(o.type)) })) {
    problems.push(`bundle: ${ajv.errorsText(envelope.errors)}`);
  }
  for (const o of bundle.objects) {
    const path = SCHEMA_OF[o.type];
    const validate = path ? ajv.getSchema(`${BASE}${path}`) : undefined;
    const { id, type } = o;
    if (!validate) problems.push(`${id}: no schema for type ${type}`);
    else if (!validate(o)) problems.push(`${id}: ${ajv.errorsText(validate.errors)}`);
  }
  return problems;
}

const refsOf = (o: StixObject): string[] =>
  Object.entries(o).flatMap(([k, v]) =>
    k.endsWith("_ref") && typeof v === "string" ? [v] : k.endsWith("_refs") && Array.isArray(v) ? (v as string[]) : [],
  );

describe("uuid v5", () => {
  it("matches RFC 9562's example and is stable", () => {
    expect(uuidv5("www.example.com", "6ba7b810-9dad-11d1-80b4-00c04fd430c8")).toBe(
      "2ed6657d-e927-568b-95e1-2665a8aea6a2",
    );
    expect(uuidv5("actor:kataib-hezbollah", ATLAS_NAMESPACE)).toBe(uuidv5("actor:kataib-hezbollah", ATLAS_NAMESPACE));
  });
});

describe("STIX 2.1", () => {
  it.each([
    ["the test fixture", small],
    ["the curated dataset", curated],
  ])("%s validates against the official STIX 2.1 JSON schemas", (_, dataset) => {
    expect(LISTED.has("identity") && !LISTED.has("note")).toBe(true);
    expect(validateStix(toStix(dataset))).toEqual([]);
  });

  it("catches what the schemas forbid (the check can fail)", () => {
    const broken = toStix(small);
    const [identity, relationship] = [
      broken.objects.find((o) => o.type === "identity"),
      broken.objects.find((o) => o.type === "relationship"),
    ];
    if (!identity || !relationship) throw new Error("fixture changed");
    identity.created = "2026-01-01"; // no time, no milliseconds
    relationship.relationship_type = "Led By";
    broken.objects.push({ ...(identity as StixObject), id: "note--not-a-uuid", type: "note" });
    const problems = validateStix(broken);
    expect(problems.some((p) => p.startsWith("bundle:"))).toBe(true);
    expect(problems.some((p) => p.startsWith(`${identity.id}:`))).toBe(true);
    expect(problems.some((p) => p.startsWith(`${relationship.id}:`))).toBe(true);
    expect(problems.some((p) => p.startsWith("note--not-a-uuid:"))).toBe(true);
  });

  const bundle = toStix(small);
  const byId = new Map(bundle.objects.map((o) => [o.id, o]));
  const atlas = (id: string) => bundle.objects.find((o) => o.x_atlas_id === id);

  it("gives every object an id derived from our slug, so exports are stable", () => {
    expect(atlas("kataib-hezbollah")?.id).toBe(`threat-actor--${uuidv5("actor:kataib-hezbollah", ATLAS_NAMESPACE)}`);
    expect(JSON.stringify(toStix(small))).toBe(JSON.stringify(bundle));
    expect(new Set(bundle.objects.map((o) => o.id)).size).toBe(bundle.objects.length);
    expect(toStix(small, { timestamp: "2026-05-01T00:00:00.000Z" }).objects.map((o) => o.id)).toEqual(
      bundle.objects.map((o) => o.id),
    );
  });

  it("maps actors by kind, relations to relationships, and points every reference at an object in the bundle", () => {
    expect(atlas("kataib-hezbollah")).toMatchObject({ type: "threat-actor", threat_actor_types: ["militia"] });
    expect(atlas("abu-mahdi-al-muhandis")).toMatchObject({ type: "identity", identity_class: "individual" });
    expect(atlas("united-states")).toMatchObject({
      type: "identity",
      identity_class: "organization",
      x_atlas_aliases: ["US"],
    });
    const leads = atlas("abu-mahdi-al-muhandis.leads.kataib-hezbollah");
    expect(leads).toMatchObject({ type: "relationship", relationship_type: "leads" });
    expect(byId.get(leads?.source_ref as string)?.x_atlas_id).toBe("abu-mahdi-al-muhandis");
    for (const o of bundle.objects) for (const ref of refsOf(o)) expect(byId.has(ref), `${o.id} → ${ref}`).toBe(true);
  });

  it("writes one report per source, with everything it gives evidence for", () => {
    const reports = bundle.objects.filter((o) => o.type === "report");
    expect(reports).toHaveLength(small.sources.length);
    expect(reports[0]).toMatchObject({ name: "Rockets hit the embassy", published: "2020-01-01T00:00:00.000Z" });
    expect(reports[0]?.object_refs).toEqual(
      expect.arrayContaining([atlas("kh-denies")?.id, atlas("2019-12-27-attack")?.id]),
    );
  });

  it("turns claims into notes that keep the claimant, the stance and the verbatim words, and links contradictions", () => {
    const note = atlas("kh-denies");
    expect(note).toMatchObject({
      type: "note",
      abstract: "Kataib Hezbollah denies: Kataib Hezbollah denied carrying out the attack on the embassy.",
      authors: ["Kataib Hezbollah"],
      x_atlas_stance: "denies",
    });
    expect(note?.content).toContain("“Kataib Hezbollah denied its involvement, claiming “it wasn’t us.””");
    expect(note?.x_atlas_evidence).toEqual([
      expect.objectContaining({ source_id: "fixture-doc", quote: expect.stringMatching(/^Kataib Hezbollah denied/) }),
    ]);
    const contradiction = bundle.objects.filter((o) => o.relationship_type === "contradicts");
    expect(contradiction).toHaveLength(1);
    expect([contradiction[0]?.source_ref, contradiction[0]?.target_ref].sort()).toEqual(
      [atlas("kh-denies")?.id, atlas("us-alleges")?.id].sort(),
    );
  });

  it("makes violent events incidents with their participants' roles and the deaths as reported", () => {
    const attack = atlas("2019-12-27-attack");
    expect(attack).toMatchObject({
      type: "incident",
      first_seen: "2019-12-27T00:00:00.000Z",
      last_seen: "2019-12-27T23:59:59.999Z",
    });
    expect(attack?.description).toContain("Deaths as reported: 1 (a contractor).");
    expect(atlas("2020-01-03-drone-strike")?.description).toContain("Deaths: not reported (unknown, not zero).");
    const alleged = bundle.objects.find((o) => o.type === "relationship" && o.source_ref === attack?.id);
    expect(alleged).toMatchObject({
      relationship_type: "allegedly-attributed-to",
      target_ref: atlas("kataib-hezbollah")?.id,
    });
  });
});

/** RFC 4180, as a spreadsheet reads it: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  if (field !== "" || row.length > 0) throw new Error("the last line does not end with CRLF");
  return rows;
}

describe("CSV", () => {
  const table = (dataset: Dataset) => {
    const [header, ...rows] = parseCsv(toCsv(dataset));
    return { header, rows: rows.map((r) => Object.fromEntries((header ?? []).map((h, i) => [h, r[i]]))) };
  };

  it("has a header and one row per event, every row as wide as the header", () => {
    for (const dataset of [small, curated]) {
      const { header, rows } = table(dataset);
      expect(header).toEqual([...CSV_COLUMNS]);
      expect(rows.map((r) => r.event_id).sort()).toEqual(dataset.events.map((e) => e.id).sort());
      for (const r of rows) expect(Object.keys(r)).toHaveLength(CSV_COLUMNS.length);
    }
  });

  it("keeps date precision, actors with their roles, and the sources", () => {
    const attack = table(small).rows.find((r) => r.event_id === "2019-12-27-attack");
    expect(attack).toMatchObject({
      event_date: "2019-12-27",
      time_precision: "day",
      time_basis: "explicit",
      event_type: "attack",
      actor1: "Kataib Hezbollah",
      actor1_role: "alleged_perpetrator",
      source_ids: "fixture-doc",
      source_count: "1",
    });
  });

  it("tells unknown fatalities from zero", () => {
    const zero = structuredClone(small);
    const strike = zero.events.find((e) => e.id === "2020-01-03-drone-strike");
    const attack = zero.events.find((e) => e.id === "2019-12-27-attack");
    if (!strike || !attack) throw new Error("fixture changed");
    const reportedNone = {
      ...(attack.fatalities[0] as (typeof attack.fatalities)[number]),
      low: 0,
      high: 0,
      who: "nobody",
    };
    strike.fatalities = [reportedNone];
    const before = table(small).rows.find((r) => r.event_id === "2020-01-03-drone-strike");
    const after = table(zero).rows.find((r) => r.event_id === "2020-01-03-drone-strike");
    expect(before).toMatchObject({
      fatalities_reported: "not reported",
      fatalities_low: "",
      fatalities_high: "",
      fatalities_reports: "0",
    });
    expect(after).toMatchObject({
      fatalities_reported: "reported",
      fatalities_low: "0",
      fatalities_high: "0",
      fatalities_reports: "1",
    });
    expect(table(small).rows.find((r) => r.event_id === "2019-12-27-attack")).toMatchObject({
      fatalities_low: "1",
      fatalities_high: "1",
    });
  });

  it("quotes commas, double quotes and line breaks so they read back exactly", () => {
    const tricky = structuredClone(small);
    const event = tricky.events[0];
    if (!event) throw new Error("fixture changed");
    event.title = 'Rockets, "again"';
    event.summary = "Line one,\r\nline two — “curly”";
    const text = toCsv(tricky);
    expect(text).toContain('"Rockets, ""again"""');
    const row = table(tricky).rows.find((r) => r.event_id === event.id);
    expect(row).toMatchObject({ title: 'Rockets, "again"', notes: "Line one,\r\nline two — “curly”" });
  });
});

describe("FollowTheMoney", () => {
  const lines = toFtm(curated).split("\n");
  const entities = lines.filter(Boolean).map((l) => JSON.parse(l) as FtmEntity);
  const byId = new Map(entities.map((e) => [e.id, e]));

  it("writes one JSON entity per line, each with id, schema and list-valued properties", () => {
    expect(lines.at(-1)).toBe("");
    for (const e of entities) {
      expect(Object.keys(e)).toEqual(["id", "schema", "properties"]);
      expect(e.id).toMatch(/^ma-[a-z]+-[a-z0-9._-]+$/);
      for (const values of Object.values(e.properties)) {
        expect(values.length).toBeGreaterThan(0);
        for (const v of values) expect(typeof v).toBe("string");
      }
    }
    expect(byId.size).toBe(entities.length);
  });

  it("maps sources, actors, relations, events, claims and mentions to FtM schemata that point at each other", () => {
    const schemata = new Set(entities.map((e) => e.schema));
    for (const s of [
      "Article",
      "Person",
      "Organization",
      "PublicBody",
      "LegalEntity",
      "Event",
      "Note",
      "Mention",
      "Membership",
      "UnknownLink",
    ]) {
      expect(schemata).toContain(s);
    }
    const refs = [
      "proof",
      "entity",
      "involved",
      "organizer",
      "document",
      "resolved",
      "member",
      "organization",
      "director",
      "employee",
      "employer",
      "person",
      "relative",
      "agent",
      "client",
      "subject",
      "object",
    ];
    for (const e of entities) {
      for (const r of refs)
        for (const id of e.properties[r] ?? []) expect(byId.has(id), `${e.id}.${r} → ${id}`).toBe(true);
    }
    expect(byId.get("ma-actor-kataib-hezbollah")).toMatchObject({ schema: "Organization" });
    expect(byId.get("ma-actor-qais-al-khazali")?.properties.alias).toContain("Khazali");
  });

  it("keeps dates at their precision and claims as notes, not facts", () => {
    const war = byId.get("ma-event-1980-1988-iran-iraq-war");
    expect(war?.properties).toMatchObject({ startDate: ["1980"], endDate: ["1988"] });
    const note = entities.find((e) => e.schema === "Note");
    expect(note?.properties.description?.[0]).toMatch(/^A claim, not a fact: /);
  });
});

describe("JSON", () => {
  it("is the dataset, valid against @atlas/schema", () => {
    expect(Dataset.safeParse(JSON.parse(formatDataset(small, "json"))).success).toBe(true);
  });
});

describe.each(engineCases())("exportAs on $name", (engine) => {
  let database: Awaited<ReturnType<typeof engine.open>>;
  beforeAll(async () => {
    database = await engine.open();
    await seedDatabase(database, small);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("reads the database once and serves each format with its content type", async () => {
    const stix = await exportAs(database.db, "stix");
    expect(stix).toMatchObject({
      contentType: "application/stix+json;version=2.1",
      filename: "militia-atlas.stix.json",
    });
    expect(validateStix(JSON.parse(stix.body))).toEqual([]);
    expect((await exportAs(database.db, "csv")).contentType).toMatch(/^text\/csv/);
    expect((await exportAs(database.db, "ftm")).body.split("\n").filter(Boolean).length).toBeGreaterThan(10);
    expect(JSON.parse((await exportAs(database.db, "json")).body)).toEqual(JSON.parse(JSON.stringify(small)));
  });
});
