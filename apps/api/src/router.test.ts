/**
 * The API through createCaller, against the seeded curated dataset: every procedure's output
 * matches the schema the OpenAPI document publishes, errors name what is wrong, pages hold together.
 */
import { buildDataset, contradictionPairs, openDatabase, seedFromFiles } from "@atlas/data";
import { type EngineCase, engineCases } from "@atlas/data/testing";
import { Dataset } from "@atlas/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContextInner } from "./context.js";
import { routes } from "./rest.js";
import { createCaller } from "./root.js";
import { trpcError } from "./testing.js";

/** A realistic input for every public GET procedure; a new procedure without one fails the contract test. */
const SAMPLES: Record<string, unknown> = {
  "sources.list": {},
  "sources.byId": { id: "2020-party-by-day-fighters-by-night" },
  "actors.list": { kind: ["armed_group"], sort: "mentions" },
  "actors.byId": { id: "kataib-hezbollah" },
  "actors.dossier": { id: "kataib-hezbollah" },
  "actors.dossierMarkdown": { id: "qais-al-khazali" },
  "relations.byId": { id: "hadi-al-amiri.leads.badr-organization" },
  "relations.graph": { types: ["leads", "backed_by"] },
  "relations.paths": { from: "kataib-hezbollah", to: "asaib-ahl-al-haq" },
  "events.counts": { from: "2019", to: "2020", by: "month" },
  "events.timeline": { from: "2019", to: "2020" },
  "events.byId": { id: "2020-01-03-baghdad-airport-strike" },
  "claims.list": { contested: true },
  "claims.byId": { id: "iranian-officials-claim-80-us-servicemen-killed" },
  "claims.contradictions": undefined,
  "places.list": undefined,
  "search.query": { q: "Khalazi" },
  "stats.get": undefined,
  "export.dataset": undefined,
  "export.as": { format: "stix" },
  "export.events": { format: "json", from: "2019-12", to: "2020-01", inside: true },
  "export.claims": { format: "csv", claimantId: "kataib-hezbollah" },
  "export.actors": { format: "stix", kind: ["armed_group"] },
  "export.search": { format: "csv", q: "rocket attack embassy" },
  "ingest.documents": undefined,
  "ingest.suggestions": { sourceId: "2020-party-by-day-fighters-by-night" },
  "records.history": { id: "kataib-hezbollah" },
  "records.changes": { since: "2020-01-01T00:00:00Z" },
};

type Caller = ReturnType<typeof createCaller>;
const call = (caller: Caller, key: string, input: unknown) =>
  (
    key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], caller) as (
      i: unknown,
    ) => Promise<unknown>
  )(input);

describe.each(engineCases())("API on $name", (engine: EngineCase) => {
  let caller: Caller;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const database = engine.name === "pglite" ? await openDatabase({ memory: true, url: null }) : await engine.open();
    await seedFromFiles(database);
    caller = createCaller(createContextInner({ database }));
    close = "drop" in database ? (database.drop as () => Promise<void>) : database.close;
  });
  afterAll(async () => close?.());

  it.each(routes.filter((r) => r.meta.method === "GET" && !r.meta.protected).map((r) => [r.key, r] as const))(
    "%s answers in the shape its OpenAPI schema promises",
    async (key, route) => {
      expect(key in SAMPLES, `add a sample input for ${key} to SAMPLES`).toBe(true);
      const result = await call(caller, key, SAMPLES[key]);
      const parsed = route.meta.output.safeParse(result);
      expect(parsed.success ? [] : parsed.error.issues.slice(0, 3)).toEqual([]);
    },
  );

  it("refuses invalid input with BAD_REQUEST naming the field", async () => {
    const tooMany = await trpcError(caller.actors.list({ limit: 500 }));
    expect(tooMany.code).toBe("BAD_REQUEST");
    const badDate = await trpcError(caller.events.timeline({ from: "2020-13" }));
    expect(badDate.code).toBe("BAD_REQUEST");
    expect(JSON.stringify(badDate.cause)).toContain("from");
    const badKind = await trpcError(caller.actors.list({ kind: ["militia" as never] }));
    expect(JSON.stringify(badKind.cause)).toContain("kind");
    const badCursor = await trpcError(caller.actors.list({ cursor: "not-a-cursor" }));
    expect(badCursor).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("cursor") });
    const empty = await trpcError(caller.search.query({ q: "   " }));
    expect(empty.code).toBe("BAD_REQUEST");
  });

  it("refuses a NUL character in any text that would reach the database, naming where", async () => {
    for (const [call, path] of [
      [() => caller.search.query({ q: "a\u0000b" }), "q"],
      [() => caller.actors.byId({ id: "\u0000" }), "id"],
      [() => caller.claims.list({ claimantId: "kataib\u0000hezbollah" }), "claimantId"],
      [() => caller.events.timeline({ kind: ["strike", "x\u0000" as never] }), "kind.1"],
    ] as const) {
      const error = await trpcError(call());
      expect(error).toMatchObject({
        code: "BAD_REQUEST",
        message: expect.stringContaining(`${path}: contains a NUL character`),
      });
    }
  });

  it("refuses dates that do not exist and windows that end before they start, before any query runs", async () => {
    for (const [input, field, message] of [
      [{ from: "2020-02-30" }, "from", '"2020-02-30" is not a real day; 2020-02 has 29 days'],
      [{ to: "2019-02-29" }, "to", '"2019-02-29" is not a real day; 2019-02 has 28 days'],
      [{ from: "0000" }, "from", '"0000" has year 0000; years start at 0001'],
      [{ from: "2021", to: "2019" }, "to", "2019 is before 2021; the window would be empty"],
    ] as const) {
      const error = await trpcError(caller.events.timeline(input));
      expect(error.code).toBe("BAD_REQUEST");
      expect((error.cause as unknown as { issues: unknown[] }).issues).toEqual([
        expect.objectContaining({ path: [field], message }),
      ]);
    }
    // A window inside one partial date is not reversed: from March 2020 to (the end of) 2020.
    expect((await caller.events.timeline({ from: "2020-03", to: "2020" })).items.length).toBeGreaterThan(0);
  });

  it("searches names as analysts type them: misspelt, transliterated, abbreviated — and says which name matched", async () => {
    const top = async (q: string) => (await caller.search.query({ q, types: ["actor"] })).groups.actor;
    for (const [q, id] of [
      ["Khalazi", "qais-al-khazali"],
      ["Kataeb Hizballah", "kataib-hezbollah"],
      ["Mohandes", "abu-mahdi-al-muhandis"],
      ["Suleimani", "qasem-soleimani"],
      ["KH", "kataib-hezbollah"],
    ] as const) {
      expect((await top(q))[0]?.id, q).toBe(id);
    }
    expect((await top("Khalazi"))[0]?.matched).toBe("Qais al-Khalazi");
    // Sharing the word "Ali" does not make Ali Khamenei a near miss for Khazali.
    expect((await top("Khazali")).map((h) => h.id)).not.toContain("ali-khamenei");
    // The PMF is found for "Sistani" through its description, not through one of its names.
    const pmf = (await top("Sistani")).find((h) => h.id === "popular-mobilization-forces");
    expect(pmf?.matched ?? null).toBeNull();
  });

  it("counts an actor's claims as its profile lists them: a claim by and about it once", async () => {
    for (const id of ["hadi-al-amiri", "asaib-ahl-al-haq", "kataib-hezbollah"]) {
      const profile = await caller.actors.byId({ id });
      const listed = (await caller.actors.list({ limit: 200, involvement: "claims" })).items.find((a) => a.id === id);
      expect(listed?.counts.claims, id).toBe(profile.claimsBy.length + profile.claimsAbout.length);
    }
  });

  it("answers NOT_FOUND when a filter names nothing, and an empty list when it names something with no match", async () => {
    for (const [pending, message] of [
      [trpcError(caller.events.timeline({ actorId: "nobody" })), 'actorId: no actor with id "nobody".'],
      [trpcError(caller.events.timeline({ placeId: "atlantis" })), 'placeId: no place with id "atlantis".'],
      [trpcError(caller.claims.list({ claimantId: "nobody" })), 'claimantId: no actor with id "nobody".'],
      [trpcError(caller.relations.graph({ actorId: "nobody" })), 'actorId: no actor with id "nobody".'],
      [trpcError(caller.ingest.suggestions({ sourceId: "unwritten" })), 'sourceId: no source with id "unwritten".'],
    ] as const) {
      const error = await pending;
      expect(error).toMatchObject({ code: "NOT_FOUND", message });
    }
    // Kataib Hezbollah exists and made claims, but none is a "threatens": a real, empty answer.
    const none = await caller.claims.list({ claimantId: "kataib-hezbollah", stance: ["threatens"] });
    expect(none.items).toEqual([]);
  });

  it("answers NOT_FOUND for an unknown id, naming it", async () => {
    // Each promise gets its handler at once: one rejecting while another is awaited is not "unhandled".
    for (const pending of [
      trpcError(caller.actors.byId({ id: "nobody" })),
      trpcError(caller.events.byId({ id: "nothing" })),
      trpcError(caller.claims.byId({ id: "unsaid" })),
      trpcError(caller.sources.byId({ id: "unwritten" })),
    ]) {
      const error = await pending;
      expect(error.code).toBe("NOT_FOUND");
      expect(error.message).toMatch(/No \w+ with id "\w+"/);
    }
  });

  it("pages with a default size, a maximum, and cursors that cover everything once", async () => {
    const stats = await caller.stats.get();
    const first = await caller.actors.list({});
    expect(first.items).toHaveLength(50);
    const seen = [...first.items.map((a) => a.id)];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await caller.actors.list({ cursor, limit: 50 });
      seen.push(...page.items.map((a) => a.id));
      cursor = page.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(stats.counts.actors);
    const max = await caller.actors.list({ limit: 200 });
    expect(max.items.length).toBe(Math.min(200, stats.counts.actors));
  });

  it("serves the views: a profile both ways, corroboration, contradictions, ranges, the graph", async () => {
    const khazali = await caller.search.query({ q: "Khalazi" });
    expect(khazali.groups.actor[0]).toMatchObject({ id: "qais-al-khazali", matched: "Qais al-Khalazi" });

    const kh = await caller.actors.byId({ id: "kataib-hezbollah" });
    expect(
      kh.relations.some(
        (r) => r.direction === "incoming" && r.type === "leads" && r.other.id === "abu-mahdi-al-muhandis",
      ),
    ).toBe(true);
    expect(kh.relations.some((r) => r.direction === "outgoing")).toBe(true);
    expect(kh.claimsBy.map((c) => c.id)).toContain("kh-denies-embassy-rocket-attack");
    expect(kh.mentionsBySource.length).toBeGreaterThanOrEqual(4);

    const strike = await caller.events.byId({ id: "2020-01-03-baghdad-airport-strike" });
    expect(strike.sources).toHaveLength(4);
    expect(strike.participants.map((p) => `${p.actor.id}:${p.role}`)).toContain("qasem-soleimani:victim");

    const pairs = (await caller.claims.contradictions()).items;
    expect(
      pairs.some(
        (p) =>
          [p.a.id, p.b.id].includes("iranian-officials-claim-80-us-servicemen-killed") &&
          [p.a.claimant.id, p.b.claimant.id].includes("author-2021-iraqi-militias-hired-guns"),
      ),
    ).toBe(true);

    const year2014 = await caller.events.timeline({ from: "2014-07", to: "2014-07" });
    const formed = year2014.items.find((e) => e.id === "2014-pmf-formed");
    expect(formed).toMatchObject({ earliest: "2014-01-01", latest: "2014-12-31" });

    const graph = await caller.relations.graph({ types: ["leads"] });
    expect(graph.edges.every((e) => e.type === "leads")).toBe(true);
    expect(graph.nodes.find((n) => n.id === "hadi-al-amiri")?.degree).toBeGreaterThanOrEqual(2);
  });

  it("narrows the timeline to events inside a window, says how many only span it, and sorts by sources", async () => {
    const window = { from: "2019-12", to: "2020-01" };
    const overlapping = await caller.events.timeline({ ...window, limit: 200 });
    const inside = await caller.events.timeline({ ...window, inside: true, limit: 200 });
    expect(overlapping.spanning).toBeGreaterThan(0);
    expect(inside.items.length + (inside.spanning ?? 0)).toBe(overlapping.items.length);
    // A background "between 2014 and 2021" overlaps the window but is not in it.
    expect(overlapping.items.map((e) => e.id)).toContain("pmf-groups-absorbed-into-iraqi-security-state");
    expect(inside.items.map((e) => e.id)).not.toContain("pmf-groups-absorbed-into-iraqi-security-state");
    for (const e of inside.items) {
      expect(e.earliest && e.earliest >= "2019-12-01", e.id).toBe(true);
      expect(e.latest && e.latest <= "2020-01-31", e.id).toBe(true);
    }
    expect((await caller.events.timeline({})).spanning).toBeNull();

    const stats = await caller.stats.get();
    const several = await caller.events.timeline({ corroborated: true, sort: "sources", limit: 200 });
    expect(several.items).toHaveLength(stats.corroboratedEvents);
    const counts = several.items.map((e) => e.sourceIds.length);
    expect(counts.every((n) => n > 1)).toBe(true);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    // Sorted by sources, the pages still cover every event once.
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await caller.events.timeline({ sort: "sources", limit: 7, cursor });
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(stats.counts.events);
  });

  it("sets an event's sources side by side, each fact with its quote, and says whether they agree on deaths", async () => {
    const kh = await caller.events.byId({ id: "2019-12-us-strikes-on-kataib-hezbollah" });
    expect(kh.deathsAgreement).toMatch(/^Sources differ on deaths: “dozens” \(24 or more\) killed .* vs 25 killed/);
    const hired = kh.sources.find((s) => s.source.id === "2021-iraqi-militias-hired-guns");
    expect(hired?.deaths.map((d) => d.low)).toEqual([25]);
    expect(hired?.perpetrators.map((p) => p.actor.id)).toEqual(["us-forces"]);
    expect(hired?.place?.name).toBe("western Iraq");
    for (const fact of [hired?.perpetrators[0]?.quote, hired?.place?.quote]) {
      expect(fact?.sourceId).toBe("2021-iraqi-militias-hired-guns");
    }
    const contractor = await caller.events.byId({ id: "2019-12-27-rocket-attack-kills-us-contractor" });
    expect(contractor.deathsAgreement).toBe("3 sources agree: 1 killed.");
    const strike = await caller.events.byId({ id: "2020-01-03-baghdad-airport-strike" });
    const when = strike.sources.find((s) => s.when)?.when;
    expect(when?.quote.quote).toContain(when?.words ?? "?");
  });

  it("lists every contradiction exactly once, page by page: the curated pairs, as many as the stats count", async () => {
    const expected = contradictionPairs(buildDataset().dataset.claims);
    expect(expected.length).toBeGreaterThan(7);
    const seen: [string, string][] = [];
    let cursor: string | undefined;
    do {
      const page = await caller.claims.contradictions({ limit: 7, cursor });
      expect(page.total).toBe(expected.length);
      expect(page.items.length).toBeLessThanOrEqual(7);
      seen.push(...page.items.map((p): [string, string] => [p.a.id, p.b.id]));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(expected);
    expect((await caller.stats.get()).contradictions).toBe(expected.length);
    // Narrowed, still each pair once, only pairs of the whole list, and the total counts them.
    const aboutKh = await caller.claims.contradictions({ aboutActorId: "kataib-hezbollah", limit: 200 });
    const keys = aboutKh.items.map((p) => `${p.a.id}|${p.b.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(aboutKh.total).toBe(keys.length);
    expect(expected.map((p) => p.join("|"))).toEqual(expect.arrayContaining(keys));
  });

  it("narrows contradictions to an event, an actor they are about, or a source", async () => {
    const all = (await caller.claims.contradictions({ limit: 200 })).items;
    const byEvent = (await caller.claims.contradictions({ aboutEventId: "2020-01-26-us-embassy-rocket-attack" })).items;
    expect(byEvent.length).toBeGreaterThan(0);
    expect(byEvent.length).toBeLessThan(all.length);
    for (const pair of byEvent) {
      const about = await Promise.all([pair.a, pair.b].map((c) => caller.claims.byId({ id: c.id })));
      expect(about.some((c) => c.about.events.some((e) => e.id === "2020-01-26-us-embassy-rocket-attack"))).toBe(true);
    }
    const bySource = (await caller.claims.contradictions({ sourceId: "2015-inside-iraqs-iranian-backed-militias" }))
      .items;
    for (const pair of bySource) {
      expect(
        [pair.a, pair.b].some((c) =>
          c.evidence.some((q) => q.sourceId === "2015-inside-iraqs-iranian-backed-militias"),
        ),
      ).toBe(true);
    }
    const aboutKh = (await caller.claims.contradictions({ aboutActorId: "kataib-hezbollah" })).items;
    expect(aboutKh.length).toBeGreaterThan(0);
    expect((await trpcError(caller.claims.contradictions({ aboutEventId: "nothing" }))).code).toBe("NOT_FOUND");
  });

  it("says how a role ended, and counts a place's events as its panel lists them", async () => {
    const kh = await caller.actors.byId({ id: "kataib-hezbollah" });
    const led = kh.relations.find((r) => r.type === "leads" && r.other.id === "abu-mahdi-al-muhandis");
    expect(led?.endedWith?.id).toBe("2020-01-03-baghdad-airport-strike");
    const amiri = await caller.actors.byId({ id: "hadi-al-amiri" });
    expect(amiri.relations.find((r) => r.type === "leads")?.endedWith).toBeNull();

    const baghdad = (await caller.places.list()).find((p) => p.id === "baghdad");
    const listed = await caller.events.timeline({ placeId: "baghdad", limit: 200 });
    expect(baghdad?.eventsWithin).toBe(listed.items.length);
    expect(baghdad?.eventCount).toBeLessThan(listed.items.length);
  });

  it("exports what a filtered list shows, with the filter kept, as a valid dataset or one CSV row per record", async () => {
    const filter = { from: "2019-12", to: "2020-01", kind: ["strike" as const] };
    const listed = (await caller.events.timeline({ ...filter, limit: 200 })).items.map((e) => e.id);
    const json = await caller.export.events({ ...filter, format: "json" });
    const subset = Dataset.parse(JSON.parse(json.body));
    expect(subset.events.map((e) => e.id).sort()).toEqual([...listed].sort());
    expect(json.filename).toBe("militia-atlas-events.json");
    const csv = await caller.export.events({ ...filter, format: "csv" });
    expect(csv.body.trimEnd().split("\r\n")).toHaveLength(listed.length + 1);
    const stix = JSON.parse((await caller.export.events({ ...filter, format: "stix" })).body) as { type: string };
    expect(stix.type).toBe("bundle");

    const claims = (await caller.claims.list({ claimantId: "kataib-hezbollah", limit: 200 })).items;
    const claimsCsv = await caller.export.claims({ claimantId: "kataib-hezbollah", format: "csv" });
    const rows = claimsCsv.body.trimEnd().split("\r\n");
    expect(rows[0]).toMatch(/^claim_id,claimant,stance,statement/);
    expect(rows).toHaveLength(claims.length + 1);
    const actorsJson = Dataset.parse(
      JSON.parse((await caller.export.actors({ kind: ["armed_group"], format: "json" })).body),
    );
    expect(actorsJson.actors.filter((a) => a.kind === "armed_group").length).toBeGreaterThan(3);
    const found = await caller.export.search({ q: "rocket attack embassy", limit: 20, format: "csv" });
    expect(found.body).toContain("2020-01-26-us-embassy-rocket-attack");
  });

  it("shows one relation with both its actors and the words that state it; an unknown id is 404", async () => {
    const led = await caller.relations.byId({ id: "hadi-al-amiri.leads.badr-organization" });
    expect(led).toMatchObject({
      type: "leads",
      role: "leader",
      from: { name: "Hadi al-Amiri" },
      to: { id: "badr-organization" },
    });
    expect(led.evidence.map((q) => q.quote)).toContain("Hadi al-Amiri, the leader of the Badr Organization");
    expect(await trpcError(caller.relations.byId({ id: "nobody.leads.nothing" }))).toMatchObject({
      code: "NOT_FOUND",
      message: 'No relation with id "nobody.leads.nothing".',
    });
  });

  it("finds what connects two actors: every shortest path, each step's relations with their quotes", async () => {
    const found = await caller.relations.paths({ from: "kataib-hezbollah", to: "asaib-ahl-al-haq" });
    expect(found.length).toBe(2);
    const chains = found.paths.map((p) => [p.steps[0]?.from.id, ...p.steps.map((s) => s.to.id)].join(" > "));
    expect(chains).toEqual([
      "kataib-hezbollah > iran > asaib-ahl-al-haq",
      "kataib-hezbollah > popular-mobilization-forces > asaib-ahl-al-haq",
    ]);
    expect(found.total).toBe(2);
    const first = found.paths[0]?.steps[0];
    // Kataib Hezbollah is backed by Iran: read forward from the step's first actor.
    expect(first?.relations).toContainEqual(expect.objectContaining({ type: "backed_by", forward: true }));
    const sources = new Map<string, string>();
    for (const step of found.paths.flatMap((p) => p.steps)) {
      for (const r of step.relations) {
        expect(r.evidence.length, r.id).toBeGreaterThan(0);
        for (const q of r.evidence) {
          if (!sources.has(q.sourceId)) sources.set(q.sourceId, (await caller.sources.byId({ id: q.sourceId })).text);
          expect(sources.get(q.sourceId)?.slice(q.start, q.end)).toBe(q.quote);
        }
      }
    }
    const kinOnly = await caller.relations.paths({
      from: "kataib-hezbollah",
      to: "asaib-ahl-al-haq",
      types: ["kin_of"],
    });
    expect(kinOnly).toMatchObject({ length: null, total: 0, paths: [] });
    expect(await trpcError(caller.relations.paths({ from: "iran", to: "nobody" }))).toMatchObject({
      code: "NOT_FOUND",
      message: 'to: no actor with id "nobody".',
    });
    expect((await trpcError(caller.relations.paths({ from: "iran", to: "iran" }))).code).toBe("BAD_REQUEST");
  });

  it("counts events per period as the timeline lists them: dated within, or possibly (a band), deaths as ranges", async () => {
    const filter = { kind: ["attack" as const, "strike" as const] };
    const counts = await caller.events.counts({ ...filter, by: "year" });
    const events = (await caller.events.timeline({ ...filter, limit: 200 })).items;
    const dated = events.filter((e) => e.earliest && e.latest);
    expect(counts.charted).toBe(dated.length);
    expect(counts.openEnded).toBe(events.length - dated.length);
    for (const period of counts.periods) {
      const overlapping = dated.filter(
        (e) => (e.earliest as string) <= period.last && (e.latest as string) >= period.first,
      );
      const within = overlapping.filter(
        (e) => (e.earliest as string) >= period.first && (e.latest as string) <= period.last,
      );
      expect([period.within, period.spanning], period.period).toEqual([
        within.length,
        overlapping.length - within.length,
      ]);
    }
    // January 2020: the airport strike's reports give "1 or more" and 2, so no upper bound; the missiles add 0–80.
    const january = await caller.events.counts({ from: "2020-01", to: "2020-01", by: "month", kind: ["strike"] });
    expect(january.periods).toHaveLength(1);
    expect(january.periods[0]?.deaths).toMatchObject({ low: 1, high: null });
    // The Iranian missile attack: none reported by one source, 80 claimed by Iranian officials.
    const missiles = await caller.events.counts({ from: "2020-01-08", to: "2020-01-08", kind: ["strike"] });
    expect(missiles.periods.find((p) => p.period === "2020-01")?.deaths).toMatchObject({ low: 0, high: 80 });
    expect(await trpcError(caller.events.counts({ actorId: "nobody" }))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("builds a dossier only from records: every line footnoted to a quote, silent fields say so", async () => {
    const kh = await caller.actors.dossier({ id: "kataib-hezbollah" });
    expect(kh.template).toBe("group");
    const section = (id: string) => kh.sections.find((s) => s.id === id);
    const text = (id: string) => section(id)?.lines.map((l) => l.parts.map((p) => p.text).join(""));
    expect(text("leadership")).toContainEqual(
      expect.stringMatching(
        /^Abu Mahdi al-Muhandis — leader \(“leader”; until 3 January 2020; former\); it ended with /,
      ),
    );
    expect(text("backers")).toContain("Backed by Iran");
    expect(section("units")).toMatchObject({
      reported: false,
      lines: [{ parts: [{ text: "Not reported in the sources." }] }],
    });
    for (const s of kh.sections.filter((s) => s.reported && s.id !== "updated")) {
      for (const line of s.lines) expect(line.notes.length, `${s.id}: ${line.parts[0]?.text}`).toBeGreaterThan(0);
    }
    expect(kh.notes.map((n) => n.n)).toEqual(kh.notes.map((_, i) => i + 1));
    expect(section("size")).toMatchObject({ reported: false });
    // The PMF's size as each source reports it: the words, and the numbers they allow.
    const pmf = await caller.actors.dossier({ id: "popular-mobilization-forces" });
    const sizes = pmf.sections.find((s) => s.id === "size")?.lines.map((l) => l.parts.map((p) => p.text).join(""));
    expect(sizes).toEqual(["“tens of thousands answered calls” (20,000 or more; 2014)", "“some 100,000 men”"]);
    const khazali = await caller.actors.dossier({ id: "qais-al-khazali" });
    expect(khazali.template).toBe("person");
    expect(khazali.sections.map((s) => s.id)).toEqual([
      "about",
      "names",
      "roles",
      "affiliations",
      "designations",
      "statements",
      "events",
      "claims-about",
      "updated",
    ]);
    const md = await caller.actors.dossierMarkdown({ id: "kataib-hezbollah" });
    expect(md.filename).toBe("kataib-hezbollah.dossier.md");
    expect(md.body).toContain("## Units and components\n\nNot reported in the sources.\n");
    expect(md.body).toMatch(
      /^\[\^1\]: “.+” — .+, between 26 January and 1 February 2020 \(date inferred\)\. Source `[\w-]+`, characters \d+–\d+\.$/m,
    );
    expect((await trpcError(caller.actors.dossier({ id: "nobody" }))).code).toBe("NOT_FOUND");
  });
});
