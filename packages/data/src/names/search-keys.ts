/**
 * What search stores beside each name and compares a query with: the name resolver's keys (the
 * same transliteration rules that recognise names in new documents, so "found by search" and
 * "recognised in a document" agree: "Kataeb Hizballah" and "Kataib Hezbollah", "Mohandes" and
 * "Muhandis" have one key) and its initials ("KH", "AAH", "PMF"). Both are compared whole-word in SQL.
 */
import { foldName } from "../text/fold.js";
import { nameKeys } from "./tokens.js";
import { ARTICLES, consonantCount } from "./translit.js";

/** A name's key: its words' transliteration keys, the article dropped: "Kataib Hezbollah" → "kVtVb hVdbVlV". */
export const nameKey = (name: string): string => nameKeys(name).join(" ");

const words = (name: string) =>
  foldName(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !ARTICLES.has(w));

/** The initials of a multi-word name: "Asaib Ahl al-Haq" → "aah"; "" for a single word. */
export function nameInitials(name: string): string {
  const ws = words(name);
  return ws.length >= 2 ? ws.map((w) => w[0]).join("") : "";
}

/**
 * What a search query is compared with: its key, when it has enough consonants to mean
 * something (three or more), and its initials reading, when it is one short word ("KH", "pmf").
 */
export function queryKeys(q: string): { key: string | null; initials: string | null } {
  const keys = nameKeys(q);
  const single = foldName(q);
  return {
    key: keys.reduce((n, k) => n + consonantCount(k), 0) >= 3 ? keys.join(" ") : null,
    initials: /^\p{L}{2,5}$/u.test(single) && !ARTICLES.has(single) ? single : null,
  };
}
