export * from "./actors.js";
export * from "./claims.js";
export * from "./events.js";
export * from "./ingest.js";
export * from "./meta.js";
export * from "./places.js";
export * from "./relations.js";
export * from "./sources.js";
