/**
 * The size limits on what the atlas takes in, and their refusals, in one place. A module of its
 * own, free of zod, so a browser form can check a file before uploading it without loading the
 * schemas.
 */

/**
 * The largest document the atlas takes in, as received (a text, a web page, a PDF or a Word
 * file): a news article is tens of kilobytes, a long report a few megabytes. The API refuses
 * more, and the CLI and the web form check it before sending.
 */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

/** The limit as people read it ("16 MB"), for help texts and forms. */
export const MAX_DOCUMENT_SIZE = `${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`;

/**
 * The largest request body that carries one document as a multipart upload (the web's review
 * form): the document plus room for the form's other fields and the multipart framing.
 */
export const MAX_DOCUMENT_UPLOAD_BYTES = MAX_DOCUMENT_BYTES + 1024 * 1024;

/**
 * The largest file `atlas import` takes in (an atlas JSON dataset or a STIX bundle), as
 * received. Another atlas's whole export holds its documents' full texts: the curated atlas is
 * 1 MB; with 10,000 events its JSON is 19 MB and its STIX bundle 46 MB (`pnpm bench`). The
 * API's request body is sized for it, base64-encoded. The API refuses more, and the CLI checks
 * it before sending.
 */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The refusal for a document over MAX_DOCUMENT_BYTES, in the words every client shows; null when it fits. */
export function documentTooLarge(bytes: number): string | null {
  return bytes > MAX_DOCUMENT_BYTES
    ? `The document is ${mb(bytes)}; the limit is ${mb(MAX_DOCUMENT_BYTES)}. Split it into smaller documents (one article each).`
    : null;
}

/** The refusal for an import file over MAX_IMPORT_BYTES, in the words every client shows; null when it fits. */
export function importTooLarge(bytes: number): string | null {
  return bytes > MAX_IMPORT_BYTES
    ? `The file is ${mb(bytes)}; the limit for an import is ${mb(MAX_IMPORT_BYTES)}. Export the records in smaller parts (a STIX bundle per report, a dataset per set of documents) and import each.`
    : null;
}
