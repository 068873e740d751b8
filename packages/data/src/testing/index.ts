/** Test helpers for packages that build on @atlas/data (not part of the runtime API). */
export { type EngineCase, engineCases, temporaryDatabase } from "./engines.js";
export { FIXTURE_DOCUMENT, type Fixture, makeFixture } from "./fixture.js";
