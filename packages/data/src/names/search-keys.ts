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

/** The set of trigrams of one folded word, padded as pg_trgm pads it ("  k", " kh", …, "li "). */
function trigrams(word: string): Set<string> {
  const padded = `  ${word} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}

/** pg_trgm's similarity of two words: shared trigrams over all trigrams. */
function wordSimilarity(a: string, b: string): number {
  const x = trigrams(a);
  const y = trigrams(b);
  let shared = 0;
  for (const t of x) if (y.has(t)) shared++;
  return shared / (x.size + y.size - shared);
}

/**
 * The words of `name`, as written there, that the query's words are closest to: what a fuzzy
 * match matched on ("Khazaly" → "Khazali" in "Qais al-Khazali"; "Mohandes" → "Muhandis", one
 * key). Null when none is close.
 */
export function closestWords(name: string, q: string): string | null {
  const nameWords = name.split(/[\s\-‐‑]+/).filter((w) => w && !ARTICLES.has(foldName(w)));
  const keyOf = (w: string) => nameKeys(w).join(" ");
  const picked = new Set<number>();
  for (const qw of words(q)) {
    const sameKey = nameWords.findIndex((w) => keyOf(w) !== "" && keyOf(w) === keyOf(qw));
    if (sameKey >= 0) {
      picked.add(sameKey);
      continue;
    }
    let best = -1;
    let bestSim = 0.3;
    nameWords.forEach((w, i) => {
      const sim = wordSimilarity(foldName(w), qw);
      if (sim > bestSim) {
        bestSim = sim;
        best = i;
      }
    });
    if (best >= 0) picked.add(best);
  }
  if (picked.size === 0) return null;
  return [...picked]
    .sort((a, b) => a - b)
    .map((i) => (nameWords[i] as string).replace(/[^\p{L}\p{N}']+$/u, ""))
    .join(" ");
}
