/**
 * @atlas/schema — the contract of Militia Atlas: Zod schemas and inferred types for sources,
 * evidence spans, time, places, actors, relations, events, claims, mentions and the dataset.
 */
export { Actor, ActorKind, Alias, AliasAttestation, AliasKind, describeSize, SizeReport } from "./actor.js";
export {
  CalendarDate,
  calendarDateBounds,
  calendarDateProblem,
  type DateWindow,
  dateRangeProblem,
  readDate,
  readDateWindow,
} from "./calendar-date.js";
export { Claim, claimSpans, STANCES, Stance } from "./claim.js";
export { Id, Text, WebUrl } from "./common.js";
export { DATASET_VERSION, Dataset } from "./dataset.js";
export { type EdtfDate, type EdtfResult, type ParsedEdtf, parseEdtf } from "./edtf.js";
export { describeIssues } from "./errors.js";
export {
  corroboration,
  describeDeathCount,
  EVENT_KINDS,
  Event,
  EventKind,
  FatalityReport,
  PARTICIPANT_ROLES,
  Participant,
  ParticipantRole,
} from "./event.js";
export { Evidence, EvidenceList } from "./evidence.js";
export { ClaimCredibility, CredibilityGrade, describeGrade, ReliabilityGrade, SourceReliability } from "./grade.js";
export { CREDIBILITY, RELIABILITY } from "./grade-scales.js";
export { jsonSchemaOf, RECORD_SCHEMAS, type RecordName } from "./json-schema.js";
export {
  documentTooLarge,
  importTooLarge,
  MAX_DOCUMENT_BYTES,
  MAX_DOCUMENT_SIZE,
  MAX_DOCUMENT_UPLOAD_BYTES,
  MAX_IMPORT_BYTES,
} from "./limits.js";
export { Mention } from "./mention.js";
export { articleOccurrences, boilerplateAt, occurrences, quoteAt } from "./occurrences.js";
export { Coordinates, Place, PlaceKind } from "./place.js";
export { RELATION_TYPES, Relation, RelationType } from "./relation.js";
export {
  ARTICLE_ROLES,
  BOILERPLATE_ROLES,
  describePages,
  Genre,
  isArticleRole,
  MetadataBasis,
  MetadataNote,
  Page,
  pagesOf,
  Segment,
  SegmentRole,
  Source,
} from "./source.js";
export {
  describePeriod,
  describeTime,
  Edtf,
  MONTH_ABBREVIATIONS,
  MONTH_NAMES,
  Precision,
  precisionOf,
  reviewedTime,
  Time,
  TimeBasis,
  TimePart,
  type TimeStyle,
  timeBounds,
} from "./time.js";
