/**
 * The dataset as FollowTheMoney entities, one JSON object per line, for Aleph and the
 * OpenSanctions tools: {"id", "schema", "properties": {name: [values]}}. Sources become
 * Articles, actors Person / Organization / PublicBody / LegalEntity, relations the matching
 * interval schema (Membership, Directorship, Family…), events Events, claims Notes, and each
 * actor's names in a document one Mention. See MAPPING.md for the table and the reasons.
 */
import {
  type Actor,
  type ActorKind,
  type Claim,
  type Dataset,
  describeDeathCount,
  describeTime,
  type Event,
  type Evidence,
  RELATION_TYPES,
  type Relation,
  type Source,
  type Time,
  timeBounds,
} from "@atlas/schema";
import { countryOf } from "./countries.js";

export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}

export const FTM_ACTOR_SCHEMA: Record<ActorKind, "Person" | "Organization" | "PublicBody" | "LegalEntity"> = {
  person: "Person",
  group_of_people: "LegalEntity",
  armed_group: "Organization",
  military: "PublicBody",
  state: "PublicBody",
  government_body: "PublicBody",
  political_party: "Organization",
  coalition: "Organization",
  international_organization: "Organization",
  religious_authority: "LegalEntity",
  organization: "Organization",
  think_tank: "Organization",
  media: "Organization",
  author: "LegalEntity",
};

const LANGUAGES: Record<string, string> = { en: "eng", ar: "ara", fa: "fas", ku: "kur", fr: "fra", de: "deu" };
const ORGANIZATIONS = new Set(["Organization", "PublicBody"]);

export const ftmId = (collection: string, id: string) => `ma-${collection}-${id}`;

/** Drops empty values; every property is a list of strings. */
function props(p: Record<string, (string | null | undefined)[] | string | null | undefined>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(p)) {
    const list = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === "string" && x !== "");
    if (list.length > 0) out[k] = [...new Set(list)];
  }
  return out;
}

/**
 * FtM dates are ISO prefixes: a plain EDTF date (a year, a month, a day) maps to `date`, anything
 * else to a day range. Months are 01–12: EDTF's 21–24 are seasons ("2014-23" is autumn 2014).
 */
const PLAIN = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

function dates(time: Time | null): Record<string, string | undefined> {
  if (!time) return {};
  if (PLAIN.test(time.edtf)) return { date: time.edtf };
  const b = timeBounds(time);
  const [from, to] = time.edtf.split("/");
  // "1980/1988" stays years; "2014-23" (autumn) or "2019~" become the days they may cover.
  const end = (part: string | undefined, bound: string | null) =>
    part === undefined || part === "" || part === ".." ? undefined : PLAIN.test(part) ? part : (bound ?? undefined);
  return to === undefined
    ? { startDate: b.earliest ?? undefined, endDate: b.latest ?? undefined }
    : { startDate: end(from, b.earliest), endDate: end(to, b.latest) };
}

const timeNote = (time: Time) =>
  `Time: ${describeTime(time)} (EDTF ${time.edtf}, ${time.precision} precision, ${time.basis}${time.expression ? `: “${time.expression}”` : ""}).`;

/** The dataset's lookups every entity reads: actors, places and sources by id, and how evidence is cited. */
function ftmContext(dataset: Dataset) {
  const actors = new Map(dataset.actors.map((a) => [a.id, a]));
  const places = new Map(dataset.places.map((p) => [p.id, p]));
  const sources = new Map(dataset.sources.map((s) => [s.id, s]));
  return {
    actors,
    places,
    schemaOf: (a: Actor | undefined) => (a ? FTM_ACTOR_SCHEMA[a.kind] : "LegalEntity"),
    proof: (spans: Evidence[]) => [...new Set(spans.map((e) => ftmId("source", e.sourceId)))],
    urls: (spans: Evidence[]) => spans.map((e) => sources.get(e.sourceId)?.url ?? undefined),
    quotes: (spans: Evidence[]) =>
      spans.map((e) => `“${e.quote}” (${sources.get(e.sourceId)?.title ?? e.sourceId})`).join("\n"),
  };
}
type FtmContext = ReturnType<typeof ftmContext>;

/** A document: an Article. */
function sourceEntity(s: Source): FtmEntity {
  return {
    id: ftmId("source", s.id),
    schema: "Article",
    properties: props({
      name: s.title,
      title: s.title,
      summary: s.subtitle,
      author: s.authors,
      publisher: s.publisher,
      publishedAt: s.published ? (dates(s.published).date ?? timeBounds(s.published).earliest) : undefined,
      sourceUrl: s.url,
      fileName: s.file,
      language: LANGUAGES[s.language],
      notes: [
        s.published
          ? `Publication ${timeNote(s.published).slice(0, 1).toLowerCase()}${timeNote(s.published).slice(1)}`
          : "Publication date unknown.",
        ...s.notes.map((n) => `${n.field}: ${n.text}`),
      ],
    }),
  };
}

function actorEntity({ proof, urls, quotes }: FtmContext, a: Actor): FtmEntity {
  return {
    id: ftmId("actor", a.id),
    schema: FTM_ACTOR_SCHEMA[a.kind],
    properties: props({
      name: a.name,
      alias: a.aliases.map((x) => x.name),
      description: a.description,
      notes: [`Kind in the atlas: ${a.kind.replace(/_/g, " ")}.`, quotes(a.evidence)],
      proof: proof(a.evidence),
      sourceUrl: urls(a.evidence),
    }),
  };
}

/** One Mention per actor and document, with every way the document writes the name. */
function mentionEntities({ actors, schemaOf }: FtmContext, list: Dataset["mentions"]): FtmEntity[] {
  const out: FtmEntity[] = [];
  const mentions = new Map<string, { sourceId: string; actorId: string; names: Set<string> }>();
  for (const m of list) {
    const key = `${m.sourceId}\u0000${m.actorId}`;
    const entry = mentions.get(key) ?? { sourceId: m.sourceId, actorId: m.actorId, names: new Set<string>() };
    entry.names.add(m.quote.replace(/\s+/g, " "));
    mentions.set(key, entry);
  }
  for (const m of mentions.values()) {
    out.push({
      id: ftmId("mention", `${m.sourceId}.${m.actorId}`),
      schema: "Mention",
      properties: props({
        name: [...m.names],
        document: ftmId("source", m.sourceId),
        resolved: ftmId("actor", m.actorId),
        detectedSchema: schemaOf(actors.get(m.actorId)),
      }),
    });
  }
  return out;
}

/**
 * Relations are Interval schemata, which are not Things: they have no `proof`. The sources are
 * named with their words in `description` and linked by `sourceUrl`; Interest schemata
 * (Membership, Directorship…) carry `role` and `status`, Family its `relationship`.
 */
function relationEntity({ actors, schemaOf, urls, quotes }: FtmContext, r: Relation): FtmEntity {
  const from = actors.get(r.fromId);
  const to = actors.get(r.toId);
  const fromId = ftmId("actor", r.fromId);
  const toId = ftmId("actor", r.toId);
  const toOrg = ORGANIZATIONS.has(schemaOf(to));
  const fromPerson = schemaOf(from) === "Person";
  const b = r.time ? timeBounds(r.time) : { earliest: null, latest: null };
  const interval = {
    startDate: r.time?.edtf.includes("/") ? (b.earliest ?? undefined) : undefined,
    endDate: r.time?.edtf.includes("/") ? (b.latest ?? undefined) : undefined,
    ...(r.time && !r.time.edtf.includes("/") ? dates(r.time) : {}),
    summary: `${from?.name} ${RELATION_TYPES[r.type]} ${to?.name}${r.former ? " (former)" : ""}.`,
    description: [r.time ? timeNote(r.time) : "", r.note ?? "", quotes(r.evidence)].filter(Boolean).join("\n"),
    sourceUrl: urls(r.evidence),
    recordId: r.id,
  };
  const interest = { role: r.role ?? RELATION_TYPES[r.type], status: r.former ? "former" : undefined };
  const entity = (schema: string, p: Record<string, string | undefined>) => ({
    id: ftmId("relation", r.id),
    schema,
    properties: props({ ...interval, ...p }),
  });
  switch (r.type) {
    case "member_of":
    case "part_of":
      if (toOrg) return entity("Membership", { ...interest, member: fromId, organization: toId });
      break;
    case "leads":
    case "commands":
    case "deputy_of":
      if (toOrg) return entity("Directorship", { ...interest, director: fromId, organization: toId });
      break;
    case "employed_by":
    case "researcher_at":
      if (fromPerson && toOrg) return entity("Employment", { ...interest, employee: fromId, employer: toId });
      break;
    case "spokesperson_of":
      return entity("Representation", { ...interest, agent: fromId, client: toId });
    case "kin_of":
      if (fromPerson && schemaOf(to) === "Person")
        return entity("Family", { person: fromId, relative: toId, relationship: r.role ?? "relative" });
      break;
    case "sanctioned_by":
    case "designated_by":
      return entity("Sanction", {
        entity: fromId,
        authority: to?.name,
        program: r.type === "designated_by" ? "Terrorist (or similar) designation" : undefined,
        status: interest.status,
      });
    default:
      break;
  }
  return entity("UnknownLink", { ...interest, subject: fromId, object: toId });
}

/** An event, with its deaths as each source reports them. */
function eventEntity({ actors, places, proof, urls, quotes }: FtmContext, e: Event): FtmEntity {
  const place = e.placeId ? places.get(e.placeId) : undefined;
  const deaths = e.fatalities.map((f) => {
    const n = describeDeathCount(f);
    return `${n} (${f.who}) according to ${f.reportedById ? (actors.get(f.reportedById)?.name ?? f.reportedById) : "the source"}`;
  });
  return {
    id: ftmId("event", e.id),
    schema: "Event",
    properties: props({
      name: e.title,
      summary: e.summary,
      ...dates(e.time),
      location: [place?.name, e.placeNote].filter(Boolean).join(" — ") || undefined,
      country: countryOf(e.placeId, places)?.alpha2.toLowerCase(),
      involved: e.participants.map((p) => ftmId("actor", p.actorId)),
      organizer: e.participants
        .filter((p) => p.role === "initiator" || p.role === "ordered_by")
        .map((p) => ftmId("actor", p.actorId)),
      description: [
        timeNote(e.time),
        `Kind: ${e.kind}.`,
        e.participants.length
          ? `Participants: ${e.participants.map((p) => `${actors.get(p.actorId)?.name ?? p.actorId} (${p.role.replace(/_/g, " ")})`).join("; ")}.`
          : "",
        deaths.length ? `Deaths as reported: ${deaths.join("; ")}.` : "Deaths: not reported (unknown, not zero).",
        quotes(e.evidence),
      ]
        .filter(Boolean)
        .join("\n"),
      proof: proof(e.evidence),
      sourceUrl: urls(e.evidence),
      recordId: e.id,
    }),
  };
}

/** A claim: a Note, never a fact. */
function claimEntity({ actors, proof, quotes }: FtmContext, c: Claim): FtmEntity {
  const claimant = actors.get(c.claimantId)?.name ?? c.claimantId;
  return {
    id: ftmId("claim", c.id),
    schema: "Note",
    properties: props({
      name: `${claimant} ${c.stance}: ${c.statement}`,
      summary: c.statement,
      description: [
        `A claim, not a fact: ${claimant} ${c.stance} (${c.mode === "direct" ? "in their own words" : "reported speech"}).`,
        c.said ? `Said: ${describeTime(c.said)}.` : "",
        c.setting ? `Setting: ${c.setting}.` : "",
        c.note ?? "",
        quotes(c.evidence),
      ]
        .filter(Boolean)
        .join("\n"),
      entity: [
        ftmId("actor", c.claimantId),
        ...c.about.actorIds.map((id) => ftmId("actor", id)),
        ...c.about.eventIds.map((id) => ftmId("event", id)),
      ],
      proof: proof(c.evidence),
    }),
  };
}

/** The dataset as FollowTheMoney entities, one JSON object a line. */
export function toFtm(dataset: Dataset): string {
  const x = ftmContext(dataset);
  const entities: FtmEntity[] = [
    ...dataset.sources.map(sourceEntity),
    ...dataset.actors.map((a) => actorEntity(x, a)),
    ...mentionEntities(x, dataset.mentions),
    ...dataset.relations.map((r) => relationEntity(x, r)),
    ...dataset.events.map((e) => eventEntity(x, e)),
    ...dataset.claims.map((c) => claimEntity(x, c)),
  ];
  return entities.map((e) => `${JSON.stringify(e)}\n`).join("");
}
