/** Ingest: adding documents, the suggestions found in them, and their review. */
export { keepAnalysisWarm } from "./analyze-thread.js";
export { IngestError, type IngestErrorCode, ReviewError } from "./errors.js";
export { type IngestInput, ingestDocument } from "./ingest.js";
export { type ApplyReport, type IngestRecord, reapplyIngestRecords } from "./records.js";
export {
  type AcceptManyResult,
  type AcceptResult,
  acceptAll,
  acceptSuggestion,
  editSuggestion,
  listIngested,
  listSuggestions,
  rejectSuggestion,
  SuggestionListInput,
  suggestionById,
} from "./review/index.js";
export * from "./types.js";
