// Turbopack cannot resolve new URL('..', import.meta.url) inside a workspace package, so paths
// are built from the module's own directory.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const PACKAGE_DIR = join(here, "..");
export const CORPUS_DIR = join(here, "corpus");
export const ANNOTATIONS_DIR = join(here, "annotations");
