/**
 * How long the whole suggestion pass takes on a news-length article when the atlas is large:
 * 10,000 synthetic actors with 50,000 aliases (Arabic-style names, so the transliteration keys
 * collide as real ones do) beside the curated ones, and articles of 2,500 to 20,000 words built
 * from the corpus's own sentences. Prints the time to build the name index once, then the time per
 * article (warm, median of 3) and how time grows with length: linear work keeps ms per 1,000 words
 * flat. A measurement, not a test.
 *
 *   npx tsx --conditions=@atlas/source bench/suggest-speed.ts
 */
import { buildDataset } from "../src/annotations/load.js";
import { suggest } from "../src/ingest/suggest/index.js";
import { analyze } from "../src/ingest/suggest/nlp.js";
import { actorNameEntries, NameResolver } from "../src/names/resolver.js";

const { dataset } = buildDataset();

/** A deterministic pseudo-random sequence (mulberry32). */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const next = random(42);
const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)] as T;
const ONSETS = ["b", "d", "f", "h", "j", "k", "kh", "l", "m", "n", "q", "r", "s", "sh", "t", "w", "z", "dh", "gh"];
const VOWELS = ["a", "i", "u", "aa", "ee", "ou", "e", "o"];
const syllable = () => pick(ONSETS) + pick(VOWELS);
const word = () => {
  const w = Array.from({ length: 2 + Math.floor(next() * 2) }, syllable).join("") + pick(["", "i", "ah", "an", "ir"]);
  return w[0]?.toUpperCase() + w.slice(1);
};
const GROUPS = ["Kataib", "Saraya", "Liwa", "Harakat", "Asaib"];

const synthetic = Array.from({ length: 10_000 }, (_, i) => {
  const person = i % 2 === 0;
  const name = person ? `${word()} al-${word()}` : `${pick(GROUPS)} ${word()} al-${word()}`;
  const aliases = Array.from({ length: 5 }, (_, k) => ({
    name: person ? `${word()} ${name.split(" ").at(-1)} ${k}` : `${name.split(" ").slice(1).join(" ")} ${word()}`,
    sourceIds: [] as string[],
  }));
  return { id: `synthetic-${i}`, name, kind: (person ? "person" : "armed_group") as "person" | "armed_group", aliases };
});
const actors = [...dataset.actors, ...synthetic];
const aliasCount = actors.reduce((n, a) => n + a.aliases.length, 0);

const pool = dataset.sources.flatMap((s) =>
  s.segments
    .filter((seg) => seg.role === "body")
    .flatMap((seg) => analyze(s.text, seg.start, seg.end).sentences.map((x) => s.text.slice(x.start, x.end))),
);
function article(words: number): string {
  const paragraphs: string[] = ["A synthetic article on Iraq's militias"];
  let count = 0;
  while (count < words) {
    const p = Array.from({ length: 3 }, () => pick(pool)).join(" ");
    paragraphs.push(p);
    count += p.split(/\s+/).length;
  }
  return paragraphs.join("\n\n");
}

const places = dataset.places.map((p) => ({ name: p.name, aliases: p.aliases }));
const published = { edtf: "2021-03-15", precision: "day" as const, basis: "explicit" as const };

let t0 = performance.now();
const resolver = new NameResolver(actorNameEntries(actors));
const indexMs = performance.now() - t0;
console.log(
  `atlas: ${actors.length.toLocaleString()} actors, ${aliasCount.toLocaleString()} aliases; name index built once in ${indexMs.toFixed(0)} ms (${resolver.size.toLocaleString()} names and rule-made forms)`,
);
analyze("Warm the model."); // loads the language model once (about half a second), as a running API has

console.log("words     chars   ms (median of 3)   ms per 1,000 words   suggestions");
const rows: { words: number; ms: number }[] = [];
for (const words of [2_500, 5_000, 10_000, 20_000]) {
  const text = article(words);
  const runs: number[] = [];
  let found = 0;
  for (let r = 0; r < 3; r++) {
    t0 = performance.now();
    const { drafts } = suggest({
      text,
      segments: [{ role: "body", start: 0, end: text.length, article: true }],
      published,
      actors,
      places,
      resolver,
    });
    runs.push(performance.now() - t0);
    found = drafts.length;
  }
  const ms = runs.sort((a, b) => a - b)[1] as number;
  rows.push({ words, ms });
  console.log(
    `${String(words).padEnd(8)}${String(text.length).padStart(7)}   ${ms.toFixed(0).padStart(8)}           ${((ms / words) * 1000).toFixed(1).padStart(8)}            ${found}`,
  );
}
const ten = rows.find((r) => r.words === 10_000) as { ms: number };
const first = rows[0] as { words: number; ms: number };
const last = rows.at(-1) as { words: number; ms: number };
console.log(
  `\n10,000 words: ${ten.ms.toFixed(0)} ms (target under 1,000 ms). ${last.words / first.words}× the words took ${(last.ms / first.ms).toFixed(2)}× the time (${last.words / first.words} is linear).`,
);
