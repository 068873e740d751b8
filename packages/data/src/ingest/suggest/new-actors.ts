/**
 * New actors: the names the text gives that are no known actor, one candidate per name. Short
 * forms ("Calvert") are counted with the full name, and an acronym the document spells out ("AP"
 * beside "Associated Press") is the full name's short name.
 */
import { nameKeys } from "../../names/tokens.js";
import { foldName } from "../../text/fold.js";
import type { Draft, ProposalOf } from "../types.js";
import { ORG_WORDS } from "./kinds.js";
import type { KnownActors } from "./known-actors.js";
import { span } from "./labels.js";
import { acronymFits } from "./mentions.js";
import type { NameRun } from "./name-runs.js";
import { isEnglishWord } from "./nlp.js";
import { introducesKin, lastWordKey } from "./person-names.js";

/** An acronym a text may give a name in brackets: "PKK", "KDP", "K24". */
const ACRONYM_WORD = "\\p{Lu}[\\p{Lu}\\d]{1,7}";
/** The acronym in brackets right after a name ("the Kurdistan Workers Party (PKK)"): its group 1. */
export const DEFINED_ACRONYM = new RegExp(`^\\s*\\(\\s*(${ACRONYM_WORD})\\s*\\)`, "u");
const IS_ACRONYM = new RegExp(`^${ACRONYM_WORD}$`, "u");
/** A name of two or more capitalized words in brackets right after a name: its group 1. */
export const BRACKETED_NAME =
  /^\s*\(\s*((?:the\s+)?\p{Lu}[\p{L}’'-]*(?:\s+(?:of\s+(?:the\s+)?)?\p{Lu}[\p{L}’'-]*){1,5})\s*\)/u;

/** The acronyms a text gives names in brackets, with those names (read.ts's `defined`). */
type Defined = ReadonlyMap<string, { names: ReadonlySet<string> }>;

export interface Candidate {
  key: string;
  best: NameRun;
  count: number;
}

/** The key candidate names are told apart by: transliterations of one name are one candidate. */
export const candidateKey = (name: string) => nameKeys(name).join(" ") || foldName(name);

/**
 * The name a new actor is proposed under, for a name the text uses of it: the name itself, or the
 * surname a full name taught ("Kildani" → "Rayan al-Kildani"). `nameByKey` is `newActors`' map.
 */
export const candidateNamed = (name: string, nameByKey: Map<string, string>): string =>
  nameByKey.get(candidateKey(name)) ??
  (/\s/.test(name.trim()) ? undefined : nameByKey.get(candidateKey(lastWordKey(name)))) ??
  name;

/** Prefer the occurrence that says who the actor is: with a title or a role. */
const better = (a: NameRun, b: NameRun) =>
  Number(Boolean(b.role)) * 2 + Number(Boolean(b.title)) > Number(Boolean(a.role)) * 2 + Number(Boolean(a.title));

/** Counts one more occurrence of a name, keeping the occurrence that says most about who it is. */
export function addCandidate(candidates: Map<string, Candidate>, run: NameRun) {
  const key = candidateKey(run.name);
  const c = candidates.get(key);
  if (!c) candidates.set(key, { key, best: run, count: 1 });
  else {
    c.count++;
    if (better(c.best, run)) c.best = run;
  }
}

export interface NewActors {
  drafts: Draft<ProposalOf<"actor">>[];
  /** The name each candidate key (short forms and acronyms included) is proposed under. */
  nameByKey: Map<string, string>;
}

/**
 * Folds short forms and acronyms into their full names (removing them from `candidates`) and
 * drafts one actor per candidate left. `wordCounts` counts each word the names are made of.
 */
export function newActors(
  text: string,
  candidates: Map<string, Candidate>,
  wordCounts: Map<string, number>,
  known: KnownActors,
  defined: Defined,
  renamed: ReadonlyMap<string, string> = new Map(),
): NewActors {
  const shortForms = foldShortForms(candidates, known);
  const { acronyms, acronymOf } = foldAcronyms(candidates, defined, renamed);
  const truncated = foldTruncated(candidates);
  const drafts: Draft<ProposalOf<"actor">>[] = [];
  for (const c of candidates.values()) {
    const run = c.best;
    const last = lastWordKey(run.name);
    const shortNames: string[] = run.nickname ? [run.nickname] : [];
    let occurrences = c.count;
    for (const a of [...(acronyms.get(c) ?? []), ...(truncated.get(c) ?? [])]) {
      shortNames.push(a.best.name);
      occurrences += a.count;
    }
    if (shortForms.get(last) === c) {
      const written = run.name.split(/\s+/).at(-1) as string;
      // "al-Aboudi" in the full name is counted apart from "Aboudi" alone; "Calvert" is not.
      const alone = (wordCounts.get(last) ?? 0) - (foldName(written) === last ? c.count : 0);
      if (alone > 0) {
        shortNames.push(written.replace(/^(al|el|as|ash|ad|an|ar|at|az|ul)-/, ""));
        occurrences += alone;
      }
    }
    drafts.push(actorDraft(text, run, shortNames, occurrences));
  }
  const nameByKey = new Map<string, string>();
  for (const c of candidates.values()) nameByKey.set(c.key, c.best.name);
  for (const [last, c] of shortForms) nameByKey.set(candidateKey(last), c.best.name);
  for (const [key, c] of acronymOf) nameByKey.set(key, c.best.name);
  for (const [c, short] of truncated) for (const x of short) nameByKey.set(x.key, c.best.name);
  return { drafts, nameByKey };
}

/**
 * A person's surname counted with the full name; a one-word candidate that is such a short form
 * ("Aboudi told me") folded into it. Returns the full name of each short form.
 */
function foldShortForms(candidates: Map<string, Candidate>, known: KnownActors) {
  const shortForms = new Map<string, Candidate>();
  for (const c of candidates.values()) {
    if (c.key.includes(" ") && c.best.kind === "person") {
      const last = lastWordKey(c.best.name);
      if (!last || known.knownAs(last) !== null) continue;
      const alone = candidates.get(candidateKey(last));
      // "his brother, Haider": a one-word name introduced as someone's kin is a first name, not
      // the surname of a fuller name in the document ("Kifa Haider").
      if (alone && !alone.key.includes(" ") && alone.best.title && introducesKin(alone.best.title)) continue;
      if (alone && !alone.key.includes(" ")) candidates.delete(alone.key);
      else if (alone) continue;
      shortForms.set(last, c);
    }
  }
  return shortForms;
}

/**
 * "AP" beside "Associated Press", "CTS" beside "Counter-Terrorism Service": an acronym candidate
 * whose letters are the initials of one other candidate in the document is that candidate; so is
 * one the document gives in brackets after a name, whatever its letters ("the Kurdistan Workers
 * Party (PKK)", an acronym of its Kurdish name).
 */
function foldAcronyms(candidates: Map<string, Candidate>, defined: Defined, renamed: ReadonlyMap<string, string>) {
  const acronyms = new Map<Candidate, Candidate[]>();
  const acronymOf = new Map<string, Candidate>();
  const others = [...candidates.values()].filter((o) => o.key.includes(" ") && o.best.kind !== "person");
  for (const c of candidates.values()) {
    // "Saraya al-Salam (Peace Brigades)": the other name in brackets is the group's short name.
    const renamedFrom = renamed.get(c.key);
    const named = renamedFrom === undefined ? undefined : candidates.get(candidateKey(renamedFrom));
    if (named && named !== c && !acronymOf.has(named.key)) {
      acronyms.set(named, [...(acronyms.get(named) ?? []), c]);
      acronymOf.set(c.key, named);
      continue;
    }
    if (!IS_ACRONYM.test(c.best.name)) continue;
    const names = defined.get(c.best.name)?.names;
    const given = names ? others.filter((o) => names.has(o.best.name)) : [];
    const full = given.length > 0 ? given : others.filter((o) => acronymFits(c.best.name, o.best.name));
    if (full.length !== 1) continue;
    const into = full[0] as Candidate;
    acronyms.set(into, [...(acronyms.get(into) ?? []), c]);
    acronymOf.set(c.key, into);
  }
  for (const key of acronymOf.keys()) candidates.delete(key);
  return { acronyms, acronymOf };
}

/**
 * "Ezidxane Security" after "Ezidxane Security Forces": a name of two words or more that is an
 * organisation's name without its head word(s) is that organisation, said short.
 */
function foldTruncated(candidates: Map<string, Candidate>) {
  // Each organisation's name without one or more head words at its end, to the organisation.
  const shortOf = new Map<string, Candidate[]>();
  for (const o of candidates.values()) {
    if (o.best.kind === "person") continue;
    const words = o.best.name.split(" ");
    for (let n = words.length - 1; n >= 2 && ORG_WORDS.has(words[n] as string); n--) {
      const short = words.slice(0, n).join(" ");
      shortOf.set(short, [...(shortOf.get(short) ?? []), o]);
    }
  }
  const into = new Map<Candidate, Candidate[]>();
  for (const c of [...candidates.values()]) {
    // (Not a person: "Imam Ali" beside the "Imam Ali Brigades", "Abu Fadl al-Abbas" beside his
    // brigade; but a name typed a person that ends on an English word, "Ezidxane Security", is none.)
    if (
      c.best.kind === "person" &&
      (c.best.title || c.best.role || !isEnglishWord(c.best.name.split(" ").at(-1) ?? ""))
    )
      continue;
    const full = shortOf.get(c.best.name) ?? [];
    if (full.length !== 1) continue;
    const o = full[0] as Candidate;
    into.set(o, [...(into.get(o) ?? []), c]);
    candidates.delete(c.key);
  }
  return into;
}

function actorDraft(text: string, run: NameRun, shortNames: string[], occurrences: number): Draft<ProposalOf<"actor">> {
  const description = run.role
    ? `Described in the document as “${run.role}”.`
    : run.title
      ? `Named in the document as “${text.slice(run.start, run.nameEnd).replace(/\s+/g, " ")}”.`
      : `Named in the document as “${run.name}”.`;
  return {
    kind: "actor",
    start: run.start,
    end: run.end,
    quote: text.slice(run.start, run.end),
    label: `New actor? ${run.name} (${run.kind.replace("_", " ")}${run.title ? `, ${run.title}` : ""})`,
    proposal: {
      kind: "actor",
      name: run.name,
      nameSpan: span(text, { start: run.nameStart, end: run.nameEnd }),
      actorKind: run.kind,
      title: run.title,
      role: run.role,
      shortNames,
      occurrences,
      description,
    },
  };
}
