/**
 * Shapes of ingest: the document an analyst brings, the suggestions found in it, the reviewer's
 * edits and what ingest reports back. Zod schemas, so the API validates and publishes them.
 */
import {
  Actor,
  ActorKind,
  AliasKind,
  CalendarDate,
  Claim,
  calendarDateBounds,
  Event,
  EventKind,
  Mention,
  ParticipantRole,
  Relation,
  RelationType,
  Stance,
  Time,
  WebUrl,
} from "@atlas/schema";
import { z } from "zod";
import { ImportFormat } from "../import/types.js";
import { MATCH_RULES } from "../names/resolver.js";
import { Effective, Preview, SUGGESTION_KINDS } from "../review/model.js";

export const IngestFormat = z.enum(["text", "html", "pdf", "docx"]).meta({
  id: "IngestFormat",
  description:
    "text — UTF-8 plain text; html — a saved web page (the article is extracted); pdf — a PDF with a text layer (pages kept); docx — a Word file. PDF and Word files are sent as bytes (base64).",
});
export type IngestFormat = z.infer<typeof IngestFormat>;

/** How a document with suggestions arrived: ingested in one of these formats, or an import's file. */
export const DocumentFormat = z.enum([...IngestFormat.options, ...ImportFormat.options]).meta({
  id: "DocumentFormat",
  description: `${IngestFormat.description} For suggestions an import made: ${ImportFormat.description}`,
});
export type DocumentFormat = z.infer<typeof DocumentFormat>;

/** YYYY-MM-DD (or YYYY-MM, or YYYY when only that is known), a day that exists and has come. */
const date = CalendarDate.superRefine((d, ctx) => {
  const today = new Date().toISOString().slice(0, 10);
  if (calendarDateBounds(d).first > today) {
    ctx.addIssue({
      code: "custom",
      message: `"${d}" is in the future (today is ${today}); give the day it was published`,
    });
  }
});

export const IngestMetadata = z.object({
  title: z.string().trim().min(1).max(500).optional().describe("The headline; taken from the document when omitted."),
  publisher: z.string().trim().min(1).max(200).optional(),
  published: date.optional().describe("Publication date, YYYY-MM-DD; relative dates in the text resolve against it."),
  url: WebUrl.optional().describe("Where the document was published: an http(s) address."),
  authors: z.array(z.string().trim().min(1).max(200)).max(20).optional(),
  fileName: z.string().trim().min(1).max(255).optional().describe("The original file name, kept for reference."),
  format: IngestFormat.optional().describe("Detected from the content when omitted."),
  genre: z.enum(["news", "feature", "opinion", "analysis"]).optional(),
  language: z
    .string()
    .regex(/^[a-z]{2}$/)
    .optional(),
});
export type IngestMetadata = z.infer<typeof IngestMetadata>;

export const SuggestionKind = z.enum(SUGGESTION_KINDS).meta({
  id: "SuggestionKind",
  description:
    "actor — a name that may be a new actor; mention — a known actor's name or alias; statement — words attributed to someone (X said…, according to X…); event — a sentence that reports something happening (attacked, killed, arrested, sanctioned…); relation — a tie the text states between two actors (X, the leader of Y; Iran-backed Y); date — a dated expression resolved against the publication date.",
});
export type SuggestionKind = z.infer<typeof SuggestionKind>;

export const SuggestionStatus = z.enum(["suggested", "accepted", "rejected"]);
export type SuggestionStatus = z.infer<typeof SuggestionStatus>;

export const TextSpan = z.object({ start: z.int(), end: z.int(), quote: z.string() });
export type TextSpan = z.infer<typeof TextSpan>;

/** An event or claim the atlas holds that a new account may be more evidence for, and why. */
export const Match = z.object({
  id: z.string(),
  title: z.string(),
  why: z
    .array(z.string())
    .describe('What the two share: "same kind (attack)", "dates overlap", "Kataib Hezbollah takes part".'),
});
export type Match = z.infer<typeof Match>;

export const MatchRule = z.enum(MATCH_RULES).meta({
  id: "MatchRule",
  description:
    'How the words were recognised as the actor: exact — the name or alias as written (case, diacritics, apostrophes aside); spelling — the same but for the article (al-, el-…); transliteration — another Latin spelling of the same Arabic name (vowels, kh/q/k, dh/z/d…); arabic-script — the name in Arabic script; acronym — an acronym the document defines; alternative-name — another name the document gives ("X, or Y", "(Y in Arabic)"); short-form — a surname or shortened group name after the full name.',
});
export type MatchRule = z.infer<typeof MatchRule>;

export const MentionCandidate = z.object({
  actorId: z.string(),
  actorName: z.string(),
  alias: z.string().describe("The atlas name or alias that matched."),
  outside: z.boolean().describe("The alias is attested outside the documents, not in them."),
  rule: MatchRule,
  confidence: z.number().min(0).max(1),
});
export type MentionCandidate = z.infer<typeof MentionCandidate>;

export const MentionProposal = z.object({
  kind: z.literal("mention"),
  actorId: z
    .string()
    .nullable()
    .describe("The actor the words name; null when they could name several (see candidates): the reviewer chooses."),
  actorName: z.string().nullable(),
  alias: z.string().describe("The name or alias that matched (of the first candidate when ambiguous)."),
  rule: MatchRule.default("exact"),
  confidence: z.number().min(0).max(1).default(1).describe("How sure the match is: 1 for the name as written."),
  candidates: z
    .array(MentionCandidate)
    .default([])
    .describe("Every actor the words could name, best first; more than one means ambiguous."),
});

/** A record of the same import that this one refers to and that waits for review itself. */
export const WaitingRef = z.object({
  id: z.string().describe("The record's id in the imported file."),
  collection: z.enum(["actor", "event", "claim"]),
  name: z.string().describe("Its name or title."),
  suggestionId: z.string().describe("The suggestion that decides what it is in the atlas: accept it first."),
});
export type WaitingRef = z.infer<typeof WaitingRef>;

/** Where an imported record comes from, and what it waits for. */
const ImportedFrom = {
  importId: z.string().describe("The import that proposed it."),
  format: ImportFormat,
  externalId: z
    .string()
    .describe("The record's id in the imported file: the STIX id (threat-actor--…), or the dataset's record id."),
  waitsFor: z
    .array(WaitingRef)
    .describe(
      "Records of the same import it refers to that are suggestions themselves; accepting resolves them to what their suggestions became.",
    ),
};

export const ActorMatch = z.object({
  actorId: z.string(),
  actorName: z.string(),
  why: z.string().describe('How it matched: "same id", or the name resolver\'s rule ("transliteration of …").'),
});
export type ActorMatch = z.infer<typeof ActorMatch>;

export const ImportedActor = z
  .object({
    ...ImportedFrom,
    record: Actor.describe(
      "The actor as the import gives it, its references already in the atlas's ids; its id is the one proposed.",
    ),
    mentions: z.array(Mention).describe("Where its names occur in the documents the import brought."),
    mergeInto: z
      .string()
      .nullable()
      .describe("The atlas actor it surely is (the same STIX object the atlas exported): accepting adds to it."),
    candidates: z.array(ActorMatch).describe("Actors of the atlas it may be: the reviewer decides."),
  })
  .meta({ id: "ImportedActor", description: "An actor an import brought that the reviewer decides on." });
export type ImportedActor = z.infer<typeof ImportedActor>;

const importedOf = <R extends z.ZodType>(record: R, what: string) =>
  z.object({
    ...ImportedFrom,
    record: record.describe(
      `The ${what} as the import gives it: references to records that wait for review keep the file's ids (see waitsFor).`,
    ),
  });
/** An event as an import gives it; a STIX incident may come with no time (the reviewer gives it). */
export const ImportedEvent = importedOf(
  z.object({ ...Event.shape, time: Time.nullable().describe("When; null when the file gives no time.") }),
  "event",
);
export const ImportedRelation = importedOf(Relation, "relation");
export const ImportedClaim = importedOf(Claim, "claim");

export const ActorProposal = z.object({
  kind: z.literal("actor"),
  name: z.string(),
  nameSpan: TextSpan,
  actorKind: ActorKind.describe("A guess from titles and words such as Brigades or Party; check it."),
  title: z.string().nullable().describe('A title before the name ("Lt. Gen.", "group spokesman").'),
  role: z.string().nullable().describe('An appositive describing the actor ("the leader of the Badr Organization").'),
  shortNames: z.array(z.string()).describe('Shorter forms used later in the document ("Calvert").'),
  occurrences: z.int().describe("How often the name (or a short form) occurs in the article text."),
  description: z.string().describe("A default description in the document's words."),
  imported: ImportedActor.optional().describe("Present when an import proposed it: the record as the file gives it."),
});

export const DateProposal = z.object({
  kind: z.literal("date"),
  time: Time,
  sentence: TextSpan.describe("The sentence the date occurs in: an event's default evidence."),
});

export const StatementProposal = z.object({
  kind: z.literal("statement"),
  speaker: z.string().describe("The speaker as written (with title or role)."),
  speakerSpan: TextSpan,
  speakerFrom: z
    .enum(["name", "pronoun", "description", "context"])
    .describe(
      'name — a name in the text; pronoun — he/she/they/"the group", resolved to the nearest fitting speaker or actor; description — "a spokesperson for the PMF", "U.S. officials"; context — a quotation on its own, continuing the last speaker.',
    ),
  claimantId: z.string().nullable().describe("The known actor the speaker is, when found."),
  claimantName: z.string().nullable().describe("The speaker's name, for matching a candidate actor."),
  verb: z.string(),
  stance: Stance,
  mode: z.enum(["direct", "indirect"]),
  statement: z.string().describe("A default statement: the words claimed."),
  evidence: TextSpan.describe("The claimed words (a quotation, or the reported clause)."),
  attribution: TextSpan.describe('The words that attribute them ("said Lt. Gen. Paul Calvert").'),
  said: Time.nullable(),
  aboutActorIds: z.array(z.string()).describe("Known actors named in the claimed words."),
  onBehalfOfId: z
    .string()
    .nullable()
    .default(null)
    .describe('The organisation a described speaker speaks for ("a spokesperson for the PMF" → the PMF).'),
  via: z
    .object({ actorId: z.string().nullable(), name: z.string(), span: TextSpan })
    .nullable()
    .default(null)
    .describe('The channel the words came through ("according to Reuters", "told AFP"): not a second speaker.'),
  confidence: z
    .number()
    .min(0)
    .max(1)
    .default(0.9)
    .describe("How sure the speaker is: lower for pronouns and descriptions."),
  supports: z.array(Match).default([]).describe("Claims the atlas holds that these words restate."),
  contradicts: z
    .array(Match)
    .default([])
    .describe("Claims the atlas holds on the same subject with the opposite stance (a denial against an accusation)."),
  imported: ImportedClaim.optional().describe("Present when an import proposed it: the claim as the file gives it."),
});

/** An actor a proposal names: known (actorId), or a name still to be accepted as an actor. */
export const NamedActor = z.object({
  actorId: z.string().nullable().describe("The known actor, when the words name one."),
  name: z.string().describe("The name as the atlas or the text writes it."),
  span: TextSpan.nullable(),
  suggestionId: z
    .string()
    .optional()
    .describe("The candidate-actor suggestion (of the same import) that decides who this is."),
});
export type NamedActor = z.infer<typeof NamedActor>;

export const EventProposal = z.object({
  kind: z.literal("event"),
  eventKind: EventKind,
  trigger: z.string().describe('The words that report the happening ("fired rockets at", "was killed").'),
  title: z.string(),
  summary: z.string().describe("The sentence, as the event's default summary."),
  sentence: TextSpan.describe("The sentence: the event's evidence."),
  time: Time.nullable().describe("From the nearest dated expression; null when the text gives none near."),
  place: z
    .object({ placeId: z.string().nullable(), name: z.string(), span: TextSpan })
    .nullable()
    .describe("Where, from the gazetteer; placeId null proposes a new place."),
  participants: z.array(NamedActor.extend({ role: ParticipantRole })),
  fatalities: z
    .array(
      z.object({
        low: z.int().nullable(),
        high: z.int().nullable(),
        expression: z.string().nullable().describe('The words, when the count is given in words ("dozens").'),
        who: z.string(),
        span: TextSpan,
      }),
    )
    .describe("Deaths as reported, in the words used."),
  injuries: z
    .array(z.object({ words: z.string(), span: TextSpan }))
    .describe("Injuries as reported, in the words used."),
  corroborates: Match.nullable().describe(
    "An event the atlas holds that this sentence retells: accepting adds it as evidence.",
  ),
  confidence: z.number().min(0).max(1),
  imported: ImportedEvent.optional().describe("Present when an import proposed it: the event as the file gives it."),
});

export const RelationProposal = z.object({
  kind: z.literal("relation"),
  relationType: RelationType,
  from: NamedActor,
  to: NamedActor,
  role: z.string().nullable().describe('The role in the text\'s words ("spokesman", "secretary-general").'),
  time: Time.nullable(),
  former: z.boolean(),
  pattern: z.string().describe('The pattern that found it, e.g. "X, the leader of Y".'),
  evidence: TextSpan,
  existing: Match.nullable().describe("The same relation in the atlas: accepting adds this as evidence."),
  conflicts: Match.nullable().describe(
    "A relation the atlas holds that this one disagrees with (another leader at the same time).",
  ),
  confidence: z.number().min(0).max(1),
  imported: ImportedRelation.optional().describe(
    "Present when an import proposed it: the relation as the file gives it.",
  ),
});

export const Proposal = z.discriminatedUnion("kind", [
  MentionProposal,
  ActorProposal,
  DateProposal,
  StatementProposal,
  EventProposal,
  RelationProposal,
]);
export type Proposal = z.infer<typeof Proposal>;
export type ProposalOf<K extends SuggestionKind> = Extract<Proposal, { kind: K }>;

/** A suggestion before it is stored: what the pipeline returns. */
export interface Draft<P extends Proposal = Proposal> {
  kind: P["kind"];
  start: number;
  end: number;
  quote: string;
  label: string;
  proposal: P;
}

/** What a reviewer may change before accepting. Fields apply per kind (see EDIT_FIELDS). */
export const SuggestionEdit = z
  .strictObject({
    // mention
    actorId: z.string().min(1).optional().describe("mention: the actor the name really refers to."),
    // actor
    name: z.string().trim().min(1).max(200).optional().describe("actor: the name to show."),
    actorKind: ActorKind.optional().describe("actor: the kind of actor."),
    description: z.string().trim().min(1).max(1000).optional().describe("actor: one or two sentences."),
    id: z.string().min(1).max(160).optional().describe("actor: the new actor's id (a slug)."),
    mergeInto: z
      .string()
      .min(1)
      .nullable()
      .optional()
      .describe("actor: add the name as an alias of this existing actor instead (null: a new actor after all)."),
    aliasKind: AliasKind.optional().describe("actor with mergeInto: how the name relates to the actor."),
    // date and event
    time: Time.optional().describe("date, event: a corrected time."),
    eventId: z
      .string()
      .min(1)
      .nullable()
      .optional()
      .describe(
        "date, event: add the sentence as evidence of this existing event instead (null: a new event after all).",
      ),
    eventKind: EventKind.optional().describe("date, event: the event's kind."),
    title: z.string().trim().min(1).max(200).optional().describe("date, event: the new event's title."),
    summary: z.string().trim().min(1).max(2000).optional().describe("date, event: the new event's summary."),
    placeId: z.string().min(1).nullable().optional().describe("date, event: where the event happened."),
    participants: z
      .array(z.object({ actorId: z.string().min(1), role: ParticipantRole }))
      .optional()
      .describe("date, event: who took part and how."),
    // relation
    relationType: RelationType.optional().describe("relation: the type of tie."),
    fromId: z.string().min(1).optional().describe("relation: the actor the relation starts from."),
    toId: z.string().min(1).optional().describe("relation: the actor it points to."),
    role: z.string().trim().min(1).max(200).nullable().optional().describe("relation: the role in the text's words."),
    former: z.boolean().optional().describe("relation: the text says it has ended."),
    relationId: z
      .string()
      .min(1)
      .nullable()
      .optional()
      .describe("relation: add the words as evidence of this existing relation instead (null: a new relation)."),
    // statement
    claimantId: z.string().min(1).optional().describe("statement: who said it."),
    stance: Stance.optional(),
    statement: z.string().trim().min(1).max(2000).optional().describe("statement: one plain sentence."),
    aboutActorIds: z.array(z.string().min(1)).optional(),
    aboutEventIds: z.array(z.string().min(1)).optional(),
    said: Time.nullable().optional(),
    onBehalfOfId: z.string().min(1).nullable().optional(),
    viaId: z.string().min(1).nullable().optional().describe("statement: the channel the words came through."),
    supportsIds: z.array(z.string().min(1)).optional().describe("statement: claims it supports."),
    contradictsIds: z.array(z.string().min(1)).optional().describe("statement: claims it contradicts."),
  })
  .meta({ id: "SuggestionEdit", description: "A reviewer's changes to a suggestion; only the fields of its kind." });
export type SuggestionEdit = z.infer<typeof SuggestionEdit>;

export const RecordRef = z.object({
  type: z.enum([
    "mention",
    "place",
    "actor",
    "alias",
    "event",
    "event-evidence",
    "claim",
    "relation",
    "relation-evidence",
    "link",
  ]),
  recordId: z.string(),
});
export type RecordRef = z.infer<typeof RecordRef>;

export const SuggestionView = z
  .object({
    id: z.string(),
    sourceId: z.string(),
    kind: SuggestionKind,
    status: SuggestionStatus.describe("Always `suggested` until a reviewer accepts or rejects it."),
    start: z.int(),
    end: z.int(),
    quote: z.string(),
    label: z.string().describe("A one-line description for lists."),
    proposal: Proposal,
    edit: SuggestionEdit.nullable(),
    effective: Effective,
    preview: Preview,
    records: z.array(RecordRef).describe("What accepting it created."),
    reviewedAt: z.string().nullable(),
    reviewNote: z.string().nullable(),
  })
  .meta({
    id: "Suggestion",
    description: "A suggestion found in an ingested document, kept apart from curated facts.",
  });
export type SuggestionView = z.infer<typeof SuggestionView>;

const counts = z.record(z.string(), z.int());

export const IngestReport = z
  .object({
    sourceId: z.string(),
    title: z.string(),
    format: IngestFormat,
    bytes: z.int(),
    characters: z.int(),
    pages: z.int().nullable().describe("How many pages of a PDF have text; null for other formats."),
    hash: z.string(),
    suggestions: counts.describe("Suggestions by kind."),
    warnings: z.array(z.string()),
    ms: z.number(),
  })
  .meta({ id: "IngestReport", description: "What ingesting a document stored." });
export type IngestReport = z.infer<typeof IngestReport>;

export const IngestedDocument = z
  .object({
    sourceId: z.string(),
    title: z.string(),
    publisher: z.string().nullable(),
    published: Time.nullable(),
    format: DocumentFormat,
    fileName: z.string().nullable(),
    bytes: z.int(),
    ingestedAt: z.string().describe("When it was ingested, or imported."),
    warnings: z.array(z.string()),
    importId: z
      .string()
      .nullable()
      .describe("For suggestions an import made: the import (its file is fileName, its format format)."),
    suggestions: z.record(z.string(), counts).describe("Counts by kind, then by status."),
  })
  .meta({
    id: "IngestedDocument",
    description:
      "A document with suggestions to review, and how far their review has come: an ingested document, or one an import proposed records in.",
  });
export type IngestedDocument = z.infer<typeof IngestedDocument>;

export type IngestPhase = "read" | "extract" | "analyze" | "write";
/** Progress: `done` of `total` units (bytes to read, characters to analyze, rows to write). */
export interface IngestProgress {
  phase: IngestPhase;
  done: number;
  total: number;
}
export type OnIngestProgress = (p: IngestProgress) => void;

export const AcceptResultView = z
  .object({ suggestion: SuggestionView, records: z.array(RecordRef) })
  .meta({ id: "AcceptResult", description: "The accepted suggestion and the records it created." });

export const AcceptManyView = z
  .object({
    accepted: z.int(),
    failed: z.array(z.object({ id: z.string(), message: z.string() })).describe("Suggestions that need an edit first."),
  })
  .meta({ id: "AcceptManyResult", description: "How many suggestions were accepted, and which could not be." });
