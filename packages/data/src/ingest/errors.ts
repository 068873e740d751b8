/** A refusal the analyst can act on: what is wrong with the input and what to do instead. */
export type IngestErrorCode =
  | "empty"
  | "binary"
  | "encoding"
  | "too_large"
  | "too_complex"
  | "duplicate"
  | "no_text"
  | "unreadable"
  | "invalid";

export class IngestError extends Error {
  constructor(
    readonly code: IngestErrorCode,
    message: string,
    /** For a duplicate: the source that already holds the document. */
    readonly existingSourceId?: string,
  ) {
    super(message);
    this.name = "IngestError";
  }
}

/** A reviewer's request that cannot be carried out (unknown actor, already reviewed…). */
export class ReviewError extends Error {
  constructor(
    readonly code: "not_found" | "conflict" | "invalid",
    message: string,
  ) {
    super(message);
    this.name = "ReviewError";
  }
}
