/**
 * The largest document the atlas takes: the API's MAX_INGEST_BYTES (@atlas/data), which its
 * OpenAPI document states. The form checks it before uploading, so a too-large file is refused
 * with the API's words instead of failing at the web server's request-size limit
 * (next.config.ts allows a little more than this, for the multipart overhead).
 */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The refusal for a document over the limit, or null when it fits. */
export function tooLarge(bytes: number): string | null {
  return bytes > MAX_DOCUMENT_BYTES
    ? `The document is ${mb(bytes)}; the limit is ${mb(MAX_DOCUMENT_BYTES)}. Split it into smaller documents (one article each).`
    : null;
}
