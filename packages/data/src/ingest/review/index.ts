/**
 * Review: a suggestion is accepted (possibly edited), edited without accepting, or rejected.
 * Listing (list.ts, view.ts, lookups.ts), deciding (suggestion.ts, edit.ts), and accepting
 * (accept.ts, accept-all.ts, records.ts, mentions.ts).
 */

export { type AcceptResult, acceptSuggestion } from "./accept.js";
export { type AcceptManyResult, acceptAll } from "./accept-all.js";
export { editSuggestion, rejectSuggestion } from "./edit.js";
export { listIngested, listSuggestions, SuggestionListInput, suggestionById } from "./list.js";
export { mentionsOf, type SourceText } from "./mentions.js";
