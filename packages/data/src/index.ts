/**
 * @atlas/data — the corpus and curated annotations, the database (Drizzle on PGlite or
 * PostgreSQL), seeding, and the typed query layer the API calls.
 */

export { relationId } from "./annotations/drafts.js";
export { AnnotationError, formatProblem, type Problem } from "./annotations/errors.js";
export { type Built, buildDataset } from "./annotations/load.js";
export { loadSources } from "./corpus/load.js";
export {
  type Database,
  type DatabaseSeed,
  type Db,
  type Engine,
  isStatementTimeout,
  MIGRATIONS_DIR,
  type OpenOptions,
  openDatabase,
} from "./db/client.js";
export { acquireLock, DatabaseLockedError, type LockInfo, readLock } from "./db/lock.js";
export * as tables from "./db/schema/index.js";
export { type Devset, type DevsetDocument, type GoldDate, loadDevset } from "./devset/load.js";
export { assembleDossier } from "./dossier/assemble.js";
export { dossier, dossierFile } from "./dossier/build.js";
export { dossierMarkdown } from "./dossier/markdown.js";
export * from "./dossier/types.js";
export { readEnv } from "./env.js";
export * from "./export/index.js";
export {
  ActorsExportInput,
  ClaimsExportInput,
  EventsExportInput,
  exportList,
  type ListExport,
  SearchExportInput,
} from "./export/scoped.js";
export { type Selection, selectDataset } from "./export/select.js";
export * from "./import/index.js";
export * from "./ingest/index.js";
export { findMentions } from "./mentions/find.js";
export { type Candidate, type MatchRule, type NameMatch, NameResolver } from "./names/resolver.js";
export { ACTOR_SORTS, ActorListInput, actorById, listActors } from "./queries/actors.js";
export { bumpDataVersion, cached } from "./queries/cache.js";
export {
  ClaimListInput,
  Contradiction,
  ContradictionPage,
  ContradictionsInput,
  claimById,
  contradictions,
  listClaims,
} from "./queries/claims.js";
export {
  countByPeriod,
  DeathRange,
  EventCounts,
  EventCountsInput,
  eventCounts,
  eventDeaths,
  MAX_MONTHS,
  PeriodCount,
} from "./queries/event-counts.js";
export { eventById, eventsTimeline, TimelineFilter, TimelineInput, TimelinePage } from "./queries/events.js";
export { exportDataset } from "./queries/export.js";
export { GraphInput, relationById, relationGraph } from "./queries/graph.js";
export { DEFAULT_LIMIT, InvalidCursorError, MAX_LIMIT, type Page, PageInput } from "./queries/page.js";
export { PathInput, PathRelation, PathStep, Paths, relationPaths, shortestPaths } from "./queries/paths.js";
export { listPlaces } from "./queries/places.js";
export { type RecordKind, type Reference, unknownReference } from "./queries/refs.js";
export { SEARCH_TYPES, SearchHit, SearchInput, SearchResult, SnippetPart, search } from "./queries/search.js";
export { listSources, SourceListInput, sourceById } from "./queries/sources.js";
export { Stats, stats } from "./queries/stats.js";
export * from "./queries/types.js";
export {
  type CorpusReport,
  curatedSeed,
  curatedStart,
  datasetHash,
  ensureCorpus,
  type SeedMode,
  type SeedProgress,
  type SeedReport,
  seedDatabase,
  seedFromFiles,
  seedModeOf,
} from "./seed/seed.js";
export { contradictionPairs, datasetStats, perSource } from "./stats.js";
export { fold, foldName } from "./text/fold.js";
export { type AddInput, addRecord } from "./workbench/add.js";
export {
  type EditInput,
  editRecord,
  type RecordRef as WorkbenchRecordRef,
  restoreRecord,
  retireRecord,
} from "./workbench/corrections.js";
export { gradeRecord } from "./workbench/grade.js";
export { changesSince, findRecord, recordHistory } from "./workbench/history.js";
export { mergeActors, splitAlias, unmergeActors } from "./workbench/merge.js";
export * from "./workbench/model.js";
export {
  type Authentication,
  addReviewer,
  authenticate,
  listReviewers,
  registerSharedToken,
  reviewerCounts,
  revokeReviewer,
} from "./workbench/reviewers.js";
export { type LastChange, lastChange, type Reviewer, readState } from "./workbench/write.js";
