/**
 * Shapes of ingest: the document an analyst brings, the suggestions found in it, the reviewer's
 * edits and what ingest reports back. Zod schemas, so the API validates and publishes them.
 */
import {
  ActorKind,
  AliasKind,
  CalendarDate,
  calendarDateBounds,
  EventKind,
  ParticipantRole,
  Stance,
  Time,
} from "@atlas/schema";
import { z } from "zod";

export const IngestFormat = z.enum(["text", "html", "pdf", "docx"]).meta({
  id: "IngestFormat",
  description:
    "text — UTF-8 plain text; html — a saved web page (the article is extracted); pdf — a PDF with a text layer (pages kept); docx — a Word file. PDF and Word files are sent as bytes (base64).",
});
export type IngestFormat = z.infer<typeof IngestFormat>;

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
  url: z.url().optional(),
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

export const SuggestionKind = z.enum(["mention", "actor", "date", "statement"]).meta({
  id: "SuggestionKind",
  description:
    "mention — a known actor's name or alias; actor — a capitalized name that may be a new actor; date — a dated expression resolved against the publication date; statement — words attributed to someone (X said…, according to X…).",
});
export type SuggestionKind = z.infer<typeof SuggestionKind>;

export const SuggestionStatus = z.enum(["suggested", "accepted", "rejected"]);
export type SuggestionStatus = z.infer<typeof SuggestionStatus>;

export const TextSpan = z.object({ start: z.int(), end: z.int(), quote: z.string() });
export type TextSpan = z.infer<typeof TextSpan>;

export const MentionProposal = z.object({
  kind: z.literal("mention"),
  actorId: z.string(),
  actorName: z.string(),
  alias: z.string().describe("The name or alias that matched."),
});

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
  speakerFrom: z.enum(["name", "pronoun"]).describe("pronoun: he/she/they, resolved to the last named speaker."),
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
});

export const Proposal = z.discriminatedUnion("kind", [MentionProposal, ActorProposal, DateProposal, StatementProposal]);
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
    mergeInto: z.string().min(1).optional().describe("actor: add the name as an alias of this existing actor instead."),
    aliasKind: AliasKind.optional().describe("actor with mergeInto: how the name relates to the actor."),
    // date
    time: Time.optional().describe("date: a corrected time."),
    eventId: z
      .string()
      .min(1)
      .optional()
      .describe("date: add the sentence as evidence of this existing event instead."),
    eventKind: EventKind.optional().describe("date: the new event's kind (default other)."),
    title: z.string().trim().min(1).max(200).optional().describe("date: the new event's title."),
    summary: z.string().trim().min(1).max(2000).optional().describe("date: the new event's summary."),
    placeId: z.string().min(1).optional().describe("date: where the event happened."),
    participants: z
      .array(z.object({ actorId: z.string().min(1), role: ParticipantRole }))
      .optional()
      .describe("date: who took part and how."),
    // statement
    claimantId: z.string().min(1).optional().describe("statement: who said it."),
    stance: Stance.optional(),
    statement: z.string().trim().min(1).max(2000).optional().describe("statement: one plain sentence."),
    aboutActorIds: z.array(z.string().min(1)).optional(),
    aboutEventIds: z.array(z.string().min(1)).optional(),
    said: Time.nullable().optional(),
    onBehalfOfId: z.string().min(1).nullable().optional(),
  })
  .meta({ id: "SuggestionEdit", description: "A reviewer's changes to a suggestion; only the fields of its kind." });
export type SuggestionEdit = z.infer<typeof SuggestionEdit>;

export const EDIT_FIELDS: Record<SuggestionKind, (keyof SuggestionEdit)[]> = {
  mention: ["actorId"],
  actor: ["name", "actorKind", "description", "id", "mergeInto", "aliasKind"],
  date: ["time", "eventId", "eventKind", "title", "summary", "placeId", "participants"],
  statement: ["claimantId", "stance", "statement", "aboutActorIds", "aboutEventIds", "said", "onBehalfOfId"],
};

export const RecordRef = z.object({
  type: z.enum(["mention", "actor", "alias", "event", "event-evidence", "claim"]),
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
    format: IngestFormat,
    fileName: z.string().nullable(),
    bytes: z.int(),
    ingestedAt: z.string(),
    warnings: z.array(z.string()),
    suggestions: z.record(z.string(), counts).describe("Counts by kind, then by status."),
  })
  .meta({ id: "IngestedDocument", description: "An ingested document and how far its review has come." });
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
