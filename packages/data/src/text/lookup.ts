/**
 * A word table's entry for a key taken from a document or a query, or undefined. A plain object
 * also answers keys it inherits ("constructor", "__proto__", "toString"): a document that used
 * such a word stopped its ingest, and a search for it answered 500.
 */
export const entryOf = <T>(table: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined;
