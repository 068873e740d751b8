/**
 * How well ingest's suggestions match a careful reading: the leave-one-document-out benchmark
 * (each curated document ingested into an atlas of the other four) and the development set of
 * real articles. Prints recall and precision per kind; `--misses` lists what was missed or wrong.
 *
 *   npx tsx --conditions=@atlas/source bench/suggest-quality.ts [--misses] [--only=<regex>]
 *   (--only: the documents whose source id matches, e.g. --only='dev-(2[89]|3[01])', summed in "all")
 */
import { developmentSet, leaveOneOut } from "../src/ingest/eval/run.js";
import { pct, type Scores, total } from "../src/ingest/eval/score.js";

const row = (name: string, s: Scores) =>
  [
    name.slice(0, 34).padEnd(34),
    pct(s.mentions.recall).padStart(6),
    pct(s.mentions.recallBeyondStates).padStart(6),
    pct(s.mentions.precision).padStart(6),
    pct(s.actors.recall).padStart(6),
    pct(s.actors.precision).padStart(6),
    String(s.actors.knownAsNew.length).padStart(5),
    pct(s.statements.recall).padStart(6),
    pct(s.statements.speaker).padStart(6),
    pct(s.dates.found).padStart(6),
    pct(s.dates.right).padStart(6),
  ].join(" ");
const header = [
  "document".padEnd(34),
  "m.rec".padStart(6),
  "m.rec*".padStart(6),
  "m.prec".padStart(6),
  "a.rec".padStart(6),
  "a.prec".padStart(6),
  "known".padStart(5),
  "s.rec".padStart(6),
  "s.spk".padStart(6),
  "d.fnd".padStart(6),
  "d.ok".padStart(6),
].join(" ");

const row2 = (name: string, s: Scores) =>
  [
    name.slice(0, 34).padEnd(34),
    pct(s.events.recall).padStart(6),
    pct(s.events.precision).padStart(6),
    pct(s.events.kindRight).padStart(6),
    pct(s.events.dateRight).padStart(6),
    pct(s.events.participants).padStart(6),
    `${s.events.corroborated.hit}/${s.events.corroborated.of}`.padStart(6),
    pct(s.events.corroborationRight).padStart(6),
    pct(s.relations.recall).padStart(6),
    pct(s.relations.precision).padStart(6),
    `${s.claimLinks.recall.hit}/${s.claimLinks.recall.of}`.padStart(6),
  ].join(" ");
const header2 = [
  "document".padEnd(34),
  "e.rec".padStart(6),
  "e.prec".padStart(6),
  "e.kind".padStart(6),
  "e.date".padStart(6),
  "e.part".padStart(6),
  "e.corr".padStart(6),
  "c.ok".padStart(6),
  "r.rec".padStart(6),
  "r.prec".padStart(6),
  "links".padStart(6),
].join(" ");

const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
const selected = only === undefined ? undefined : new RegExp(only);

function print(title: string, every: { sourceId: string; scores: Scores }[]) {
  const docs = selected ? every.filter((d) => selected.test(d.sourceId)) : every;
  if (docs.length === 0) return;
  console.log(`\n${title}`);
  console.log(header);
  for (const d of docs) console.log(row(d.sourceId, d.scores));
  const all = total(docs.map((d) => d.scores));
  console.log(row("all", all));
  console.log(header2);
  for (const d of docs) console.log(row2(d.sourceId, d.scores));
  console.log(row2("all", all));
  if (process.argv.includes("--misses")) {
    for (const m of all.misses) console.log(`  ${m.kind}: ${m.text}`);
  }
}

console.log(
  "e.rec/e.prec: events found / proposed events that are events; e.kind, e.date: kind and date right; e.part: known participants found; e.corr: events the atlas holds proposed as corroboration; c.ok: proposed corroborations that are right;\nr.rec/r.prec: relations; links: curated links to claims the atlas holds that the statements propose\n" +
    "m.rec: mentions of known actors found; m.rec*: the same leaving out Iraq, Iran, the US and Israel; m.prec: linked mentions right;\na.rec/a.prec: new actors a reviewer would add; known: known actors proposed as new; s.rec: statements found; s.spk: speaker right; d.fnd/d.ok: dates found / resolved right",
);
print("Leave one document out (each curated document against the other four)", leaveOneOut());
print("Development set (real articles never seen, against the whole curated atlas)", developmentSet());
