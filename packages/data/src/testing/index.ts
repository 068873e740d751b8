/** Test helpers for packages that build on @atlas/data (not part of the runtime API). */

export { type DocxParagraph, makeDocx, makePdf, type PdfPage, type PdfText } from "./documents.js";
export {
  type EngineCase,
  engineCases,
  type PersistentCase,
  persistentCases,
  temporaryDatabase,
  unstamped,
} from "./engines.js";
export { FIXTURE_DOCUMENT, type Fixture, makeFixture } from "./fixture.js";
export { corpusSentences, seededRandom, syntheticDocument } from "./synthetic.js";
