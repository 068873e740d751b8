/**
 * A multi-pattern name matcher: finds every occurrence of any of many names in a text,
 * whole words only, leftmost-longest, on folded text (see text/fold.ts). It walks a trie
 * of folded names (keyed by character code) from each word start, so the work is linear in
 * the text for a fixed set of names: O(text length × longest name).
 */
import { fold, foldName } from "../text/fold.js";

export interface Pattern<T> {
  name: string;
  value: T;
}

/** "US", "PMF", "U.S.": an abbreviation in capitals matches only in capitals ("it wasn't us" is not the US). */
export const isAbbreviation = (name: string) => {
  const letters = name.replace(/[^\p{L}]/gu, "");
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
};
const capitalsMatch = (name: string, found: string) => !isAbbreviation(name) || found === found.toUpperCase();

export interface Match<T> {
  start: number;
  end: number;
  /** The pattern name that matched, as given. */
  name: string;
  value: T;
}

interface Node<T> {
  next: Map<number, Node<T>>;
  hits: Pattern<T>[];
}

const node = <T>(): Node<T> => ({ next: new Map(), hits: [] });

const APOSTROPHE = /['’ʼ`´]/;
const S = 115; // "s"

export class NameMatcher<T> {
  private readonly root: Node<T> = node();
  readonly size: number;

  constructor(patterns: Iterable<Pattern<T>>) {
    let size = 0;
    for (const p of patterns) {
      const key = foldName(p.name);
      if (key === "") continue;
      let n = this.root;
      for (let i = 0; i < key.length; i++) {
        const code = key.charCodeAt(i);
        let child = n.next.get(code);
        if (!child) {
          child = node();
          n.next.set(code, child);
        }
        n = child;
      }
      n.hits.push(p);
      size++;
    }
    this.size = size;
  }

  /**
   * Every whole-word occurrence, left to right; where names overlap, the longest wins and
   * the shorter names inside it are not reported. `accept` can veto a hit (e.g. an alias
   * scoped to other documents), in which case shorter names are tried.
   */
  find(text: string, accept: (p: Pattern<T>, start: number) => boolean = () => true): Match<T>[] {
    const { text: f, origin, word } = fold(text);
    const length = f.length;
    // "Haider’s": the folded text reads "haiders", but the name ends before the apostrophe.
    const possessive = (end: number) =>
      f.charCodeAt(end) === S && word[end + 1] !== 1 && APOSTROPHE.test(text[(origin[end] as number) - 1] ?? "");
    const matches: Match<T>[] = [];
    let i = 0;
    while (i < length) {
      if ((i > 0 && word[i - 1] === 1) || f.charCodeAt(i) === 32) {
        i++;
        continue;
      }
      let n: Node<T> | undefined = this.root;
      let best: { end: number; pattern: Pattern<T> } | null = null;
      for (let j = i; j < length && n; j++) {
        n = n.next.get(f.charCodeAt(j));
        if (!n || n.hits.length === 0) continue;
        const end = j + 1;
        if (end < length && word[end] === 1 && word[j] === 1 && !possessive(end)) continue;
        const start = origin[i] as number;
        const found = text.slice(start, (origin[j] as number) + 1);
        const pattern = n.hits.find((p) => accept(p, start) && capitalsMatch(p.name, found));
        if (pattern) best = { end, pattern };
      }
      if (!best) {
        i++;
        continue;
      }
      const start = origin[i] as number;
      const lastChar = origin[best.end - 1] as number;
      matches.push({ start, end: lastChar + 1, name: best.pattern.name, value: best.pattern.value });
      i = best.end;
    }
    return matches;
  }
}
