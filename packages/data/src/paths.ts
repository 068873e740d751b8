// Turbopack cannot resolve new URL('..', import.meta.url) inside a workspace package, so paths
// are built from the module's own directory.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const PACKAGE_DIR = join(here, "..");
export const CORPUS_DIR = join(here, "corpus");
export const ANNOTATIONS_DIR = join(here, "annotations");
/** The development set: real articles annotated by hand to measure ingest (see devset/README.md). */
export const DEVSET_DIR = join(PACKAGE_DIR, "devset");
