/**
 * Planning the import of a STIX 2.1 bundle (as OpenCTI exports, or an atlas's own `export
 * --format stix`). STIX carries no documents' words, so the bundle itself becomes the document:
 * one source whose text renders the bundle — each report, actor, relationship, incident and note
 * as a block with its name, its type and STIX id (a source tag, which no evidence may cite), its
 * other names and its description, as the bundle gives them. Every object becomes a suggestion
 * whose evidence is its block's words, keeping its STIX id (`externalId`): nothing a bundle says
 * enters the atlas until a reviewer accepts it.
 *
 * - identity, threat-actor, intrusion-set → a candidate actor (the bundle's author, an identity
 *   only named as `created_by_ref`, is not one). Its kind: `x_atlas_kind` when the bundle is an
 *   atlas's, else from the STIX type, identity class and sectors. The name resolver proposes the
 *   actor the atlas may already hold: one actor by the same name (or the same `x_atlas_id` under a
 *   name it links) is proposed as mergeInto; otherwise the candidates are listed.
 * - relationship between two actors → a relation, waiting for both candidate actors; its type is
 *   the atlas's when the STIX type is one (`backed-by`), else the nearest (`cooperates-with` →
 *   allied_with, `targets` → opposes) or `linked_to` with the STIX type as the role.
 * - incident, and an atlas's grouping (`x_atlas_event_kind`) → an event; its participants come
 *   from the relationships from it to actors (`attributed-to` → perpetrator…), its place from
 *   `located-at`, its time from `x_atlas_time` or first_seen/last_seen.
 * - note → a statement: the claimant is `x_atlas_claimant_ref` or the actor its first author
 *   names; what it is about is its object_refs; `supports`/`contradicts` between notes link claims.
 * - report → a section of the document: its name, publication date and description. A bundle of
 *   one report takes the report's title, date and address.
 *
 * What a suggestion cannot be without (a relation's ends, a claim's speaker) it waits for; the
 * rest (participants, what a claim is about, links between claims) are links written once both
 * ends are accepted.
 */
import {
  ActorKind,
  type Claim,
  EVENT_KINDS,
  type EventKind,
  Id,
  type MetadataNote,
  type ParticipantRole,
  precisionOf,
  RELATION_TYPES,
  type RelationType,
  type Segment,
  type SegmentRole,
  STANCES,
  type Stance,
  Time,
} from "@atlas/schema";
import { eq } from "drizzle-orm";
import { sha256 } from "../corpus/load.js";
import type { Db } from "../db/client.js";
import * as t from "../db/schema/index.js";
import { heldEvents, heldPlaces, heldRelations } from "../ingest/held.js";
import { slugify, unique } from "../ingest/ids.js";
import type { LinkField } from "../ingest/records.js";
import { corroborated, family, relationMatches, tieWeights } from "../ingest/suggest/corroborate.js";
import type { ActorMatch, Match, NamedActor, TextSpan, WaitingRef } from "../ingest/types.js";
import { knownActors } from "../names/known.js";
import { actorNameEntries, type Candidate, NameResolver } from "../names/resolver.js";
import { aliasScope } from "./accept.js";
import { ImportError } from "./errors.js";
import { keyOf } from "./pending.js";
import { ImportPlan } from "./plan.js";
import type { ReadObject, StixBundleIn, StixOf } from "./stix-bundle.js";

type ActorObject = StixOf<"identity"> | StixOf<"threat-actor"> | StixOf<"intrusion-set">;
type EventObject = StixOf<"incident"> | StixOf<"grouping">;

const TYPE_NAMES: Record<string, string> = {
  identity: "Identity",
  "threat-actor": "Threat actor",
  "intrusion-set": "Intrusion set",
  relationship: "Relationship",
  report: "Report",
  note: "Note",
  incident: "Incident",
  grouping: "Grouping",
};

/** STIX relationship types between actors that are not the atlas's own, and the atlas's nearest. */
const NEAREST: Record<string, RelationType> = {
  "cooperates-with": "allied_with",
  "allied-with": "allied_with",
  targets: "opposes",
  "related-to": "linked_to",
  "derived-from": "part_of",
  "attributed-to": "linked_to",
};

/** Participant roles from the relationship types an atlas writes from an event (and OpenCTI's). */
const ROLE_OF: Record<string, ParticipantRole> = {
  "attributed-to": "perpetrator",
  "allegedly-attributed-to": "alleged_perpetrator",
  "ordered-by": "ordered_by",
  "initiated-by": "initiator",
  targets: "target",
  "has-victim": "victim",
  involves: "participant",
  concerns: "subject",
  "related-to": "participant",
};

const snake = (s: string) => s.replace(/-/g, "_");
const isActor = (o: ReadObject): o is ActorObject =>
  o.type === "identity" || o.type === "threat-actor" || o.type === "intrusion-set";
const isEvent = (o: ReadObject): o is EventObject =>
  o.type === "incident" || (o.type === "grouping" && o.x_atlas_event_kind !== undefined);
const validId = (s: string | undefined) => (s && Id.safeParse(s).success ? s : null);
const day = (timestamp: string) => timestamp.slice(0, 10);

function kindOf(o: ActorObject): ActorKind {
  const given = "x_atlas_kind" in o ? o.x_atlas_kind : undefined;
  const known = ActorKind.safeParse(given);
  if (known.success) return known.data;
  if (o.type === "threat-actor") return o.threat_actor_types?.includes("nation-state") ? "state" : "armed_group";
  if (o.type === "intrusion-set") return "armed_group";
  if (o.identity_class === "individual") return "person";
  if (o.identity_class === "group") return "group_of_people";
  const sectors = o.sectors ?? [];
  if (sectors.includes("defense") || sectors.includes("military")) return "military";
  if (sectors.some((s) => s.startsWith("government"))) return "government_body";
  if (sectors.includes("communications")) return "media";
  return "organization";
}

const aliasesOf = (o: ActorObject): string[] => {
  const names = [
    ...("aliases" in o ? (o.aliases ?? []) : []),
    ...("x_atlas_aliases" in o ? (o.x_atlas_aliases ?? []) : []),
    ...("x_opencti_aliases" in o ? (o.x_opencti_aliases ?? []) : []),
  ]
    .map((n) => n.trim())
    .filter(Boolean);
  const seen = new Set([o.name.trim().toLowerCase()]);
  return names.filter((n) => !seen.has(n.toLowerCase()) && seen.add(n.toLowerCase()));
};

/** A time from the atlas's own `x_atlas_time`, when valid. */
const atlasTime = (value: unknown): Time | null => {
  const r = Time.safeParse(value);
  return r.success ? r.data : null;
};

/** first_seen/last_seen (or start/stop) as days: one day, or the interval between them. */
function seenTime(first: string | undefined, last: string | undefined, what: string): Time | null {
  if (!first && !last) return null;
  const a = first ? day(first) : null;
  const b = last ? day(last) : null;
  const edtf = a && b ? (a === b ? a : `${a}/${b}`) : a ? `${a}/..` : `../${b}`;
  const r = Time.safeParse({ edtf, precision: precisionOf(edtf), basis: "explicit", note: `From the STIX ${what}.` });
  return r.success ? r.data : null;
}

/** The bundle rendered as a document: blocks of lines, each line a segment with its role. */
class Document {
  text = "";
  readonly segments: Segment[] = [];
  line(value: string, role: SegmentRole): TextSpan {
    const quote = value.trim().replace(/\r\n?/g, "\n");
    if (this.text) this.text += "\n";
    const start = this.text.length;
    this.text += quote;
    this.segments.push({ start, end: this.text.length, role, article: role !== "source-tag" });
    return { start, end: this.text.length, quote };
  }
  gap() {
    this.text += "\n";
  }
}

/** The bundle's objects, sorted by what the atlas makes of them. */
interface Sorted {
  objects: ReadObject[];
  byId: Map<string, ReadObject>;
  nameOf: (id: string) => string;
  actors: ActorObject[];
  events: EventObject[];
  reports: StixOf<"report">[];
  notes: StixOf<"note">[];
  relationships: StixOf<"relationship">[];
  /** The relationships between two actors: relations. The others are participants, places and links. */
  kept: StixOf<"relationship">[];
  actorIds: Set<string>;
  eventIds: Set<string>;
  noteIds: Set<string>;
}

function sortObjects(bundle: StixBundleIn, plan: ImportPlan): Sorted {
  const objects = bundle.objects;
  const byId = new Map(objects.map((o) => [o.id, o]));
  const nameOf = (id: string) => {
    const o = byId.get(id);
    return o && "name" in o && o.name ? o.name : id;
  };

  // Who the actors are: every actor object but the bundle's author, unless something names it.
  const named = new Set<string>();
  for (const o of objects) {
    if (o.type === "relationship") named.add(o.source_ref).add(o.target_ref);
    if (o.type === "note") {
      for (const r of [...o.object_refs, o.x_atlas_claimant_ref, o.x_atlas_on_behalf_of_ref, o.x_atlas_via_ref])
        if (r) named.add(r);
    }
    if (o.type === "grouping") for (const r of o.object_refs) named.add(r);
  }
  const authors = new Set(objects.map((o) => o.created_by_ref).filter((x): x is string => Boolean(x)));
  const actors = objects.filter(isActor).filter((o) => {
    if (authors.has(o.id) && !named.has(o.id)) {
      plan.warnings.push(
        `“${o.name}” (${o.id}) made the bundle and is named by nothing in it: it is not proposed as an actor.`,
      );
      return false;
    }
    return true;
  });
  const events = objects.filter(isEvent);
  const reports = objects.filter((o): o is StixOf<"report"> => o.type === "report");
  const notes = objects.filter((o): o is StixOf<"note"> => o.type === "note");
  const relationships = objects.filter((o): o is StixOf<"relationship"> => o.type === "relationship");
  const actorIds = new Set(actors.map((a) => a.id));
  const eventIds = new Set(events.map((e) => e.id));
  const noteIds = new Set(notes.map((n) => n.id));
  const kept = relationships.filter((r) => actorIds.has(r.source_ref) && actorIds.has(r.target_ref));
  return { objects, byId, nameOf, actors, events, reports, notes, relationships, kept, actorIds, eventIds, noteIds };
}

/** Where each object's block lies in the rendered document: its heading, and its description or content. */
type Blocks = Map<string, { heading: TextSpan; description: TextSpan | null }>;

/** The bundle rendered as the document: its title, then a block per report, actor, relationship, incident and note. */
function render(b: Sorted, title: string): { doc: Document; blocks: Blocks } {
  const { nameOf } = b;
  const doc = new Document();
  doc.line(title, "headline");
  const blocks: Blocks = new Map();
  const block = (o: ReadObject, heading: string, detail: string, more: string[] = []) => {
    doc.gap();
    const h = doc.line(heading, "heading");
    doc.line(`${TYPE_NAMES[o.type] ?? o.type} · ${o.id}${detail ? ` · ${detail}` : ""}`, "source-tag");
    for (const m of more) doc.line(m, "body");
    const description = o.description?.trim() ? doc.line(o.description, "body") : null;
    blocks.set(o.id, { heading: h, description });
  };
  for (const r of b.reports)
    block(r, r.name, `published ${day(r.published)}`, [`It refers to ${r.object_refs.length} objects.`]);
  for (const a of b.actors) {
    const other = aliasesOf(a);
    block(a, a.name, "", other.length ? [`Also known as: ${other.join("; ")}`] : []);
  }
  for (const r of b.kept) block(r, `${nameOf(r.source_ref)} ${r.relationship_type} ${nameOf(r.target_ref)}`, "");
  for (const e of b.events) {
    const seen =
      e.type === "incident"
        ? [e.first_seen && `first seen ${day(e.first_seen)}`, e.last_seen && `last seen ${day(e.last_seen)}`]
            .filter(Boolean)
            .join(" · ")
        : "";
    block(e, e.name, seen);
  }
  for (const n of b.notes) {
    const by = n.authors?.length ? ` by ${n.authors.join(", ")}` : "";
    block(n, `Note${by}`, "", n.abstract?.trim() ? [n.abstract] : []);
    const content = doc.line(n.content, "body");
    blocks.set(n.id, { heading: blocks.get(n.id)?.heading as TextSpan, description: content });
  }
  return { doc, blocks };
}

/** The source the rendered bundle becomes; refused when the atlas holds the same text already. Its id. */
async function planSource(
  db: Db,
  plan: ImportPlan,
  bundle: StixBundleIn,
  b: Sorted,
  {
    doc,
    title,
    single,
    fileName,
  }: { doc: Document; title: string; single: StixOf<"report"> | null; fileName: string | null },
): Promise<string> {
  const { objects, byId, nameOf } = b;
  const hash = sha256(doc.text);
  const [clash] = await db.select({ id: t.sources.id }).from(t.sources).where(eq(t.sources.hash, hash));
  if (clash) {
    throw new ImportError(
      "duplicate",
      `Everything this bundle says was imported before, in the document ${clash.id} (the same objects, names and descriptions). Nothing was imported.`,
    );
  }
  const sourceIds = new Set((await db.select({ id: t.sources.id }).from(t.sources)).map((s) => s.id));
  const sourceId = unique(
    slugify(`stix ${single ? single.name : (fileName ?? "bundle").replace(/\.(stix\.)?json$/i, "")}`, 60),
    (x) => sourceIds.has(x),
  );
  const creators = new Map<string, number>();
  for (const o of objects)
    if (o.created_by_ref) creators.set(o.created_by_ref, (creators.get(o.created_by_ref) ?? 0) + 1);
  const author = [...creators].sort((a, b) => b[1] - a[1])[0]?.[0];
  const publisher = author && byId.has(author) ? nameOf(author) : null;
  const notesOnSource: MetadataNote[] = [
    {
      field: "extent",
      text: `Rendered from a STIX 2.1 bundle (${bundle.id}${fileName ? `, ${fileName}` : ""}): one block per report, actor, relationship, incident and note — its name, its type and STIX id (a source tag, not citable), its other names and its description, exactly as the bundle gives them. Relationships are written "<source> <relationship type> <target>".`,
      evidence: [],
    },
    ...(publisher
      ? [
          {
            field: "publisher" as const,
            text: "The identity that created most of the bundle's objects (created_by_ref).",
            evidence: [],
          },
        ]
      : []),
    ...(single
      ? [{ field: "published" as const, text: "The publication time of the bundle's one report.", evidence: [] }]
      : []),
  ];
  plan.sources.push({
    id: sourceId,
    file: fileName ?? `${bundle.id}.json`,
    title,
    titleBasis: "stated",
    subtitle: null,
    publisher,
    publisherBasis: publisher ? "inferred" : "unknown",
    authors: [],
    authorsBasis: "unknown",
    published: single
      ? {
          edtf: day(single.published),
          precision: "day",
          basis: "explicit",
          note: "The report's publication time in the bundle.",
        }
      : null,
    genre: "analysis",
    dateline: null,
    language: "en",
    url: single?.external_references?.find((r) => r.url && /^https?:\/\//.test(r.url))?.url ?? null,
    text: doc.text,
    hash,
    segments: doc.segments,
    notes: notesOnSource,
  });
  plan.count(plan.added, "sources");
  return sourceId;
}

/** What every part of the plan shares: the bundle, the source its evidence is in, and the suggestions' ids. */
interface Planning {
  plan: ImportPlan;
  importId: string;
  sourceId: string;
  /** The bundle's objects, sorted. */
  b: Sorted;
  blocks: Blocks;
  evidenceOf: (id: string) => ({ sourceId: string } & TextSpan)[];
  suggestionId: Map<string, string>;
  waiting: (id: string, collection: WaitingRef["collection"]) => WaitingRef;
  namedActor: (id: string) => NamedActor;
  /** One more object planned (progress). */
  step: () => void;
  /** A link written once both its ends are accepted. */
  hold: (field: LinkField, fromKey: string, toKey: string, extra?: { role?: string }) => void;
  /** The relationships from an object. */
  from: (id: string) => StixOf<"relationship">[];
  atlasActors: Awaited<ReturnType<typeof knownActors>>;
  actorNames: Map<string, string>;
  resolver: NameResolver;
  /** The atlas actor each of the bundle's actors is proposed to merge into. */
  mergeOf: Map<string, string>;
}

/** Actors, matched against the atlas's by the name resolver. */
function planActors(p: Planning): void {
  const { plan, importId, sourceId, b, evidenceOf, suggestionId, step, resolver, mergeOf } = p;
  const atlasById = new Map(p.atlasActors.map((a) => [a.id, a]));
  const takenActorIds = new Set(atlasById.keys());
  for (const a of b.actors) {
    const kind = kindOf(a);
    const other = aliasesOf(a);
    const candidates = new Map<string, Candidate>();
    for (const name of [a.name, ...other]) {
      for (const c of resolver.resolve(name)) {
        const prev = candidates.get(c.actorId);
        if (!prev || c.confidence > prev.confidence) candidates.set(c.actorId, c);
      }
    }
    const atlasId = validId(a.x_atlas_id);
    const sameId = atlasId ? atlasById.get(atlasId) : undefined;
    let mergeInto: string | null = null;
    if (sameId && (candidates.has(sameId.id) || sameId.name.toLowerCase() === a.name.toLowerCase()))
      mergeInto = sameId.id;
    else if (candidates.size === 1) {
      const [[id, c]] = [...candidates] as [[string, Candidate]];
      if ((c.rule === "exact" || c.rule === "spelling") && atlasById.get(id)?.kind === kind) mergeInto = id;
    }
    if (mergeInto) mergeOf.set(a.id, mergeInto);
    const listed: ActorMatch[] = mergeInto
      ? []
      : [...candidates.values()].map((c) => ({
          actorId: c.actorId,
          actorName: atlasById.get(c.actorId)?.name ?? c.actorId,
          why: `${c.rule} (“${c.name}”)`,
        }));
    const id = unique(atlasId ?? (slugify(a.name, 80) || "actor"), (x) => takenActorIds.has(x));
    takenActorIds.add(id);
    const evidence = evidenceOf(a.id);
    const first = evidence[0] as (typeof evidence)[number];
    const description =
      a.description?.trim() || `${a.name}, as the STIX bundle names it (${TYPE_NAMES[a.type]?.toLowerCase()}).`;
    plan.suggestions.push({
      id: suggestionId.get(a.id) as string,
      sourceId,
      kind: "actor",
      start: first.start,
      end: first.end,
      quote: first.quote,
      label: `${a.name} (${a.id})${mergeInto ? ` — the atlas's ${atlasById.get(mergeInto)?.name}` : listed.length ? ` — may be ${listed.map((c) => c.actorName).join(" or ")}` : ""}`,
      proposal: {
        kind: "actor",
        name: a.name,
        nameSpan: first,
        actorKind: kind,
        title: null,
        role: null,
        shortNames: other,
        occurrences: 1,
        description,
        imported: {
          importId,
          format: "stix",
          externalId: a.id,
          waitsFor: [],
          record: {
            id,
            name: a.name,
            kind,
            aliases: other.map((name) => ({
              name,
              kind: "spelling" as const,
              sourceIds: aliasScope(name, [sourceId]),
            })),
            description,
            evidence: evidence.map((e) => ({ ...e })),
          },
          mentions: [],
          mergeInto,
          candidates: listed,
        },
      },
    });
    plan.count(plan.suggested, "actor");
    step();
  }
}

/** Relationships between actors: relations, waiting for both ends. */
async function planRelations(db: Db, p: Planning): Promise<void> {
  const { plan, importId, sourceId, b, evidenceOf, suggestionId, waiting, namedActor, step, actorNames, mergeOf } = p;
  const { nameOf } = b;
  const atlasRelations = await heldRelations(db);
  const takenRelationIds = new Set(atlasRelations.map((r) => r.id));
  for (const r of b.kept) {
    const own = snake(r.relationship_type);
    const type: RelationType =
      own in RELATION_TYPES ? (own as RelationType) : (NEAREST[r.relationship_type] ?? "linked_to");
    const role = r.x_atlas_role ?? (own in RELATION_TYPES ? null : r.relationship_type.replace(/-/g, " "));
    const time =
      atlasTime(r.x_atlas_time) ?? seenTime(r.start_time, r.stop_time, "relationship's start_time/stop_time");
    const from = mergeOf.get(r.source_ref) ?? null;
    const to = mergeOf.get(r.target_ref) ?? null;
    const { existing, conflicts } = relationMatches(
      { type, from: { actorId: from }, to: { actorId: to }, former: r.x_atlas_former ?? false },
      atlasRelations,
      actorNames,
    );
    const evidence = evidenceOf(r.id);
    const first = evidence[0] as (typeof evidence)[number];
    const id = unique(
      validId(r.x_atlas_id) ?? (slugify(`${nameOf(r.source_ref)} ${type} ${nameOf(r.target_ref)}`, 120) || "relation"),
      (x) => takenRelationIds.has(x),
    );
    takenRelationIds.add(id);
    plan.suggestions.push({
      id: suggestionId.get(r.id) as string,
      sourceId,
      kind: "relation",
      start: first.start,
      end: first.end,
      quote: first.quote,
      label: `${nameOf(r.source_ref)} ${RELATION_TYPES[type]} ${nameOf(r.target_ref)} (${r.id})`,
      proposal: {
        kind: "relation",
        relationType: type,
        from: namedActor(r.source_ref),
        to: namedActor(r.target_ref),
        role,
        time,
        former: r.x_atlas_former ?? false,
        pattern: `STIX relationship ${r.relationship_type}`,
        evidence: first,
        existing,
        conflicts,
        confidence: 1,
        imported: {
          importId,
          format: "stix",
          externalId: r.id,
          waitsFor: [waiting(r.source_ref, "actor"), waiting(r.target_ref, "actor")],
          record: {
            id,
            fromId: r.source_ref,
            type,
            toId: r.target_ref,
            role,
            time,
            former: r.x_atlas_former ?? false,
            note: r.x_atlas_note ?? null,
            evidence,
          },
        },
      },
    });
    plan.count(plan.suggested, "relation");
    step();
  }
}

/** Events, with their participants and places from the relationships from them. */
async function planEvents(db: Db, p: Planning): Promise<void> {
  const { plan, importId, sourceId, b, evidenceOf, suggestionId, namedActor, step, hold, from, actorNames, mergeOf } =
    p;
  const [known, atlasPlaces] = await Promise.all([heldEvents(db), heldPlaces(db)]);
  const knownById = new Map(known.map((e) => [e.id, e]));
  const placeIds = new Set(atlasPlaces.map((p) => p.id));
  const weights = tieWeights(p.atlasActors, atlasPlaces);
  const takenEventIds = new Set(known.map((e) => e.id));
  for (const e of b.events) {
    const kind: EventKind =
      e.x_atlas_event_kind && e.x_atlas_event_kind in EVENT_KINDS ? (e.x_atlas_event_kind as EventKind) : "other";
    const time =
      atlasTime(e.x_atlas_time) ??
      (e.type === "incident" ? seenTime(e.first_seen, e.last_seen, "incident's first_seen/last_seen") : null);
    const participants = from(e.id)
      .filter((r) => b.actorIds.has(r.target_ref))
      .map((r) => ({
        actorId: r.target_ref,
        role: ROLE_OF[r.relationship_type] ?? ("participant" as const),
        type: r.relationship_type,
      }));
    const seenParticipants = new Set<string>();
    const unique_ = participants.filter(
      (p) => !seenParticipants.has(`${p.actorId}/${p.role}`) && seenParticipants.add(`${p.actorId}/${p.role}`),
    );
    for (const p of unique_) hold("participants", keyOf("event", e.id), keyOf("actor", p.actorId), { role: p.role });
    const located = from(e.id).find((r) => r.relationship_type === "located-at");
    const location = located ? b.byId.get(located.target_ref) : undefined;
    const atlasPlace = location ? validId(location.x_atlas_id) : null;
    const placeId = atlasPlace && placeIds.has(atlasPlace) ? atlasPlace : null;
    const placeNote = !placeId && location && "name" in location && location.name ? location.name : null;
    const partOf = e.x_atlas_part_of_ref && b.eventIds.has(e.x_atlas_part_of_ref) ? e.x_atlas_part_of_ref : null;
    if (partOf) hold("partOfId", keyOf("event", e.id), keyOf("event", partOf));
    const answers = (e.x_atlas_response_to_refs ?? []).filter((x) => b.eventIds.has(x));
    for (const r of answers) hold("responseToIds", keyOf("event", e.id), keyOf("event", r));
    const atlasId = validId(e.x_atlas_id);
    const sameId = atlasId ? knownById.get(atlasId) : undefined;
    const account = {
      kind,
      time,
      participants: unique_.flatMap((p) => {
        const actorId = mergeOf.get(p.actorId);
        return actorId ? [{ actorId, role: p.role }] : [];
      }),
      placeId,
    };
    const corroborates: Match | null =
      sameId && family(kind).includes(sameId.kind)
        ? { id: sameId.id, title: sameId.title, why: ["the event the atlas exported under this id (x_atlas_id)"] }
        : corroborated(account, known, actorNames, weights);
    const evidence = evidenceOf(e.id);
    const first = evidence[0] as (typeof evidence)[number];
    const datePart = time ? time.edtf.replace(/[^0-9-].*$/, "").replace(/-$/, "") : "";
    const id = unique(atlasId ?? (slugify(`${datePart} ${e.name}`, 80) || "event"), (x) => takenEventIds.has(x));
    takenEventIds.add(id);
    const summary = e.description?.trim() || e.name;
    plan.suggestions.push({
      id: suggestionId.get(e.id) as string,
      sourceId,
      kind: "event",
      start: first.start,
      end: first.end,
      quote: first.quote,
      label: `${e.name} (${e.id})${corroborates ? ` — may be “${corroborates.title}”` : ""}`,
      proposal: {
        kind: "event",
        eventKind: kind,
        trigger: "",
        title: e.name,
        summary,
        sentence: first,
        time,
        place: null,
        participants: unique_.map((p) => ({ ...namedActor(p.actorId), role: p.role })),
        fatalities: [],
        injuries: [],
        corroborates,
        confidence: corroborates ? 0.5 : 1,
        imported: {
          importId,
          format: "stix",
          externalId: e.id,
          waitsFor: [],
          record: {
            id,
            kind,
            title: e.name,
            summary,
            time,
            placeId,
            placeNote,
            participants: [],
            fatalities: [],
            partOfId: null,
            responseToIds: [],
            evidence,
          },
        },
      },
    });
    plan.count(plan.suggested, "event");
    step();
  }
}

/** Notes: statements, their claimant the one they name as such, or the actor their author is. */
async function planNotes(db: Db, p: Planning): Promise<void> {
  const { plan, importId, sourceId, b, suggestionId, waiting, step, hold, from, resolver, mergeOf } = p;
  const { nameOf } = b;
  const atlasClaims = await db
    .select({ id: t.claims.id, claimantId: t.claims.claimantId, statement: t.claims.statement })
    .from(t.claims);
  const takenClaimIds = new Set(atlasClaims.map((c) => c.id));
  const claimById = new Map(atlasClaims.map((c) => [c.id, c]));
  const byName = new Map(b.actors.map((a) => [a.name.toLowerCase(), a.id]));
  for (const note of b.notes) {
    const claimantRef =
      note.x_atlas_claimant_ref && b.actorIds.has(note.x_atlas_claimant_ref)
        ? note.x_atlas_claimant_ref
        : (note.authors ?? []).map((a) => byName.get(a.trim().toLowerCase())).find(Boolean);
    const speaker = claimantRef ? nameOf(claimantRef) : (note.authors?.[0]?.trim() ?? "an unnamed author");
    const resolved = claimantRef ? null : resolver.resolve(speaker);
    const atlasClaimant = resolved && resolved.length === 1 ? (resolved[0] as Candidate).actorId : null;
    const stance: Stance =
      note.x_atlas_stance && note.x_atlas_stance in STANCES ? (note.x_atlas_stance as Stance) : "asserts";
    const prefix = `${speaker} ${stance}: `;
    const abstract = note.abstract?.trim();
    const statement =
      (abstract?.startsWith(prefix) ? abstract.slice(prefix.length) : abstract) ||
      note.content.trim().split(/(?<=[.!?])\s/)[0] ||
      note.content.trim();
    const about = note.object_refs.filter((r) => r !== claimantRef);
    for (const r of about) {
      if (b.actorIds.has(r)) hold("aboutActorIds", keyOf("claim", note.id), keyOf("actor", r));
      else if (b.eventIds.has(r)) hold("aboutEventIds", keyOf("claim", note.id), keyOf("event", r));
    }
    if (note.x_atlas_on_behalf_of_ref && b.actorIds.has(note.x_atlas_on_behalf_of_ref))
      hold("onBehalfOfId", keyOf("claim", note.id), keyOf("actor", note.x_atlas_on_behalf_of_ref));
    if (note.x_atlas_via_ref && b.actorIds.has(note.x_atlas_via_ref))
      hold("viaId", keyOf("claim", note.id), keyOf("actor", note.x_atlas_via_ref));
    for (const r of from(note.id)) {
      if (!b.noteIds.has(r.target_ref)) continue;
      if (r.relationship_type === "supports")
        hold("supportsIds", keyOf("claim", note.id), keyOf("claim", r.target_ref));
      if (r.relationship_type === "contradicts")
        hold("contradictsIds", keyOf("claim", note.id), keyOf("claim", r.target_ref));
    }
    const block = p.blocks.get(note.id) as { heading: TextSpan; description: TextSpan };
    const words = { sourceId, ...block.description };
    const id = unique(validId(note.x_atlas_id) ?? (slugify(`${speaker} ${stance} ${statement}`, 90) || "claim"), (x) =>
      takenClaimIds.has(x),
    );
    takenClaimIds.add(id);
    const said = atlasTime(note.x_atlas_said);
    // The claim the atlas holds that the note restates: the one it exported under this id, or the
    // same words from the same speaker. A restatement is another claim supporting it, as ingest has it.
    const speakerId = claimantRef ? (mergeOf.get(claimantRef) ?? null) : atlasClaimant;
    const sameId = claimById.get(validId(note.x_atlas_id) ?? "");
    const restated =
      sameId && sameId.statement === statement
        ? { claim: sameId, why: "the claim the atlas exported under this id" }
        : (() => {
            const same = atlasClaims.find(
              (c) => c.claimantId === speakerId && c.statement.toLowerCase() === statement.toLowerCase(),
            );
            return same ? { claim: same, why: "the same speaker and statement" } : null;
          })();
    const supports: Match[] = restated
      ? [{ id: restated.claim.id, title: restated.claim.statement, why: [restated.why] }]
      : [];
    // The claimant: the bundle's actor (its STIX id until its suggestion is accepted), the atlas's,
    // or — when the note names nobody the atlas or the bundle knows — a slug of the author's name,
    // which the reviewer replaces (the preview asks for the claimant).
    const record: Claim = {
      id,
      claimantId: claimantRef ?? atlasClaimant ?? (slugify(speaker, 80) || "unknown"),
      onBehalfOfId: null,
      viaId: null,
      stance,
      statement: statement.slice(0, 2000).trim(),
      mode: note.x_atlas_mode === "direct" ? "direct" : "indirect",
      about: { actorIds: [], eventIds: [] },
      said,
      setting: null,
      evidence: [words],
      attribution: [],
      supportsIds: supports.map((m) => m.id),
      contradictsIds: [],
      note: null,
    };
    plan.suggestions.push({
      id: suggestionId.get(note.id) as string,
      sourceId,
      kind: "statement",
      start: words.start,
      end: words.end,
      quote: words.quote,
      label: `${speaker} ${stance}: ${statement.slice(0, 80)} (${note.id})`,
      proposal: {
        kind: "statement",
        speaker,
        speakerSpan: block.heading,
        speakerFrom: "name",
        claimantId: atlasClaimant,
        claimantName: speaker,
        verb: stance,
        stance,
        mode: record.mode,
        statement: record.statement,
        evidence: block.description,
        attribution: block.heading,
        said,
        aboutActorIds: [],
        onBehalfOfId: null,
        via: null,
        confidence: claimantRef || atlasClaimant ? 1 : 0.5,
        supports,
        contradicts: [],
        imported: {
          importId,
          format: "stix",
          externalId: note.id,
          waitsFor: claimantRef ? [waiting(claimantRef, "actor")] : [],
          record,
        },
      },
    });
    plan.count(plan.suggested, "statement");
    step();
  }
}

export async function planStix(
  db: Db,
  bundle: StixBundleIn,
  { importId, fileName }: { importId: string; fileName: string | null },
  onMatched: (done: number, plan: ImportPlan) => void = () => {},
): Promise<ImportPlan> {
  const plan = new ImportPlan();
  Object.assign(plan.read, bundle.types);
  const b = sortObjects(bundle, plan);
  const { nameOf, relationships } = b;
  const single = b.reports.length === 1 ? (b.reports[0] as StixOf<"report">) : null;
  const title = single?.name ?? `STIX bundle ${fileName ?? bundle.id}`;
  const { doc, blocks } = render(b, title);
  const sourceId = await planSource(db, plan, bundle, b, { doc, title, single, fileName });

  const evidenceOf = (id: string) => {
    const block = blocks.get(id) as { heading: TextSpan; description: TextSpan | null };
    return [block.heading, ...(block.description ? [block.description] : [])].map((s) => ({ sourceId, ...s }));
  };
  let done = 0;
  const step = () => {
    done++;
    if (done % 200 === 0) onMatched(done, plan);
  };
  let n = 0;
  const suggestionId = new Map<string, string>();
  const kindOfSuggestion = (o: ReadObject) =>
    isActor(o) ? "actor" : isEvent(o) ? "event" : o.type === "note" ? "statement" : "relation";
  for (const o of [...b.actors, ...b.kept, ...b.events, ...b.notes])
    suggestionId.set(o.id, `${importId}.${kindOfSuggestion(o)}-${++n}`);
  const waiting = (id: string, collection: WaitingRef["collection"]): WaitingRef => ({
    id,
    collection,
    name: nameOf(id),
    suggestionId: suggestionId.get(id) as string,
  });
  const namedActor = (id: string): NamedActor => ({
    actorId: null,
    name: nameOf(id),
    span: null,
    suggestionId: suggestionId.get(id),
  });

  // Each object's relationships, indexed once: a bundle holds tens of thousands.
  const outgoing = new Map<string, typeof relationships>();
  for (const r of relationships) {
    const list = outgoing.get(r.source_ref);
    if (list) list.push(r);
    else outgoing.set(r.source_ref, [r]);
  }
  const from = (id: string) => outgoing.get(id) ?? [];
  const hold = (field: LinkField, fromKey: string, toKey: string, extra: { role?: string } = {}) => {
    plan.wait({ kind: "link", field, from: fromKey, to: toKey, sourceId, ...extra }, [fromKey, toKey]);
    plan.count(plan.waiting, "links");
  };
  const atlasActors = await knownActors(db);
  const p: Planning = {
    plan,
    importId,
    sourceId,
    b,
    blocks,
    evidenceOf,
    suggestionId,
    waiting,
    namedActor,
    step,
    hold,
    from,
    atlasActors,
    actorNames: new Map(atlasActors.map((a) => [a.id, a.name])),
    resolver: new NameResolver(actorNameEntries(atlasActors)),
    mergeOf: new Map(),
  };
  planActors(p);
  await planRelations(db, p);
  await planEvents(db, p);
  await planNotes(db, p);
  const ignored = relationships.length - b.kept.length;
  if (ignored > 0) {
    plan.warnings.push(
      `${ignored} ${ignored === 1 ? "relationship does" : "relationships do"} not join two actors (an event's participants and place, links between notes, or objects the atlas does not take in, such as indicators): ${ignored === 1 ? "it is" : "they are"} read as participants, places and claim links where ${ignored === 1 ? "it fits" : "they fit"}, else left out.`,
    );
  }
  const skipped = Object.entries(bundle.types).filter(([type]) => !(type in TYPE_NAMES) && type !== "location");
  if (skipped.length) {
    plan.warnings.push(
      `Left out, as the atlas has no record for them: ${skipped.map(([type, count]) => `${count} ${type}`).join(", ")}.`,
    );
  }
  onMatched(done, plan);
  return plan;
}
