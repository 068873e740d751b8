/**
 * The curated annotation format: what a person writes in YAML. It mirrors @atlas/schema with
 * three conveniences — evidence is written as quotes (the loader computes offsets), precision
 * is derived from the EDTF string, and optional fields may be left out. The full contract is in
 * src/annotations/README.md.
 */
import {
  ActorKind,
  AliasKind,
  ClaimCredibility,
  EventKind,
  Genre,
  Id,
  MetadataBasis,
  ParticipantRole,
  PlaceKind,
  RelationType,
  SegmentRole,
  SourceReliability,
  Stance,
  TimeBasis,
  TimePart,
} from "@atlas/schema";
import { z } from "zod";

const str = z.string().min(1);

export const QuoteInput = z.union([str, z.strictObject({ quote: str, occurrence: z.int().positive().optional() })]);
export type QuoteInput = z.infer<typeof QuoteInput>;
const Quotes = z.array(QuoteInput);

export const TimeInput = z.strictObject({
  edtf: str,
  basis: TimeBasis,
  part: TimePart.optional(),
  expression: str.optional(),
  note: str.optional(),
});
export type TimeInput = z.infer<typeof TimeInput>;

// ---- corpus/sources.yaml ----------------------------------------------------------------

export const SegmentInput = z.union([
  z.strictObject({
    role: SegmentRole,
    quote: str,
    occurrence: z.int().positive().optional(),
    all: z.literal(true).optional(),
  }),
  z.strictObject({
    role: SegmentRole,
    from: str,
    /** Last words of the segment; omitted means "to the end of the text". */
    to: str.optional(),
  }),
]);
export type SegmentInput = z.infer<typeof SegmentInput>;

export const SourceInput = z.strictObject({
  id: Id,
  file: str,
  title: str,
  titleBasis: z.enum(["stated", "assigned"]),
  subtitle: str.nullable().default(null),
  publisher: str.nullable(),
  publisherBasis: MetadataBasis,
  authors: z.array(str),
  authorsBasis: MetadataBasis,
  published: TimeInput.nullable(),
  genre: Genre,
  dateline: str.nullable().default(null),
  language: z.string().default("en"),
  url: z.url().nullable().default(null),
  segments: z.array(SegmentInput).default([]),
  notes: z
    .array(
      z.strictObject({
        field: z.enum(["title", "publisher", "authors", "published", "genre", "extent"]),
        text: str,
        evidence: Quotes.default([]),
      }),
    )
    .default([]),
  /** A reviewer's reliability grade (A–F), with who gave it, when and why; absent: not graded. */
  reliability: SourceReliability.nullable().default(null),
});
export type SourceInput = z.infer<typeof SourceInput>;
export const SourcesFile = z.array(SourceInput);

// ---- annotations: catalogue/*.yaml and documents/<source-id>.yaml -----------------------

export const AliasInput = z.union([
  str,
  z.strictObject({
    name: str,
    kind: AliasKind.default("spelling"),
    /** In a document file: `document` limits matching to that document. */
    scope: z.enum(["document", "everywhere"]).optional(),
    sourceIds: z.array(Id).optional(),
  }),
]);
export type AliasInput = z.infer<typeof AliasInput>;

/** annotations/outside/aliases.yaml: names attested outside the documents, each with its reference. */
export const OutsideAliasesFile = z.array(
  z.strictObject({
    actorId: Id,
    aliases: z.array(
      z.strictObject({
        name: str,
        kind: AliasKind,
        source: str,
        url: z.url().nullable().default(null),
      }),
    ),
  }),
);
export type OutsideAliasesFile = z.infer<typeof OutsideAliasesFile>;

/** A group's size in one document's words; low/high only when the words give a number. */
export const SizeInput = z.strictObject({
  low: z.int().nonnegative().nullable().default(null),
  high: z.int().nonnegative().nullable().default(null),
  expression: str,
  time: TimeInput.nullable().default(null),
  reportedById: Id.nullable().default(null),
  evidence: Quotes.min(1),
});
export type SizeInput = z.infer<typeof SizeInput>;

export const ActorInput = z.strictObject({
  id: Id,
  name: str.optional(),
  kind: ActorKind.optional(),
  description: str.optional(),
  aliases: z.array(AliasInput).default([]),
  sizes: z.array(SizeInput).default([]),
  evidence: Quotes.default([]),
});
export type ActorInput = z.infer<typeof ActorInput>;

export const PlaceInput = z.strictObject({
  id: Id,
  name: str.optional(),
  kind: PlaceKind.optional(),
  aliases: z.array(str).default([]),
  withinId: Id.nullable().optional(),
  coordinates: z
    .strictObject({
      lat: z.number(),
      lon: z.number(),
      source: str,
      approximate: z.boolean().default(false),
    })
    .nullable()
    .optional(),
  evidence: Quotes.default([]),
});
export type PlaceInput = z.infer<typeof PlaceInput>;

export const RelationInput = z.strictObject({
  id: Id.optional(),
  fromId: Id,
  type: RelationType,
  toId: Id,
  role: str.nullable().optional(),
  time: TimeInput.nullable().optional(),
  former: z.boolean().optional(),
  note: str.nullable().optional(),
  evidence: Quotes.default([]),
});
export type RelationInput = z.infer<typeof RelationInput>;

export const FatalityInput = z.strictObject({
  low: z.int().nonnegative().nullable(),
  high: z.int().nonnegative().nullable(),
  who: str,
  expression: str.optional(),
  reportedById: Id.nullable().default(null),
  claimId: Id.nullable().default(null),
  evidence: Quotes.min(1),
});
export type FatalityInput = z.infer<typeof FatalityInput>;

export const EventInput = z.strictObject({
  id: Id,
  kind: EventKind.optional(),
  title: str.optional(),
  summary: str.optional(),
  time: TimeInput.optional(),
  placeId: Id.nullable().optional(),
  placeNote: str.nullable().optional(),
  participants: z
    .array(z.strictObject({ actorId: Id, role: ParticipantRole, note: str.nullable().default(null) }))
    .default([]),
  fatalities: z.array(FatalityInput).default([]),
  partOfId: Id.nullable().optional(),
  responseToIds: z.array(Id).default([]),
  evidence: Quotes.default([]),
});
export type EventInput = z.infer<typeof EventInput>;

export const ClaimInput = z.strictObject({
  id: Id,
  claimantId: Id.optional(),
  onBehalfOfId: Id.nullable().optional(),
  viaId: Id.nullable().optional(),
  stance: Stance.optional(),
  statement: str.optional(),
  mode: z.enum(["direct", "indirect"]).optional(),
  about: z
    .strictObject({ actorIds: z.array(Id).default([]), eventIds: z.array(Id).default([]) })
    .default({ actorIds: [], eventIds: [] }),
  said: TimeInput.nullable().optional(),
  setting: str.nullable().optional(),
  evidence: Quotes.default([]),
  attribution: Quotes.default([]),
  supportsIds: z.array(Id).default([]),
  contradictsIds: z.array(Id).default([]),
  note: str.nullable().optional(),
  /** A reviewer's credibility grade (1–6), with who gave it, when and why; absent: not graded. */
  credibility: ClaimCredibility.nullable().optional(),
});
export type ClaimInput = z.infer<typeof ClaimInput>;

const sections = {
  actors: z.array(ActorInput).default([]),
  places: z.array(PlaceInput).default([]),
  relations: z.array(RelationInput).default([]),
  events: z.array(EventInput).default([]),
  claims: z.array(ClaimInput).default([]),
};

/** A document's annotations: everything it says, each record with evidence from it. */
export const DocumentFile = z.strictObject({ source: Id, ...sections });
export type DocumentFile = z.infer<typeof DocumentFile>;

/** Shared definitions (no evidence of their own): actors, places and events told by several documents. */
export const CatalogueFile = z.strictObject(sections);
export type CatalogueFile = z.infer<typeof CatalogueFile>;
