/** A refusal of an import file, naming what is wrong and what to do; nothing is written. */
export type ImportErrorCode =
  /** 0 bytes, or only whitespace. */
  | "empty"
  /** Over MAX_IMPORT_BYTES. */
  | "too_large"
  /** Not UTF-8 JSON (a PDF, a spreadsheet, broken JSON). */
  | "not_json"
  /** JSON, but neither an atlas dataset nor a STIX bundle, or not the format asked for. */
  | "unknown_format"
  /** The right format, but records that do not fit its schema. */
  | "invalid"
  /** References to records the file does not hold, or evidence that does not match its text. */
  | "references"
  /** The same file was imported before. */
  | "duplicate";

export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ImportError";
  }
}
