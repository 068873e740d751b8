/**
 * A small, fixed atlas for screen tests: exact frames need data that does not change when the
 * curated corpus does. Shapes are the API's own types, so a change there breaks these too.
 */
import { assembleDossier } from "@atlas/data";
import type {
  ActorDetail,
  ActorSummary,
  Atlas,
  ClaimDetail,
  ClaimSummary,
  EventDetail,
  EventSummary,
  Paths,
  SearchResult,
  SourceDetail,
  SourceSummary,
} from "../data.js";
import { NotFoundError } from "../errors.js";

const SOURCE_TEXT = [
  "Militias play politics by day",
  "Photo credit: WIRE",
  "Kataib Hezbollah denied its involvement, claiming that “it wasn’t us.” The US struck its bases in December 2019.",
].join("\n");
// Offsets into SOURCE_TEXT, computed so the fixture cannot drift from its text.
const at = (quote: string) => {
  const start = SOURCE_TEXT.indexOf(quote);
  if (start < 0) throw new Error(`fixture quote not in text: ${quote}`);
  return { start, end: start + quote.length, quote };
};

const published = { edtf: "2020-01-26/2020-02-01", precision: "day" as const, basis: "inferred" as const };
const sourceRef = { id: "party-by-day", title: "Militias play politics by day", publisher: null, published };
const span = (quote: string) => ({ sourceId: "party-by-day", ...at(quote), prefix: null, suffix: null });
const quoted = (quote: string) => ({ ...span(quote), source: sourceRef });

const kh = { id: "kataib-hezbollah", name: "Kataib Hezbollah", kind: "armed_group" as const };
const iran = { id: "iran", name: "Iran", kind: "state" as const };
const us = { id: "united-states", name: "United States", kind: "state" as const };

export const actors: ActorSummary[] = [
  {
    ...kh,
    description: "An Iran-backed Iraqi Shiite militia.",
    aliases: ["KH", "Kata'ib Hizballah"],
    counts: { mentions: 2, sources: 1, events: 1, claims: 2, relations: 1 },
  },
  {
    ...iran,
    description: "The Islamic Republic of Iran.",
    aliases: [],
    counts: { mentions: 0, sources: 0, events: 0, claims: 0, relations: 1 },
  },
  {
    ...us,
    description: "The United States of America.",
    aliases: ["US"],
    counts: { mentions: 1, sources: 1, events: 1, claims: 1, relations: 0 },
  },
];

const strike: EventSummary = {
  id: "2019-12-us-strikes",
  kind: "strike",
  title: "US strikes Kataib Hezbollah bases",
  summary: "The United States struck Kataib Hezbollah bases.",
  time: { edtf: "2019-12", precision: "month", basis: "explicit" },
  earliest: "2019-12-01",
  latest: "2019-12-31",
  place: null,
  placeNote: null,
  participants: [
    { actor: us, role: "perpetrator" },
    { actor: kh, role: "target" },
  ],
  sourceIds: ["party-by-day"],
};

const denial: ClaimSummary = {
  id: "kh-denies",
  stance: "denies",
  statement: "Kataib Hezbollah denied involvement in the attack.",
  mode: "indirect",
  said: published,
  setting: null,
  claimant: kh,
  onBehalfOf: null,
  via: null,
  note: null,
  evidence: [quoted("Kataib Hezbollah denied its involvement")],
  contradictsCount: 1,
  supportsCount: 0,
  credibility: null,
  sources: [],
};

const allegation: ClaimSummary = {
  ...denial,
  id: "us-alleges",
  stance: "alleges",
  statement: "The US alleges Kataib Hezbollah carried out the attack.",
  claimant: us,
  evidence: [quoted("The US struck its bases")],
};

const khDetail: ActorDetail = {
  ...(actors[0] as ActorSummary),
  aliasDetails: [
    { name: "KH", kind: "abbreviation", sourceIds: [], sources: [], outside: null },
    {
      name: "Kata'ib Hizballah",
      kind: "spelling",
      sourceIds: ["party-by-day"],
      sources: [{ id: "party-by-day", title: sourceRef.title }],
      outside: null,
    },
  ],
  evidence: [],
  sizes: [],
  relations: [
    {
      id: "kataib-hezbollah.backed_by.iran",
      type: "backed_by",
      role: null,
      time: null,
      former: false,
      note: null,
      direction: "outgoing",
      other: iran,
      endedWith: null,
      evidence: [],
    },
  ],
  events: [{ ...strike, roles: ["target"], evidence: [quoted("The US struck its bases in December 2019")] }],
  claimsBy: [denial],
  claimsAbout: [allegation],
  mentionsBySource: [],
};

/** Kataib Hezbollah to the United States: one step, a relation read against the path's direction. */
export const khToUs: Paths = {
  from: kh,
  to: us,
  length: 1,
  total: 1,
  paths: [
    {
      steps: [
        {
          from: kh,
          to: us,
          relations: [
            {
              id: "united-states.opposes.kataib-hezbollah",
              type: "opposes",
              role: null,
              time: { edtf: "2019-12", precision: "month", basis: "explicit" },
              former: false,
              note: null,
              forward: false,
              evidence: [quoted("The US struck its bases in December 2019")],
            },
          ],
        },
      ],
    },
  ],
};

export const source: SourceDetail = {
  ...sourceRef,
  titleBasis: "stated",
  subtitle: null,
  publisherBasis: "unknown",
  authors: [],
  authorsBasis: "unknown",
  genre: "news",
  origin: "corpus",
  counts: { mentions: 2, events: 1, claims: 2, actors: 2 },
  reliability: null,
  text: SOURCE_TEXT,
  hash: "0".repeat(64),
  file: "party-by-day.txt",
  dateline: null,
  language: "en",
  url: null,
  segments: [
    { start: at("Militias").start, end: at("Militias play politics by day").end, role: "headline", article: true },
    { start: at("Photo").start, end: at("Photo credit: WIRE").end, role: "credit", article: false },
    { start: at("Kataib Hezbollah denied").start, end: SOURCE_TEXT.length, role: "body", article: true },
  ],
  pages: null,
  notes: [],
  annotations: [
    { type: "mention", ...at("Kataib Hezbollah"), recordId: "kataib-hezbollah", label: "Kataib Hezbollah" },
    { type: "mention", ...at("US"), recordId: "united-states", label: "United States" },
    { type: "claim", ...at("Kataib Hezbollah denied its involvement"), recordId: "kh-denies", label: "denies" },
    { type: "event", ...at("The US struck its bases in December 2019"), recordId: strike.id, label: strike.title },
  ].map(({ quote: _, ...a }) => a) as SourceDetail["annotations"],
};

const sources: SourceSummary[] = [
  {
    id: source.id,
    title: source.title,
    publisher: source.publisher,
    published: source.published,
    titleBasis: source.titleBasis,
    subtitle: source.subtitle,
    publisherBasis: source.publisherBasis,
    authors: source.authors,
    authorsBasis: source.authorsBasis,
    genre: source.genre,
    origin: source.origin,
    counts: source.counts,
    reliability: source.reliability,
  },
];

const claimDetail = (c: ClaimSummary, other: ClaimSummary): ClaimDetail => ({
  ...c,
  attribution: [],
  about: { actors: [kh], events: [{ id: strike.id, title: strike.title }] },
  supports: [],
  supportedBy: [],
  contradicts: [other],
});

const eventDetail: EventDetail = {
  ...strike,
  participants: strike.participants.map((p) => ({ ...p, note: null })),
  fatalities: [
    { low: null, high: null, who: "militiamen", expression: null, reportedBy: null, claimId: null, evidence: [] },
  ],
  partOf: null,
  parts: [],
  respondsTo: [],
  responses: [],
  sources: [
    {
      source: sourceRef,
      reliability: null,
      quotes: [quoted("The US struck its bases in December 2019")],
      when: null,
      deaths: [],
      perpetrators: [],
      place: null,
    },
  ],
  deathsAgreement: "The source reports no death toll: unknown, not zero.",
  claims: [allegation],
};

function page<T>(items: T[], input: { limit?: number | undefined; cursor?: string | undefined }) {
  const from = input.cursor ? Number(input.cursor) : 0;
  const limit = input.limit ?? 50;
  const next = from + limit < items.length ? String(from + limit) : null;
  return { items: items.slice(from, from + limit), nextCursor: next };
}

function found<T>(value: T | undefined, what: string, id: string): T {
  if (value === undefined) throw new NotFoundError(`No ${what} with id "${id}".`);
  return value;
}

const notInFixture = async (): Promise<never> => {
  throw new Error("not in the fixture");
};

export function fixtureAtlas(): Atlas {
  return {
    via: { kind: "api", url: "http://fixture" },
    actors: async (i) => page(actors, i),
    actor: async (id) => found(id === kh.id ? khDetail : undefined, "actor", id),
    events: async (i) => ({ ...page([strike], i), spanning: i.from || i.to ? 0 : null }),
    event: async (id) => found(id === strike.id ? eventDetail : undefined, "event", id),
    claims: async (i) => page([denial, allegation], i),
    contradictions: async (i) => ({ ...page([{ a: allegation, b: denial }], i ?? {}), total: 1 }),
    claim: async (id) =>
      found(
        id === denial.id
          ? claimDetail(denial, allegation)
          : id === allegation.id
            ? claimDetail(allegation, denial)
            : undefined,
        "claim",
        id,
      ),
    sources: async (i) => page(sources, i),
    source: async (id) => found(id === source.id ? source : undefined, "source", id),
    paths: async ({ from, to }) => {
      if (from === kh.id && to === us.id) return khToUs;
      const ref = (id: string) =>
        found(
          [kh, iran, us].find((a) => a.id === id),
          "actor",
          id,
        );
      return { from: ref(from), to: ref(to), length: null, total: 0, paths: [] };
    },
    dossier: async (id) =>
      assembleDossier(
        found(id === kh.id ? khDetail : undefined, "actor", id),
        new Map([["KH", quoted("Kataib Hezbollah")]]),
      ),
    dossierMarkdown: notInFixture,
    search: async ({ q }): Promise<SearchResult> => {
      const hits = actors
        .filter((a) => `${a.name} ${a.aliases.join(" ")}`.toLowerCase().includes(q.toLowerCase()))
        .map((a) => ({
          type: "actor" as const,
          id: a.id,
          title: a.name,
          detail: a.kind,
          score: 1,
          snippet: [{ text: a.name, hit: true }],
          matched: null,
          why: null,
          context: null,
        }));
      return {
        q,
        total: hits.length,
        groups: { actor: hits, event: [], claim: [], source: [] },
        sourceRanking: { considered: 0, capped: false },
      };
    },
    exportAs: notInFixture,
    ingestedDocuments: async () => [],
    suggestions: async () => ({ items: [], nextCursor: null }),
    ingest: notInFixture,
    importFile: notInFixture,
    accept: notInFixture,
    reject: notInFixture,
    acceptAll: notInFixture,
    write: notInFixture,
    read: notInFixture,
    close: async () => {},
  };
}
