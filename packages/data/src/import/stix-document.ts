/**
 * The bundle as the document its evidence cites: its objects sorted by what the atlas makes of
 * them, rendered as a block of lines each, and the source that text becomes.
 */
import type { MetadataNote, Segment, SegmentRole } from "@atlas/schema";
import { eq } from "drizzle-orm";
import { sha256 } from "../corpus/load.js";
import type { Db } from "../db/client.js";
import * as t from "../db/schema/index.js";
import { slugify, unique } from "../ingest/ids.js";
import type { TextSpan } from "../ingest/types.js";
import { ImportError } from "./errors.js";
import type { ImportPlan } from "./plan.js";
import type { ReadObject, StixBundleIn, StixOf } from "./stix-bundle.js";
import { type ActorObject, aliasesOf, day, type EventObject, isActor, isEvent, TYPE_NAMES } from "./stix-read.js";

/** The bundle rendered as a document: blocks of lines, each line a segment with its role. */
export class Document {
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
export interface Sorted {
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

export function sortObjects(bundle: StixBundleIn, plan: ImportPlan): Sorted {
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
export type Blocks = Map<string, { heading: TextSpan; description: TextSpan | null }>;

/** The bundle rendered as the document: its title, then a block per report, actor, relationship, incident and note. */
export function render(b: Sorted, title: string): { doc: Document; blocks: Blocks } {
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
export async function planSource(
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
