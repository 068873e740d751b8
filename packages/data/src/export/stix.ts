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

export function toStix(dataset: Dataset, { timestamp = STIX_TIMESTAMP }: { timestamp?: string } = {}): StixBundle {
  const sources = new Map(dataset.sources.map((s) => [s.id, s]));
  const actors = new Map(dataset.actors.map((a) => [a.id, a]));
  const places = new Map(dataset.places.map((p) => [p.id, p]));
  const atlas = sid("identity", "atlas:militia-atlas");
  const common = (type: string, key: string) => ({
    type,
    spec_version: "2.1",
    id: sid(type, key),
    created_by_ref: atlas,
    created: timestamp,
    modified: timestamp,
  });
  // Everything a source gives evidence for goes into that source's report.
  const bySource = new Map<string, Set<string>>();
  const cite = (id: string, spans: Evidence[]) => {
    for (const e of spans) {
      const set = bySource.get(e.sourceId) ?? new Set<string>();
      set.add(id);
      bySource.set(e.sourceId, set);
    }
  };
  const evidence = (spans: Evidence[]) => ({
    external_references: spans.map((e) =>
      compact({
        source_name: sources.get(e.sourceId)?.title ?? e.sourceId,
        description: `“${e.quote}” (characters ${e.start}–${e.end})`,
        external_id: `${e.sourceId}#${e.start}-${e.end}`,
        url: sources.get(e.sourceId)?.url ?? undefined,
      }),
    ),
    x_atlas_evidence: spans.map((e) => ({ source_id: e.sourceId, start: e.start, end: e.end, quote: e.quote })),
  });

  const objects: StixObject[] = [
    {
      type: "identity",
      spec_version: "2.1",
      id: atlas,
      created: timestamp,
      modified: timestamp,
      name: "Militia Atlas",
      identity_class: "organization",
      description:
        "Who Iraq's armed groups are, what happened and who said what — every fact traced to the exact words of a source document.",
    },
  ];

  const actorIds = new Map<string, string>();
  for (const a of dataset.actors) {
    const m = ACTOR_MAPPING[a.kind];
    const base = common(m.type, `actor:${a.id}`);
    actorIds.set(a.id, base.id);
    const aliases = a.aliases.map((x) => x.name);
    objects.push(
      compact({
        ...base,
        name: a.name,
        description: a.description,
        ...(m.type === "threat-actor"
          ? { threat_actor_types: m.threat_actor_types, aliases }
          : { identity_class: m.identity_class, sectors: m.sectors, x_atlas_aliases: aliases }),
        x_atlas_id: a.id,
        x_atlas_kind: a.kind,
        ...evidence(a.evidence),
      }) as StixObject,
    );
    cite(base.id, a.evidence);
  }

  const locationIds = new Map<string, string>();
  for (const p of dataset.places) {
    const country = countryOf(p.id, places)?.alpha2;
    if (!p.coordinates && !country) continue; // STIX needs a point, a country or a region.
    const base = common("location", `place:${p.id}`);
    locationIds.set(p.id, base.id);
    objects.push(
      compact({
        ...base,
        name: p.name,
        latitude: p.coordinates?.lat,
        longitude: p.coordinates?.lon,
        country,
        description: p.coordinates
          ? `Coordinates from ${p.coordinates.source}${p.coordinates.approximate ? " (approximate: the point stands for an area)" : ""}.`
          : undefined,
        x_atlas_id: p.id,
        x_atlas_kind: p.kind,
        x_atlas_aliases: p.aliases,
      }) as StixObject,
    );
  }

  for (const r of dataset.relations) {
    const base = common("relationship", `relation:${r.id}`);
    const from = actors.get(r.fromId);
    const to = actors.get(r.toId);
    const b = r.time ? timeBounds(r.time) : null;
    const interval = r.time?.edtf.includes("/");
    const start = interval && b?.earliest ? dayStart(b.earliest) : undefined;
    const stop = interval && b?.latest ? dayEnd(b.latest) : undefined;
    objects.push(
      compact({
        ...base,
        relationship_type: kebab(r.type),
        source_ref: actorIds.get(r.fromId),
        target_ref: actorIds.get(r.toId),
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
        ...evidence(r.evidence),
      }) as StixObject,
    );
    cite(base.id, r.evidence);
  }

  const eventIds = new Map<string, string>();
  for (const e of dataset.events) {
    eventIds.set(e.id, sid(INCIDENT_KINDS.has(e.kind) ? "incident" : "grouping", `event:${e.id}`));
  }
  const reportId = (sourceId: string) => sid("report", `source:${sourceId}`);
  for (const e of dataset.events) {
    const incident = INCIDENT_KINDS.has(e.kind);
    const base = common(incident ? "incident" : "grouping", `event:${e.id}`);
    const b = timeBounds(e.time);
    const deaths = e.fatalities.map((f) => {
      const n = describeDeathCount(f);
      const by = f.reportedById ? `, according to ${actors.get(f.reportedById)?.name ?? f.reportedById}` : "";
      return `${n} (${f.who})${by}`;
    });
    const place = e.placeId ? places.get(e.placeId) : undefined;
    const description = [
      e.summary,
      `When: ${describeTime(e.time)} (${e.time.basis}).`,
      place || e.placeNote ? `Where: ${[place?.name, e.placeNote].filter(Boolean).join(" — ")}.` : "",
      deaths.length ? `Deaths as reported: ${deaths.join("; ")}.` : "Deaths: not reported (unknown, not zero).",
    ]
      .filter(Boolean)
      .join(" ");
    const participants = e.participants.map((p) => actorIds.get(p.actorId)).filter((x): x is string => Boolean(x));
    const location = e.placeId ? locationIds.get(e.placeId) : undefined;
    const reports = [...new Set(e.evidence.map((x) => reportId(x.sourceId)))];
    objects.push(
      compact({
        ...base,
        name: e.title,
        description,
        ...(incident
          ? {
              first_seen: b.earliest ? dayStart(b.earliest) : undefined,
              last_seen: b.latest ? dayEnd(b.latest) : undefined,
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
            reported_by_ref: f.reportedById ? actorIds.get(f.reportedById) : undefined,
            quotes: f.evidence.map((x) => x.quote),
          }),
        ),
        x_atlas_part_of_ref: e.partOfId ? eventIds.get(e.partOfId) : undefined,
        x_atlas_response_to_refs: e.responseToIds.map((id) => eventIds.get(id)).filter(Boolean),
        ...evidence(e.evidence),
      }) as StixObject,
    );
    cite(base.id, e.evidence);
    for (const p of e.participants) {
      const target = actorIds.get(p.actorId);
      if (!target) continue;
      const rel = common("relationship", `participation:${e.id}:${p.actorId}:${p.role}`);
      objects.push(
        compact({
          ...rel,
          relationship_type: ROLE_RELATIONSHIP[p.role],
          source_ref: base.id,
          target_ref: target,
          description: `${actors.get(p.actorId)?.name}: ${p.role.replace(/_/g, " ")} — ${PARTICIPANT_ROLES[p.role]}${p.note ? ` (${p.note})` : ""}.`,
          x_atlas_role: p.role,
        }) as StixObject,
      );
      cite(rel.id, e.evidence);
    }
    if (location) {
      const rel = common("relationship", `located:${e.id}`);
      objects.push({ ...rel, relationship_type: "located-at", source_ref: base.id, target_ref: location });
      cite(rel.id, e.evidence);
      cite(location, e.evidence);
    }
  }

  const noteIds = new Map(dataset.claims.map((c) => [c.id, sid("note", `claim:${c.id}`)]));
  for (const c of dataset.claims) {
    const base = common("note", `claim:${c.id}`);
    const claimant = actors.get(c.claimantId);
    const about = [
      ...c.about.actorIds.map((id) => actorIds.get(id)),
      ...c.about.eventIds.map((id) => eventIds.get(id)),
    ].filter((x): x is string => Boolean(x));
    objects.push(
      compact({
        ...base,
        abstract: `${claimant?.name ?? c.claimantId} ${c.stance}: ${c.statement}`,
        content: c.evidence.map((e) => `“${e.quote}” — ${sources.get(e.sourceId)?.title ?? e.sourceId}`).join("\n\n"),
        authors: [claimant?.name ?? c.claimantId],
        object_refs: [...new Set([actorIds.get(c.claimantId) as string, ...about])].filter(Boolean),
        x_atlas_id: c.id,
        x_atlas_claim: true,
        x_atlas_claimant_ref: actorIds.get(c.claimantId),
        x_atlas_on_behalf_of_ref: c.onBehalfOfId ? actorIds.get(c.onBehalfOfId) : undefined,
        x_atlas_via_ref: c.viaId ? actorIds.get(c.viaId) : undefined,
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
        ...evidence(c.evidence),
      }) as StixObject,
    );
    cite(base.id, [...c.evidence, ...c.attribution]);
  }
  for (const c of dataset.claims) {
    const links = [
      ...c.supportsIds.map((o) => ["supports", o] as const),
      // Contradiction is symmetric: one relationship per pair.
      ...c.contradictsIds.filter((o) => c.id < o).map((o) => ["contradicts", o] as const),
    ];
    for (const [type, other] of links) {
      const rel = common("relationship", `claim-link:${c.id}:${type}:${other}`);
      objects.push({ ...rel, relationship_type: type, source_ref: noteIds.get(c.id), target_ref: noteIds.get(other) });
      for (const e of c.evidence) cite(rel.id, [e]);
    }
  }

  for (const s of dataset.sources) {
    const base = common("report", `source:${s.id}`);
    const b = s.published ? timeBounds(s.published) : null;
    const refs = [...(bySource.get(s.id) ?? [])];
    objects.push(
      compact({
        ...base,
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
        published: b?.earliest ? dayStart(b.earliest) : timestamp,
        object_refs: refs.length > 0 ? refs : [atlas],
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
      }) as StixObject,
    );
  }

  return {
    type: "bundle",
    id: sid("bundle", `bundle:${timestamp}:${objects.map((o) => o.id).join(",")}`),
    objects,
  };
}
