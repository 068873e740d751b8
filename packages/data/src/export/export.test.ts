import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Dataset } from "@atlas/schema";
import { Ajv2020 } from "ajv/dist/2020.js";
import formats from "ajv-formats";
import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDataset } from "../annotations/load.js";
import { seedDatabase } from "../seed/seed.js";
import { engineCases, unstamped } from "../testing/engines.js";
import { makeFixture } from "../testing/fixture.js";
import { acledDate, acledFatalities, interaction } from "./acled.js";
import { CSV_COLUMNS, toCsv } from "./csv.js";
import { type FtmEntity, toFtm } from "./ftm.js";
import { exportAs, formatDataset } from "./index.js";
import { claimsCsv } from "./list-csv.js";
import { type StixBundle, type StixObject, toStix } from "./stix.js";
import { ATLAS_NAMESPACE, uuidv5 } from "./uuid.js";
import { loadFtmModel, validateFtm } from "./validate-ftm.js";

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
// Each object is validated against its own type's schema, and the bundle envelope (type, id,
// objects) separately, because the official bundle.json cannot judge our objects:
// its `objects` items are a oneOf that lists some types but not location, note, grouping,
// incident or opinion, and its branch for unlisted types can never match an SDO (it needs
// exactly one of core and cyber-observable-core, and an SDO satisfies both). A valid note fails
// bundle.json; the test below shows it.
const bundleSchema = JSON.parse(readFileSync(join(SCHEMAS, "common", "bundle.json"), "utf8"));
const LISTED = new Set(
  (bundleSchema.properties.objects.items.anyOf[0].oneOf as { $ref: string }[]).map((r) =>
    (r.$ref.split("/").at(-1) as string).replace(/\.json$/, ""),
  ),
);
const envelope = ajv.getSchema(`${BASE}common/bundle.json`) as ReturnType<typeof ajv.compile>;
const schemaOf = (type: string) => {
  const path = SCHEMA_OF[type];
  return path ? ajv.getSchema(`${BASE}${path}`) : undefined;
};

function validateStix(bundle: StixBundle) {
  const problems: string[] = [];
  // The envelope needs at least one object: it gets those whose types it lists (the producer's
  // identity is always one of them); every object is judged by its own schema below.
  const listed = bundle.objects.filter((o) => LISTED.has(o.type));
  if (!envelope({ ...bundle, objects: listed })) problems.push(`bundle: ${ajv.errorsText(envelope.errors)}`);
  for (const o of bundle.objects) {
    const validate = schemaOf(o.type);
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

describe("grades in the exports", () => {
  const at = "2026-12-06T10:00:00.000Z";
  const [graded, ungraded] = curated.claims;
  const source = graded?.evidence[0]?.sourceId;
  const withGrades: Dataset = {
    ...curated,
    sources: curated.sources.map((s) =>
      s.id === source ? { ...s, reliability: { grade: "B", by: "ana", at, reason: "a named correspondent" } } : s,
    ),
    claims: curated.claims.map((c) =>
      c.id === graded?.id ? { ...c, credibility: { grade: 3, by: "bo", at, reason: "one source" } } : c,
    ),
  };

  it("STIX: a graded claim has STIX's Admiralty confidence and who graded it; an ungraded one has neither", () => {
    const bundle = toStix(withGrades);
    expect(validateStix(bundle)).toEqual([]);
    const note = (id: string | undefined) => bundle.objects.find((o) => o.type === "note" && o.x_atlas_id === id);
    expect(note(graded?.id)).toMatchObject({
      confidence: 50,
      x_atlas_credibility: { grade: 3, description: "3 (possibly true)", by: "bo", at, reason: "one source" },
    });
    expect(note(ungraded?.id)).not.toHaveProperty("confidence");
    expect(note(ungraded?.id)).not.toHaveProperty("x_atlas_credibility");
    const report = bundle.objects.find(
      (o) => o.type === "report" && (o.external_references as { external_id: string }[])[0]?.external_id === source,
    );
    expect(report).toMatchObject({
      x_atlas_reliability: { grade: "B", description: "B (usually reliable)", by: "ana" },
    });
  });

  it("CSV: the claims' credibility and their sources' reliability, and “not graded” where nobody graded", () => {
    const rows = parse(claimsCsv(withGrades, [graded?.id ?? "", ungraded?.id ?? ""]), { columns: true }) as Record<
      string,
      string
    >[];
    expect(rows.map((r) => r.credibility)).toEqual(["3 (possibly true)", "not graded"]);
    expect(rows[0]?.source_reliability).toContain(": B (usually reliable)");
    expect(rows.map((r) => r.source_reliability).join(" | ")).toMatch(/not graded|B \(usually reliable\)/);
  });
});

describe("STIX 2.1", () => {
  it.each([
    ["the test fixture", small],
    ["the curated dataset", curated],
  ])("%s validates against the official STIX 2.1 JSON schemas", (_, dataset) => {
    expect(validateStix(toStix(dataset))).toEqual([]);
  });

  it("validates objects and envelope separately, because bundle.json refuses valid objects of unlisted types", () => {
    const bundle = toStix(small);
    const note = bundle.objects.find((o) => o.type === "note") as StixObject;
    expect(schemaOf("note")?.(note)).toBe(true);
    expect(["location", "note", "grouping", "incident", "opinion"].filter((t) => LISTED.has(t))).toEqual([]);
    expect(envelope({ ...bundle, objects: [note] })).toBe(false);
    expect(envelope({ ...bundle, objects: bundle.objects.filter((o) => LISTED.has(o.type)) })).toBe(true);
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
    broken.id = "bundle-without-a-uuid";
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

/** The CSV as a spreadsheet or pandas reads it: csv-parse, RFC 4180, one object per row. */
const table = (text: string) => {
  const rows = parse(text, { columns: true, record_delimiter: "\r\n", relax_column_count: false }) as Record<
    string,
    string
  >[];
  const header = parse(text.slice(0, text.indexOf("\r\n") + 2))[0] as string[];
  return { header, rows };
};

// ACLED's columns in the order of its export (ACLED Codebook, Table 1).
const ACLED_HEADER = [
  "event_id_cnty",
  "event_date",
  "year",
  "time_precision",
  "disorder_type",
  "event_type",
  "sub_event_type",
  "actor1",
  "assoc_actor_1",
  "inter1",
  "actor2",
  "assoc_actor_2",
  "inter2",
  "interaction",
  "civilian_targeting",
  "iso",
  "region",
  "country",
  "admin1",
  "admin2",
  "admin3",
  "location",
  "latitude",
  "longitude",
  "geo_precision",
  "source",
  "source_scale",
  "notes",
  "fatalities",
  "tags",
  "timestamp",
];
// Codebook Table 2: event type, sub-event types, disorder type.
const CODEBOOK_TYPES: Record<string, [string, string]> = {
  "Government regains territory": ["Battles", "Political violence"],
  "Non-state actor overtakes territory": ["Battles", "Political violence"],
  "Armed clash": ["Battles", "Political violence"],
  "Excessive force against protesters": ["Protests", "Political violence; Demonstrations"],
  "Protest with intervention": ["Protests", "Demonstrations"],
  "Peaceful protest": ["Protests", "Demonstrations"],
  "Violent demonstration": ["Riots", "Demonstrations"],
  "Mob violence": ["Riots", "Political violence"],
  "Chemical weapon": ["Explosions/Remote violence", "Political violence"],
  "Air/drone strike": ["Explosions/Remote violence", "Political violence"],
  "Suicide bomb": ["Explosions/Remote violence", "Political violence"],
  "Shelling/artillery/missile attack": ["Explosions/Remote violence", "Political violence"],
  "Remote explosive/landmine/IED": ["Explosions/Remote violence", "Political violence"],
  Grenade: ["Explosions/Remote violence", "Political violence"],
  "Sexual violence": ["Violence against civilians", "Political violence"],
  Attack: ["Violence against civilians", "Political violence"],
  "Abduction/forced disappearance": ["Violence against civilians", "Political violence"],
  ...Object.fromEntries(
    [
      "Agreement",
      "Arrests",
      "Change to group/activity",
      "Disrupted weapons use",
      "Headquarters or base established",
      "Looting/property destruction",
      "Non-violent transfer of territory",
      "Other",
    ].map((s) => [s, ["Strategic developments", "Strategic developments"]]),
  ),
};
// Codebook: the eight actor types, and Table 3's interaction values.
const INTERS = [
  "State forces",
  "Rebel group",
  "Political militia",
  "Identity militia",
  "Rioters",
  "Protesters",
  "Civilians",
  "External/Other forces",
];
const INTERACTIONS = new Set([
  ...INTERS.map((t) => `${t} only`),
  ...INTERS.flatMap((a, i) => INTERS.slice(i).map((b) => `${a}-${b}`)).filter(
    (x) => x !== "Civilians-External/Other forces",
  ),
  "External/Other forces-Civilians",
]);

describe("CSV: appendable to an ACLED download", () => {
  const curatedCsv = table(toCsv(curated));
  const row = (rows: Record<string, string>[], id: string) => {
    const r = rows.find((x) => x.atlas_event_id === id);
    if (!r) throw new Error(`no row for ${id}`);
    return r;
  };

  it("leads with ACLED's columns in ACLED's order, then the atlas's, one row per event", () => {
    for (const dataset of [small, curated]) {
      const { header, rows } = table(toCsv(dataset));
      expect(header.slice(0, ACLED_HEADER.length)).toEqual(ACLED_HEADER);
      expect(header.slice(ACLED_HEADER.length).every((h) => h.startsWith("atlas_"))).toBe(true);
      expect(header).toEqual([...CSV_COLUMNS]);
      expect(rows.map((r) => r.atlas_event_id).sort()).toEqual(dataset.events.map((e) => e.id).sort());
    }
  });

  it("writes ACLED's codes and types in every row of the curated dataset", () => {
    const ids = new Set<string>();
    for (const r of curatedCsv.rows) {
      const at = r.atlas_event_id;
      expect(ids.has(r.event_id_cnty ?? ""), `${at}: event_id_cnty repeats`).toBe(false);
      ids.add(r.event_id_cnty ?? "");
      expect(r.event_id_cnty, at).toMatch(/^[A-Z]{3}-MA-[a-z0-9-]+$/);
      expect(r.event_date, at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(new Date(`${r.event_date}T00:00:00Z`).toISOString().slice(0, 10), at).toBe(r.event_date);
      expect(r.year, at).toBe(r.event_date?.slice(0, 4));
      expect(["1", "2", "3"], at).toContain(r.time_precision);
      const types = CODEBOOK_TYPES[r.sub_event_type ?? ""];
      expect(types, `${at}: sub_event_type "${r.sub_event_type}"`).toBeDefined();
      expect([r.event_type, r.disorder_type], at).toEqual(types);
      for (const inter of [r.inter1, r.inter2]) expect(["", ...INTERS], at).toContain(inter);
      expect(r.actor1 !== "" || r.inter1 === "", at).toBe(true);
      expect(r.actor2 !== "" || r.inter2 === "", at).toBe(true);
      if (r.inter1 || r.inter2) expect(INTERACTIONS.has(r.interaction ?? ""), `${at}: ${r.interaction}`).toBe(true);
      expect(["", "Civilians targeted"], at).toContain(r.civilian_targeting);
      if (r.country) expect(r.iso, at).toMatch(/^\d{3}$/);
      for (const c of [r.latitude, r.longitude]) if (c) expect(c, at).toMatch(/^-?\d+\.\d{4}$/);
      if (r.location) expect(["1", "2", "3"], at).toContain(r.geo_precision);
      expect(r.fatalities, at).toMatch(/^\d+$/);
      expect(r.timestamp, at).toMatch(/^\d+$/);
      // ACLED's single day lies inside the atlas's honest range.
      if (r.atlas_date_earliest) expect((r.event_date ?? "") >= r.atlas_date_earliest, at).toBe(true);
      if (r.atlas_date_latest) expect((r.event_date ?? "") <= r.atlas_date_latest, at).toBe(true);
    }
  });

  it("places dates as ACLED does: a day is 1, a week's middle 2, a month's 15th 3, anything vaguer 3 and tagged", () => {
    expect(row(curatedCsv.rows, "2020-01-03-baghdad-airport-strike")).toMatchObject({
      event_date: "2020-01-03",
      time_precision: "1",
    });
    const week = curatedCsv.rows.find((r) => r.atlas_date === "2019-12-27/2020-01-02");
    expect(week).toMatchObject({ event_date: "2019-12-30", time_precision: "2" });
    const month = curatedCsv.rows.find((r) => r.atlas_date === "2014-06");
    expect(month).toMatchObject({ event_date: "2014-06-15", time_precision: "3" });
    const year = curatedCsv.rows.find((r) => r.atlas_date === "2003");
    expect(year).toMatchObject({
      time_precision: "3",
      atlas_date_earliest: "2003-01-01",
      atlas_date_latest: "2003-12-31",
    });
    expect(year?.tags).toContain("date vaguer than ACLED records: 2003");
    expect(acledDate({ edtf: "2021", precision: "year", basis: "explicit", part: "early" })).toEqual({
      date: "2021-01-01",
      precision: 3,
      vaguer: true,
    });
    expect(acledDate({ edtf: "2014-06", precision: "month", basis: "explicit", part: "late" }).date).toBe("2014-06-30");
    expect(acledDate({ edtf: "../1983", precision: "year", basis: "explicit" })).toMatchObject({
      date: "1983-12-31",
      precision: 3,
    });
  });

  it("writes ACLED's conservative fatality figure, and keeps every source's own in the atlas's columns", () => {
    const dozens = curatedCsv.rows.find((r) => r.atlas_fatalities_reports?.includes("“dozens”"));
    expect(dozens).toMatchObject({ fatalities: "12", atlas_fatalities_low: "24", atlas_fatalities_high: "" });
    // Iranian officials' "80 American servicemen" against "no human casualties": the lowest.
    const missiles = curatedCsv.rows.find((r) => r.atlas_fatalities_reports?.includes("80 ("));
    expect(missiles).toMatchObject({ fatalities: "0", atlas_fatalities: "reported", atlas_fatalities_high: "80" });
    const unknown = row(table(toCsv(small)).rows, "2020-01-03-drone-strike");
    expect(unknown).toMatchObject({ fatalities: "0", atlas_fatalities: "not reported", atlas_fatalities_low: "" });
    expect(unknown.tags).toContain("fatalities not reported");
    const base = { who: "people", reportedById: null, claimId: null, evidence: [] };
    expect(acledFatalities([])).toBe(0);
    expect(acledFatalities([{ ...base, low: 100, high: null, expression: "hundreds" }])).toBe(100);
    expect(acledFatalities([{ ...base, low: null, high: null }])).toBe(3);
    expect(
      acledFatalities([
        { ...base, low: 7, high: 9 },
        { ...base, low: 4, high: 4 },
      ]),
    ).toBe(4);
  });

  it("codes actors by ACLED type: militias, state forces at home and abroad, unidentified perpetrators", () => {
    const soleimani = row(curatedCsv.rows, "2020-01-03-baghdad-airport-strike");
    expect(soleimani).toMatchObject({
      event_type: "Explosions/Remote violence",
      sub_event_type: "Air/drone strike",
      inter1: "External/Other forces",
      country: "Iraq",
      iso: "368",
      region: "Middle East",
    });
    const attack = row(table(toCsv(small)).rows, "2019-12-27-attack");
    expect(attack).toMatchObject({ actor1: "Kataib Hezbollah", inter1: "Political militia" });
    expect(attack.tags).toContain("actor 1 alleged");
    const unnamed = curatedCsv.rows.find((r) => r.actor1?.startsWith("Unidentified Armed Group"));
    expect(unnamed?.inter1).toBe("Political militia");
    expect(interaction(3, 7)).toBe("Political militia-Civilians");
    expect(interaction(8, 7)).toBe("External/Other forces-Civilians");
    expect(interaction(1, null)).toBe("State forces only");
  });

  it("quotes commas, double quotes and line breaks so they read back exactly", () => {
    const tricky = structuredClone(small);
    const event = tricky.events[0];
    if (!event) throw new Error("fixture changed");
    event.title = 'Rockets, "again"';
    event.summary = "Line one,\r\nline two — “curly”";
    const text = toCsv(tricky);
    expect(text).toContain('"Rockets, ""again"""');
    expect(row(table(text).rows, event.id)).toMatchObject({
      atlas_title: 'Rockets, "again"',
      notes: "Line one,\r\nline two — “curly”",
    });
  });
});

describe("FollowTheMoney", () => {
  const model = loadFtmModel();
  const entitiesOf = (dataset: Dataset) =>
    toFtm(dataset)
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as FtmEntity);
  const entities = entitiesOf(curated);
  const byId = new Map(entities.map((e) => [e.id, e]));

  it("vendors a closed model: every schema extended and every range is in it", () => {
    for (const [name, def] of model.schemata) {
      for (const parent of def.extends ?? [])
        expect(model.schemata.has(parent), `${name} extends ${parent}`).toBe(true);
      for (const [prop, p] of model.properties(name)) {
        if (p.range) expect(model.schemata.has(p.range), `${name}.${prop} → ${p.range}`).toBe(true);
      }
    }
  });

  it.each([
    ["the test fixture", small],
    ["the curated dataset", curated],
  ])("%s: every entity is valid against FollowTheMoney's own schema files", (_, dataset) => {
    expect(validateFtm(entitiesOf(dataset), model)).toEqual([]);
  });

  it("catches what FtM's model forbids (the check can fail)", () => {
    const note = entities.find((e) => e.schema === "Note") as FtmEntity;
    const membership = entities.find((e) => e.schema === "Membership") as FtmEntity;
    const person = entities.find((e) => e.schema === "Person") as FtmEntity;
    const event = entities.find((e) => e.schema === "Event") as FtmEntity;
    const broken: FtmEntity[] = [
      ...entities,
      { id: "x-unknown", schema: "Militia", properties: { name: ["X"] } },
      { id: "x-abstract", schema: "Thing", properties: { name: ["X"] } },
      { id: "x-mention", schema: "Mention", properties: { name: ["X"] } },
      { ...note, id: "x-note", properties: { ...note.properties, recordId: ["a-claim"] } },
      { ...membership, id: "x-member", properties: { ...membership.properties, organization: [person.id] } },
      { ...membership, id: "x-dangling", properties: { ...membership.properties, member: ["ma-actor-nobody"] } },
      { ...event, id: "x-date", properties: { ...event.properties, date: ["2014-23"] } },
    ];
    const problems = validateFtm(broken, model);
    expect(problems).toEqual([
      'x-unknown (Militia): no schema "Militia" in FollowTheMoney\'s model',
      'x-abstract (Thing): "Thing" is abstract; use a schema that extends it',
      'x-mention (Mention): required property "document" is missing',
      'x-note (Note): property "recordId" is not in Note or the schemata it extends (Note, Thing, Analyzable)',
      `x-member (Membership): organization → ${person.id} is a Person, not a Organization`,
      "x-dangling (Membership): member → ma-actor-nobody, which is not an entity in the file",
      'x-date (Event): date "2014-23" is not an FtM date (YYYY, YYYY-MM, YYYY-MM-DD or a time)',
    ]);
  });

  it("writes one JSON entity per line, each with id, schema and list-valued properties", () => {
    expect(toFtm(curated).endsWith("\n")).toBe(true);
    for (const e of entities) {
      expect(Object.keys(e)).toEqual(["id", "schema", "properties"]);
      expect(e.id).toMatch(/^ma-[a-z]+-[a-z0-9._-]+$/);
    }
    expect(byId.size).toBe(entities.length);
  });

  it("maps sources, actors, relations, events, claims and mentions to FtM schemata", () => {
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
      "Directorship",
      "Family",
      "Sanction",
      "UnknownLink",
    ]) {
      expect(schemata).toContain(s);
    }
    expect(byId.get("ma-actor-kataib-hezbollah")).toMatchObject({ schema: "Organization" });
    expect(byId.get("ma-actor-qais-al-khazali")?.properties.alias).toContain("Khazali");
  });

  it("keeps what FtM has no property for in the ones it has: evidence in the description, sources as links", () => {
    const leads = entities.find((e) => e.schema === "Directorship") as FtmEntity;
    expect(leads.properties.description?.[0]).toMatch(/“.+” \(.+\)/);
    expect(leads.properties.proof).toBeUndefined();
    const family = entities.find((e) => e.schema === "Family") as FtmEntity;
    expect(family.properties.relationship?.length).toBe(1);
    const note = entities.find((e) => e.schema === "Note") as FtmEntity;
    expect(note.properties.proof?.every((id) => byId.get(id)?.schema === "Article")).toBe(true);
  });

  it("keeps dates at their precision, a season as the days it may cover, and claims as notes, not facts", () => {
    const war = byId.get("ma-event-1980-1988-iran-iraq-war");
    expect(war?.properties).toMatchObject({ startDate: ["1980"], endDate: ["1988"] });
    const autumn = entities.find((e) => e.properties.description?.[0]?.includes("EDTF 2014-23"));
    expect(autumn?.properties).toMatchObject({ startDate: ["2014-09-01"], endDate: ["2014-11-30"] });
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
    // The database adds when each record last changed, and its revision; the records are the same.
    const exported = JSON.parse((await exportAs(database.db, "json")).body) as Dataset;
    expect(exported.revision).toBe(0);
    expect(exported.actors.every((a) => typeof a.updatedAt === "string")).toBe(true);
    expect(unstamped(exported)).toEqual(JSON.parse(JSON.stringify(small)));
  });

  it("builds each export once per version of the data, and again when the data changes", async () => {
    const first = await exportAs(database.db, "stix");
    expect(await exportAs(database.db, "stix")).toBe(first);
    // A caller's own STIX timestamp is built for it, not cached.
    const stamped = await exportAs(database.db, "stix", { timestamp: "2026-05-01T00:00:00.000Z" });
    expect(stamped).not.toBe(first);
    expect(stamped.body).toContain("2026-05-01T00:00:00.000Z");
    await seedDatabase(database, small, { force: true });
    expect(await exportAs(database.db, "stix")).not.toBe(first);
  });

  it("never exports an address that is not http(s), even one stored by an older version", async () => {
    await database.db.execute(sql`update sources set url = 'javascript:alert(1)' where id = ${small.sources[0]?.id}`);
    process.env.ATLAS_QUERY_CACHE = "off";
    try {
      const ftm = (await exportAs(database.db, "ftm")).body;
      expect(ftm).not.toContain("javascript:");
      expect((await exportAs(database.db, "json")).body).not.toContain("javascript:");
    } finally {
      delete process.env.ATLAS_QUERY_CACHE;
    }
  });
});
