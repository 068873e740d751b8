/**
 * Shapes the query layer returns — what the API serves and the frontends render — as Zod
 * schemas with the TypeScript types inferred from them. The API's OpenAPI document publishes
 * these schemas, and contract tests check real responses against them.
 */
import {
  ActorKind,
  AliasAttestation,
  AliasKind,
  Claim,
  ClaimCredibility,
  EventKind,
  Genre,
  MetadataNote,
  Page,
  ParticipantRole,
  PlaceKind,
  Precision,
  RelationType,
  Segment,
  SourceReliability,
  Stance,
  Time,
  TimeBasis,
  TimePart,
} from "@atlas/schema";
import { z } from "zod";

const d = <T extends z.ZodType>(schema: T, description: string) => schema.describe(description);

export const ActorRef = z
  .object({ id: z.string(), name: z.string(), kind: ActorKind })
  .meta({ id: "ActorRef", description: "An actor's id, display name and kind." });
export type ActorRef = z.infer<typeof ActorRef>;

export const Span = z
  .object({
    sourceId: z.string(),
    start: z.int(),
    end: z.int(),
    quote: z.string(),
    prefix: z.string().nullable(),
    suffix: z.string().nullable(),
  })
  .meta({ id: "Span", description: "A verbatim span of a source: text.slice(start, end) === quote." });
export type Span = z.infer<typeof Span>;

/** A publication date without its reasoning: enough to show it; the source's own record has the note. */
export const PublishedBrief = z
  .object({
    edtf: z.string(),
    precision: Precision,
    basis: TimeBasis,
    part: TimePart.optional(),
    expression: z.string().optional(),
  })
  .meta({
    id: "PublishedBrief",
    description: "A source's publication date as a reference carries it (the reasoning is on the source).",
  });

export const SourceRef = z
  .object({ id: z.string(), title: z.string(), publisher: z.string().nullable(), published: PublishedBrief.nullable() })
  .meta({
    id: "SourceRef",
    description: "A source's id, title, publisher and publication date, as quotes and lists refer to it.",
  });
export type SourceRef = z.infer<typeof SourceRef>;

export const Quote = Span.extend({ source: SourceRef }).meta({
  id: "Quote",
  description: "A span with the source it comes from.",
});
export type Quote = z.infer<typeof Quote>;

export const SourceSummary = SourceRef.extend({
  published: Time.nullable().describe("The publication date with its precision, basis and reasoning."),
  titleBasis: z.string(),
  subtitle: z.string().nullable(),
  publisherBasis: z.string(),
  authors: z.array(z.string()),
  authorsBasis: z.string(),
  genre: Genre,
  origin: d(z.string(), '"corpus" for curated documents, "ingest" for documents added later.'),
  counts: z.object({ mentions: z.int(), events: z.int(), claims: z.int(), actors: z.int() }),
  reliability: SourceReliability.nullable().describe(
    "The source's reliability grade (A–F) with who gave it and why; null: not graded.",
  ),
}).meta({ id: "SourceSummary", description: "A source with its metadata and how much the atlas draws from it." });
export type SourceSummary = z.infer<typeof SourceSummary>;

export const AnnotationType = z.enum([
  "mention",
  "actor",
  "place",
  "relation",
  "event",
  "fatality",
  "claim",
  "attribution",
]);
export type AnnotationType = z.infer<typeof AnnotationType>;

export const Annotation = z
  .object({
    type: AnnotationType,
    start: z.int(),
    end: z.int(),
    recordId: d(z.string(), "The record the span belongs to; for a mention, the actor's id."),
    label: d(z.string(), "A short human description of the record."),
  })
  .meta({ id: "Annotation", description: "One highlight in the reader: a span and the record it is evidence for." });
export type Annotation = z.infer<typeof Annotation>;

export const SourceDetail = SourceSummary.extend({
  text: d(z.string(), "The full text exactly as received; offsets refer to it."),
  hash: z.string(),
  file: z.string(),
  dateline: z.string().nullable(),
  language: z.string(),
  url: z.string().nullable(),
  segments: z.array(Segment),
  pages: d(
    z.array(Page).nullable(),
    "A paged original's pages (a PDF): where each lies in the text, so a quote can be placed on its page; null for text and web pages.",
  ),
  notes: z.array(MetadataNote),
  annotations: z.array(Annotation),
}).meta({
  id: "SourceDetail",
  description: "A source with its text, article/boilerplate segments, metadata reasoning and every annotation span.",
});
export type SourceDetail = z.infer<typeof SourceDetail>;

export const ActorCounts = z.object({
  mentions: z.int(),
  sources: z.int(),
  events: z.int(),
  claims: d(z.int(), "Claims made by the actor plus claims about it."),
  relations: z.int(),
});

export const ActorSummary = ActorRef.extend({
  description: z.string(),
  aliases: z.array(z.string()),
  counts: ActorCounts,
}).meta({ id: "ActorSummary", description: "An actor with its aliases and how often it appears." });
export type ActorSummary = z.infer<typeof ActorSummary>;

export const RelationView = z
  .object({
    id: z.string(),
    type: RelationType,
    role: z.string().nullable(),
    time: Time.nullable(),
    former: z.boolean(),
    note: z.string().nullable(),
    direction: d(z.enum(["outgoing", "incoming"]), "outgoing: this actor is the subject (it leads, it is backed by…)."),
    other: ActorRef,
    endedWith: z
      .object({ id: z.string(), title: z.string() })
      .nullable()
      .describe("For a former relation that ended the day its subject died: the event in which the subject died."),
    evidence: z.array(Quote),
  })
  .meta({ id: "RelationView", description: "A relation seen from one of its actors." });
export type RelationView = z.infer<typeof RelationView>;

export const RelationDetail = z
  .object({
    id: z.string(),
    type: RelationType,
    from: d(ActorRef, "The relation's subject (the one that leads, is backed by…)."),
    to: ActorRef,
    role: z.string().nullable(),
    time: Time.nullable().describe("When the relation held, if the documents say."),
    former: z.boolean(),
    note: z.string().nullable(),
    evidence: z.array(Quote),
  })
  .meta({ id: "RelationDetail", description: "One relation: its two actors, type, time and the words that state it." });
export type RelationDetail = z.infer<typeof RelationDetail>;

export const EventSummary = z
  .object({
    id: z.string(),
    kind: EventKind,
    title: z.string(),
    summary: z.string(),
    time: Time,
    earliest: d(z.string().nullable(), "First day the time covers (YYYY-MM-DD); null for an open start."),
    latest: d(z.string().nullable(), "Last day the time covers; null for an open end."),
    place: z.object({ id: z.string(), name: z.string() }).nullable(),
    placeNote: z.string().nullable(),
    participants: z.array(z.object({ actor: ActorRef, role: ParticipantRole })),
    sourceIds: d(z.array(z.string()), "The sources that report the event."),
  })
  .meta({ id: "EventSummary", description: "An event for timelines and lists." });
export type EventSummary = z.infer<typeof EventSummary>;

export const ClaimSummary = z
  .object({
    id: z.string(),
    stance: Stance,
    statement: z.string(),
    mode: Claim.shape.mode,
    said: Time.nullable(),
    setting: z.string().nullable(),
    claimant: ActorRef,
    onBehalfOf: ActorRef.nullable(),
    via: ActorRef.nullable(),
    note: z.string().nullable(),
    evidence: z.array(Quote),
    contradictsCount: z.int(),
    supportsCount: z.int(),
    credibility: ClaimCredibility.nullable().describe(
      "The claim's credibility grade (1–6) with who gave it and why; null: not graded.",
    ),
    sources: d(
      z.array(z.object({ id: z.string(), title: z.string(), reliability: SourceReliability.nullable() })),
      "The sources that report the claim, each with its reliability grade (A–F; null: not graded).",
    ),
  })
  .meta({ id: "ClaimSummary", description: "A claim with its claimant, stance and words." });
export type ClaimSummary = z.infer<typeof ClaimSummary>;

export const MentionSnippet = z
  .object({
    sourceId: z.string(),
    start: z.int(),
    end: z.int(),
    quote: z.string(),
    before: d(z.string(), "Up to 80 characters of text before the mention."),
    after: d(z.string(), "Up to 80 characters of text after the mention."),
  })
  .meta({ id: "MentionSnippet", description: "A mention of an actor in context." });
export type MentionSnippet = z.infer<typeof MentionSnippet>;

export const SizeView = z
  .object({
    low: z.int().nullable(),
    high: z.int().nullable(),
    expression: z.string().describe("The document's words for the size."),
    time: Time.nullable(),
    reportedBy: ActorRef.nullable(),
    evidence: z.array(Quote),
  })
  .meta({ id: "SizeView", description: "A group's size as one source reports it, with its words." });
export type SizeView = z.infer<typeof SizeView>;

export const ActorDetail = ActorSummary.extend({
  aliasDetails: z
    .array(
      z.object({
        name: z.string(),
        kind: AliasKind,
        sourceIds: z.array(z.string()),
        sources: d(
          z.array(z.object({ id: z.string(), title: z.string() })),
          "The sources this spelling is limited to.",
        ),
        outside: AliasAttestation.nullable().describe(
          "Where a name from outside the documents is attested; null for the documents' own.",
        ),
      }),
    )
    .describe("The documents' names first, then names attested outside them."),
  evidence: z.array(Quote),
  sizes: z.array(SizeView).describe("Its size as each source reports it; empty when none does."),
  relations: z.array(RelationView),
  events: z.array(
    EventSummary.extend({
      roles: z.array(ParticipantRole),
      evidence: z.array(Quote).describe("The event's quotes from every source that reports it."),
    }),
  ),
  claimsBy: z.array(ClaimSummary),
  claimsAbout: z.array(ClaimSummary),
  mentionsBySource: z.array(z.object({ source: SourceRef, count: z.int(), snippets: z.array(MentionSnippet) })),
}).meta({
  id: "ActorDetail",
  description: "An actor's profile: names, relations both ways, events with roles, claims by and about it, mentions.",
});
export type ActorDetail = z.infer<typeof ActorDetail>;

export const FatalityView = z
  .object({
    low: z.int().nullable(),
    high: z.int().nullable(),
    who: z.string(),
    expression: z.string().nullable().describe('The document\'s words for a count given in words ("dozens").'),
    reportedBy: ActorRef.nullable(),
    claimId: z.string().nullable(),
    evidence: z.array(Quote),
  })
  .meta({
    id: "FatalityView",
    description: "A death toll as one source reports it; low = high = 0 is none reported, null is no number.",
  });
export type FatalityView = z.infer<typeof FatalityView>;

const EventLink = z.object({ id: z.string(), title: z.string() });

export const SourceAccount = z
  .object({
    source: SourceRef,
    reliability: SourceReliability.nullable().describe(
      "The source's reliability grade (A–F) with who gave it and why; null: not graded.",
    ),
    quotes: z.array(Quote),
    when: z
      .object({ words: z.string(), time: Time, quote: Quote })
      .nullable()
      .describe("The first date this source's words about the event give, as written and as read; null if none."),
    deaths: z.array(FatalityView).describe("The death tolls this source reports (none: it does not report one)."),
    perpetrators: z
      .array(z.object({ actor: ActorRef, role: ParticipantRole, quote: Quote }))
      .describe("Perpetrators (or alleged ones, or who ordered it) whom this source's words about the event name."),
    place: z
      .object({ id: z.string(), name: z.string(), quote: Quote })
      .nullable()
      .describe("The event's place, or a place it lies within, as this source's words name it."),
  })
  .meta({ id: "SourceAccount", description: "An event as one source tells it, each fact with its quote." });
export type SourceAccount = z.infer<typeof SourceAccount>;

export const EventDetail = EventSummary.extend({
  participants: z.array(z.object({ actor: ActorRef, role: ParticipantRole, note: z.string().nullable() })),
  fatalities: z.array(FatalityView),
  partOf: EventLink.nullable(),
  parts: z.array(EventLink),
  respondsTo: z.array(EventLink),
  responses: z.array(EventLink),
  sources: d(
    z.array(SourceAccount),
    "Corroboration: each source that reports the event, quote by quote, with what its words say of date, deaths, perpetrators and place.",
  ),
  deathsAgreement: d(
    z.string(),
    'Whether the sources agree on the deaths, in one line ("2 sources agree: 2 killed"; "Sources differ on deaths: …").',
  ),
  claims: z.array(ClaimSummary),
}).meta({
  id: "EventDetail",
  description: "An event with participants, fatalities as reported, links and every source that reports it.",
});
export type EventDetail = z.infer<typeof EventDetail>;

export const ClaimDetail = ClaimSummary.extend({
  attribution: z.array(Quote),
  about: z.object({ actors: z.array(ActorRef), events: z.array(EventLink) }),
  supports: z.array(ClaimSummary),
  supportedBy: z.array(ClaimSummary),
  contradicts: z.array(ClaimSummary),
}).meta({
  id: "ClaimDetail",
  description: "A claim with the words that attribute it and the claims that support or contradict it.",
});
export type ClaimDetail = z.infer<typeof ClaimDetail>;

export const PlaceView = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: PlaceKind,
    aliases: z.array(z.string()),
    within: z.object({ id: z.string(), name: z.string() }).nullable(),
    coordinates: z
      .object({ lat: z.number(), lon: z.number(), source: z.string(), approximate: z.boolean() })
      .nullable()
      .describe("A point and the gazetteer it comes from; null when no honest point exists."),
    eventCount: d(z.int(), "Events placed at exactly this place."),
    eventsWithin: d(z.int(), "Events at this place or at places inside it (a city's airport, a country's cities)."),
  })
  .meta({
    id: "PlaceView",
    description: "A place with its coordinates (and their source) and how many events happened there.",
  });
export type PlaceView = z.infer<typeof PlaceView>;

export const GraphNode = ActorRef.extend({ degree: z.int() }).meta({
  id: "GraphNode",
  description: "An actor in the relation graph.",
});
export type GraphNode = z.infer<typeof GraphNode>;

export const GraphEdge = z
  .object({
    id: z.string(),
    from: z.string(),
    to: z.string(),
    type: RelationType,
    role: z.string().nullable(),
    former: z.boolean(),
    time: Time.nullable().describe("When the relation held, if the documents say."),
    earliest: d(z.string().nullable(), "First day the relation may have held (YYYY-MM-DD); null when undated or open."),
    latest: d(z.string().nullable(), "Last day the relation may have held; null when undated or open-ended."),
  })
  .meta({ id: "GraphEdge", description: "A typed relation between two actors, with when it held." });
export type GraphEdge = z.infer<typeof GraphEdge>;

export const Graph = z
  .object({ nodes: z.array(GraphNode), edges: z.array(GraphEdge) })
  .meta({ id: "Graph", description: "The relation graph." });

/** A page of results: the next page starts at nextCursor (null on the last page). */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
