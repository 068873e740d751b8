/**
 * The dataset as a STIX 2.1 bundle, for OpenCTI and other threat-intelligence tools. The
 * mapping, and why, is in MAPPING.md beside this file. Ids are uuid v5 of our slugs, and
 * created/modified are the export's as-of time (fixed unless given), so exporting the same
 * data twice gives the same bundle byte for byte.
 */
import {
  type ActorKind,
  type Dataset,
  describeDeathCount,
  describeGrade,
  describeTime,
  EVENT_KINDS,
  type EventKind,
  type Evidence,
  PARTICIPANT_ROLES,
  type ParticipantRole,
  RELATION_TYPES,
  type Time,
  timeBounds,
} from "@atlas/schema";
import { countryOf } from "./countries.js";

/**
 * STIX 2.1's confidence for the Admiralty credibility scale (Appendix A): 1 confirmed → 90 …
 * 5 improbable → 10; 6, truth cannot be judged, has no confidence value.
 */
const ADMIRALTY_CONFIDENCE: Record<number, number | undefined> = { 1: 90, 2: 70, 3: 50, 4: 30, 5: 10, 6: undefined };

/** A grade as an x_ property: the grade, its words, who gave it, when and why. */
const gradeOf = (g: { grade: string | number; by: string; at: string; reason: string }) => ({
  grade: g.grade,
  description: describeGrade(g),
  by: g.by,
  at: g.at,
  reason: g.reason,
});

import { ATLAS_NAMESPACE, uuidv5 } from "./uuid.js";

/** The default as-of time: fixed, so identical data exports to an identical bundle. */
export const STIX_TIMESTAMP = "2026-01-01T00:00:00.000Z";

export type StixObject = { type: string; id: string } & Record<string, unknown>;
export interface StixBundle {
  type: "bundle";
  id: string;
  objects: StixObject[];
}

type ActorMapping =
  | { type: "identity"; identity_class: "individual" | "group" | "organization" | "unknown"; sectors?: string[] }
  | { type: "threat-actor"; threat_actor_types: string[] };

/** How each kind of actor becomes a STIX object (see MAPPING.md). */
export const ACTOR_MAPPING: Record<ActorKind, ActorMapping> = {
  person: { type: "identity", identity_class: "individual" },
  group_of_people: { type: "identity", identity_class: "group" },
  armed_group: { type: "threat-actor", threat_actor_types: ["militia"] },
  military: { type: "identity", identity_class: "organization", sectors: ["defense"] },
  state: { type: "identity", identity_class: "organization", sectors: ["government-national"] },
  government_body: { type: "identity", identity_class: "organization", sectors: ["government-national"] },
  political_party: { type: "identity", identity_class: "organization" },
  coalition: { type: "identity", identity_class: "organization" },
  international_organization: {
    type: "identity",
    identity_class: "organization",
    sectors: ["government-public-services"],
  },
  religious_authority: { type: "identity", identity_class: "unknown" },
  organization: { type: "identity", identity_class: "organization" },
  think_tank: { type: "identity", identity_class: "organization" },
  media: { type: "identity", identity_class: "organization", sectors: ["communications"] },
  author: { type: "identity", identity_class: "unknown" },
};

/** Violent happenings are incidents; the rest (meetings, laws, elections…) are groupings. */
export const INCIDENT_KINDS: ReadonlySet<EventKind> = new Set([
  "attack",
  "strike",
  "killing",
  "battle",
  "capture",
  "crackdown",
  "death",
]);

/** Participant roles as relationships from the event to the actor. */
export const ROLE_RELATIONSHIP: Record<ParticipantRole, string> = {
  perpetrator: "attributed-to",
  alleged_perpetrator: "allegedly-attributed-to",
  ordered_by: "ordered-by",
  initiator: "initiated-by",
  target: "targets",
  victim: "has-victim",
  participant: "involves",
  subject: "concerns",
};

const kebab = (s: string) => s.replace(/_/g, "-");
const sid = (type: string, key: string) => `${type}--${uuidv5(key, ATLAS_NAMESPACE)}`;
const dayStart = (day: string) => `${day}T00:00:00.000Z`;
const dayEnd = (day: string) => `${day}T23:59:59.999Z`;

/** Drops what STIX forbids: null, undefined and empty lists. */
function compact(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0)),
  );
}

const timeOf = (time: Time) =>
  compact({
    edtf: time.edtf,
    precision: time.precision,
    basis: time.basis,
    expression: time.expression,
    part: time.part,
    note: time.note,
  });

/** What every part of the bundle shares: the lookups, each record's STIX id, and the reports' citations. */
interface Bundling {
  dataset: Dataset;
  timestamp: string;
  /** The atlas's own identity, which creates every object. */
  atlas: string;
  sources: Map<string, Dataset["sources"][number]>;
  actors: Map<string, Dataset["actors"][number]>;
  places: Map<string, Dataset["places"][number]>;
  actorIds: Map<string, string>;
  /** Places STIX can hold: a point or a country (a region alone is not enough). */
  locationIds: Map<string, string>;
  eventIds: Map<string, string>;
  /** Everything a source gives evidence for goes into that source's report. */
  bySource: Map<string, Set<string>>;
}

const eventType = (kind: EventKind) => (INCIDENT_KINDS.has(kind) ? "incident" : "grouping");

function bundlingOf(dataset: Dataset, timestamp: string): Bundling {
  const places = new Map(dataset.places.map((p) => [p.id, p]));
  return {
    dataset,
    timestamp,
    atlas: sid("identity", "atlas:militia-atlas"),
    sources: new Map(dataset.sources.map((s) => [s.id, s])),
    actors: new Map(dataset.actors.map((a) => [a.id, a])),
    places,
    actorIds: new Map(dataset.actors.map((a) => [a.id, sid(ACTOR_MAPPING[a.kind].type, `actor:${a.id}`)])),
    locationIds: new Map(
      dataset.places
        .filter((p) => p.coordinates || countryOf(p.id, places)?.alpha2)
        .map((p) => [p.id, sid("location", `place:${p.id}`)]),
    ),
    eventIds: new Map(dataset.events.map((e) => [e.id, sid(eventType(e.kind), `event:${e.id}`)])),
    bySource: new Map(),
  };
}

/** The properties every object the atlas creates has. */
const common = (b: Bundling, type: string, key: string) => ({
  type,
  spec_version: "2.1",
  id: sid(type, key),
  created_by_ref: b.atlas,
  created: b.timestamp,
  modified: b.timestamp,
});

/** Puts an object into the report of each source that gives evidence for it. */
function cite(b: Bundling, id: string, spans: Evidence[]): void {
  for (const e of spans) {
    const set = b.bySource.get(e.sourceId) ?? new Set<string>();
    set.add(id);
    b.bySource.set(e.sourceId, set);
  }
}

/** The verbatim evidence, as external references and as exact spans. */
const evidenceOf = (b: Bundling, spans: Evidence[]) => ({
  external_references: spans.map((e) =>
    compact({
      source_name: b.sources.get(e.sourceId)?.title ?? e.sourceId,
      description: `“${e.quote}” (characters ${e.start}–${e.end})`,
      external_id: `${e.sourceId}#${e.start}-${e.end}`,
      url: b.sources.get(e.sourceId)?.url ?? undefined,
    }),
  ),
  x_atlas_evidence: spans.map((e) => ({ source_id: e.sourceId, start: e.start, end: e.end, quote: e.quote })),
});

function atlasIdentity(b: Bundling): StixObject {
  return {
    type: "identity",
    spec_version: "2.1",
    id: b.atlas,
    created: b.timestamp,
    modified: b.timestamp,
    name: "Militia Atlas",
    identity_class: "organization",
    description:
      "Who Iraq's armed groups are, what happened and who said what — every fact traced to the exact words of a source document.",
  };
}

function actorObjects(b: Bundling): StixObject[] {
  return b.dataset.actors.map((a) => {
    const m = ACTOR_MAPPING[a.kind];
    const base = common(b, m.type, `actor:${a.id}`);
    const aliases = a.aliases.map((x) => x.name);
    cite(b, base.id, a.evidence);
    return compact({
      ...base,
      name: a.name,
      description: a.description,
      ...(m.type === "threat-actor"
        ? { threat_actor_types: m.threat_actor_types, aliases }
        : { identity_class: m.identity_class, sectors: m.sectors, x_atlas_aliases: aliases }),
      x_atlas_id: a.id,
      x_atlas_kind: a.kind,
      ...evidenceOf(b, a.evidence),
    }) as StixObject;
  });
}

function locationObjects(b: Bundling): StixObject[] {
  return b.dataset.places
    .filter((p) => b.locationIds.has(p.id))
    .map(
      (p) =>
        compact({
          ...common(b, "location", `place:${p.id}`),
          name: p.name,
          latitude: p.coordinates?.lat,
          longitude: p.coordinates?.lon,
          country: countryOf(p.id, b.places)?.alpha2,
          description: p.coordinates
            ? `Coordinates from ${p.coordinates.source}${p.coordinates.approximate ? " (approximate: the point stands for an area)" : ""}.`
            : undefined,
          x_atlas_id: p.id,
          x_atlas_kind: p.kind,
          x_atlas_aliases: p.aliases,
        }) as StixObject,
    );
}

function relationObjects(b: Bundling): StixObject[] {
  return b.dataset.relations.map((r) => {
    const base = common(b, "relationship", `relation:${r.id}`);
    const from = b.actors.get(r.fromId);
    const to = b.actors.get(r.toId);
    const bounds = r.time ? timeBounds(r.time) : null;
    const interval = r.time?.edtf.includes("/");
    const start = interval && bounds?.earliest ? dayStart(bounds.earliest) : undefined;
    const stop = interval && bounds?.latest ? dayEnd(bounds.latest) : undefined;
    cite(b, base.id, r.evidence);
    return compact({
      ...base,
      relationship_type: kebab(r.type),
      source_ref: b.actorIds.get(r.fromId),
      target_ref: b.actorIds.get(r.toId),
      description: [
        `${from?.name} ${RELATION_TYPES[r.type]} ${to?.name}${r.role ? ` (${r.role})` : ""}.`,
        r.former ? "Former: the source says it has ended." : "",
        r.time ? `When: ${describeTime(r.time)}.` : "",
        r.note ?? "",
      ]
        .filter(Boolean)
        .join(" "),
      start_time: start,
      stop_time: start && stop && stop > start ? stop : undefined,
      x_atlas_id: r.id,
      x_atlas_role: r.role ?? undefined,
      x_atlas_note: r.note ?? undefined,
      x_atlas_former: r.former,
      x_atlas_time: r.time ? timeOf(r.time) : undefined,
      ...evidenceOf(b, r.evidence),
    }) as StixObject;
  });
}

const reportId = (sourceId: string) => sid("report", `source:${sourceId}`);

/** One event: an incident or a grouping, its participants as relationships, and where it happened. */
function eventObjects(b: Bundling, e: Dataset["events"][number]): StixObject[] {
  const incident = INCIDENT_KINDS.has(e.kind);
  const base = common(b, eventType(e.kind), `event:${e.id}`);
  const bounds = timeBounds(e.time);
  const deaths = e.fatalities.map((f) => {
    const n = describeDeathCount(f);
    const by = f.reportedById ? `, according to ${b.actors.get(f.reportedById)?.name ?? f.reportedById}` : "";
    return `${n} (${f.who})${by}`;
  });
  const place = e.placeId ? b.places.get(e.placeId) : undefined;
  const description = [
    e.summary,
    `When: ${describeTime(e.time)} (${e.time.basis}).`,
    place || e.placeNote ? `Where: ${[place?.name, e.placeNote].filter(Boolean).join(" — ")}.` : "",
    deaths.length ? `Deaths as reported: ${deaths.join("; ")}.` : "Deaths: not reported (unknown, not zero).",
  ]
    .filter(Boolean)
    .join(" ");
  const participants = e.participants.map((p) => b.actorIds.get(p.actorId)).filter((x): x is string => Boolean(x));
  const location = e.placeId ? b.locationIds.get(e.placeId) : undefined;
  const reports = [...new Set(e.evidence.map((x) => reportId(x.sourceId)))];
  const objects: StixObject[] = [
    compact({
      ...base,
      name: e.title,
      description,
      ...(incident
        ? {
            first_seen: bounds.earliest ? dayStart(bounds.earliest) : undefined,
            last_seen: bounds.latest ? dayEnd(bounds.latest) : undefined,
          }
        : {
            context: "unspecified",
            object_refs: [...new Set([...participants, ...(location ? [location] : []), ...reports])],
          }),
      x_atlas_id: e.id,
      x_atlas_event_kind: e.kind,
      x_atlas_event_kind_description: EVENT_KINDS[e.kind],
      x_atlas_time: timeOf(e.time),
      x_atlas_fatalities: e.fatalities.map((f) =>
        compact({
          low: f.low ?? undefined,
          high: f.high ?? undefined,
          count: f.low === null ? "unknown" : f.high === null ? "open-ended" : "stated",
          who: f.who,
          reported_by_ref: f.reportedById ? b.actorIds.get(f.reportedById) : undefined,
          quotes: f.evidence.map((x) => x.quote),
        }),
      ),
      x_atlas_part_of_ref: e.partOfId ? b.eventIds.get(e.partOfId) : undefined,
      x_atlas_response_to_refs: e.responseToIds.map((id) => b.eventIds.get(id)).filter(Boolean),
      ...evidenceOf(b, e.evidence),
    }) as StixObject,
  ];
  cite(b, base.id, e.evidence);
  for (const p of e.participants) {
    const target = b.actorIds.get(p.actorId);
    if (!target) continue;
    const rel = common(b, "relationship", `participation:${e.id}:${p.actorId}:${p.role}`);
    objects.push(
      compact({
        ...rel,
        relationship_type: ROLE_RELATIONSHIP[p.role],
        source_ref: base.id,
        target_ref: target,
        description: `${b.actors.get(p.actorId)?.name}: ${p.role.replace(/_/g, " ")} — ${PARTICIPANT_ROLES[p.role]}${p.note ? ` (${p.note})` : ""}.`,
        x_atlas_role: p.role,
      }) as StixObject,
    );
    cite(b, rel.id, e.evidence);
  }
  if (location) {
    const rel = common(b, "relationship", `located:${e.id}`);
    objects.push({ ...rel, relationship_type: "located-at", source_ref: base.id, target_ref: location });
    cite(b, rel.id, e.evidence);
    cite(b, location, e.evidence);
  }
  return objects;
}

/** A claim is a note: who said it, with what stance, about what, in their words. */
function claimObject(b: Bundling, c: Dataset["claims"][number]): StixObject {
  const base = common(b, "note", `claim:${c.id}`);
  const claimant = b.actors.get(c.claimantId);
  const about = [
    ...c.about.actorIds.map((id) => b.actorIds.get(id)),
    ...c.about.eventIds.map((id) => b.eventIds.get(id)),
  ].filter((x): x is string => Boolean(x));
  cite(b, base.id, [...c.evidence, ...c.attribution]);
  return compact({
    ...base,
    abstract: `${claimant?.name ?? c.claimantId} ${c.stance}: ${c.statement}`,
    content: c.evidence.map((e) => `“${e.quote}” — ${b.sources.get(e.sourceId)?.title ?? e.sourceId}`).join("\n\n"),
    authors: [claimant?.name ?? c.claimantId],
    object_refs: [...new Set([b.actorIds.get(c.claimantId) as string, ...about])].filter(Boolean),
    x_atlas_id: c.id,
    x_atlas_claim: true,
    x_atlas_claimant_ref: b.actorIds.get(c.claimantId),
    x_atlas_on_behalf_of_ref: c.onBehalfOfId ? b.actorIds.get(c.onBehalfOfId) : undefined,
    x_atlas_via_ref: c.viaId ? b.actorIds.get(c.viaId) : undefined,
    x_atlas_stance: c.stance,
    x_atlas_mode: c.mode,
    // A reviewer's credibility grade, as STIX's Admiralty mapping; ungraded claims carry none.
    confidence: c.credibility ? ADMIRALTY_CONFIDENCE[c.credibility.grade] : undefined,
    x_atlas_credibility: c.credibility ? gradeOf(c.credibility) : undefined,
    x_atlas_said: c.said ? timeOf(c.said) : undefined,
    x_atlas_setting: c.setting ?? undefined,
    x_atlas_note: c.note ?? undefined,
    x_atlas_attribution: c.attribution.map((e) => ({
      source_id: e.sourceId,
      start: e.start,
      end: e.end,
      quote: e.quote,
    })),
    ...evidenceOf(b, c.evidence),
  }) as StixObject;
}

/** Claims that support or contradict others, as relationships between their notes. */
function claimLinkObjects(b: Bundling): StixObject[] {
  const noteId = (id: string) => sid("note", `claim:${id}`);
  return b.dataset.claims.flatMap((c) => {
    const links = [
      ...c.supportsIds.map((o) => ["supports", o] as const),
      // Contradiction is symmetric: one relationship per pair.
      ...c.contradictsIds.filter((o) => c.id < o).map((o) => ["contradicts", o] as const),
    ];
    return links.map(([type, other]) => {
      const rel = common(b, "relationship", `claim-link:${c.id}:${type}:${other}`);
      for (const e of c.evidence) cite(b, rel.id, [e]);
      return { ...rel, relationship_type: type, source_ref: noteId(c.id), target_ref: noteId(other) };
    });
  });
}

/** Each source is a report of everything it gives evidence for (so this comes last). */
function reportObjects(b: Bundling): StixObject[] {
  return b.dataset.sources.map((s) => {
    const bounds = s.published ? timeBounds(s.published) : null;
    const refs = [...(b.bySource.get(s.id) ?? [])];
    return compact({
      ...common(b, "report", `source:${s.id}`),
      name: s.title,
      description: [
        s.subtitle ?? "",
        `Published by ${s.publisher ?? "an unknown publisher"}${s.authors.length ? `, written by ${s.authors.join(", ")}` : ""}.`,
        s.published
          ? `Publication date: ${describeTime(s.published)} (${s.published.basis}${s.published.note ? `: ${s.published.note}` : ""}).`
          : "Publication date unknown; `published` is the export time.",
      ]
        .filter(Boolean)
        .join(" "),
      report_types: ["threat-report"],
      x_atlas_reliability: s.reliability ? gradeOf(s.reliability) : undefined,
      published: bounds?.earliest ? dayStart(bounds.earliest) : b.timestamp,
      object_refs: refs.length > 0 ? refs : [b.atlas],
      lang: s.language,
      external_references: [
        compact({
          source_name: s.publisher ?? s.title,
          url: s.url ?? undefined,
          description: `The document as ingested (${s.file}); SHA-256 of its text.`,
          external_id: s.id,
          hashes: { "SHA-256": s.hash.replace(/^sha256:/, "") },
        }),
      ],
      x_atlas_id: s.id,
      x_atlas_published: s.published ? timeOf(s.published) : "unknown",
      x_atlas_genre: s.genre,
    }) as StixObject;
  });
}

export function toStix(dataset: Dataset, { timestamp = STIX_TIMESTAMP }: { timestamp?: string } = {}): StixBundle {
  const b = bundlingOf(dataset, timestamp);
  // In this order: the reports last, once every object has cited its sources.
  const objects: StixObject[] = [
    atlasIdentity(b),
    ...actorObjects(b),
    ...locationObjects(b),
    ...relationObjects(b),
    ...dataset.events.flatMap((e) => eventObjects(b, e)),
    ...dataset.claims.map((c) => claimObject(b, c)),
    ...claimLinkObjects(b),
  ];
  objects.push(...reportObjects(b));
  return {
    type: "bundle",
    id: sid("bundle", `bundle:${timestamp}:${objects.map((o) => o.id).join(",")}`),
    objects,
  };
}
