import type { Doc } from "../doc.js";

/** What a screen builds: the line shown above it and its document. */
export interface Screen {
  title: string;
  doc: Doc;
}
