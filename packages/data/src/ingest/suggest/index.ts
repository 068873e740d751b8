/**
 * The suggestion pipeline: known actors' mentions, candidate new actors, dated expressions and
 * attributed statements in a document's article text. Paragraph by paragraph (long ones cut
 * at line or sentence ends), so memory stays bounded and the work grows linearly with the
 * text; chrono-node in particular slows down on long inputs, so it only ever sees a sentence.
 */
import {
  type ActorKind,
  type Alias,
  type AliasAttestation,
  describeTime,
  type EventKind,
  precisionOf,
  type RelationType,
  type Segment,
  type Stance,
  type Time,
} from "@atlas/schema";
import { actorNameEntries, NameResolver, type Candidate as Resolved } from "../../names/resolver.js";
import { nameKeys } from "../../names/tokens.js";
import { foldName } from "../../text/fold.js";
import type { Draft, ProposalOf } from "../types.js";
import { corroborated, placesIn, relationMatches } from "./corroborate.js";
import { type Anchor, DAYISH, type DateHit, findDates, referenceOf, type Unresolved } from "./dates.js";
import { blamedIn, type EventHit, eventTitle, findEvents, isSeries, nearestTime, retoldTimes } from "./events.js";
import { claimLinks } from "./links.js";
import { acronymFits, findKnownMentions } from "./mentions.js";
import { findNames, lastWordKey, type NameContext, type NameRun, nicknamed, stripTitles } from "./names.js";
import { analyze, isEnglishWord } from "./nlp.js";
import { findRelations, killedIn, type RelationHit } from "./relations.js";
import {
  actingPronouns,
  findStatements,
  type KnownHit,
  type NameHit,
  newMemory,
  quotations,
  remember,
  type StatementContext,
  type StatementHit,
} from "./statements.js";

export interface SuggestInput {
  text: string;
  segments: Segment[];
  published: Time | null;
  actors: {
    id: string;
    name: string;
    kind?: ActorKind;
    aliases: (Pick<Alias, "name" | "sourceIds"> &
      Partial<Pick<Alias, "kind">> & { outside?: AliasAttestation | null })[];
  }[];
  /** Events the atlas holds: a date may be counted from one ("three months after the strike"). */
  events?: {
    id: string;
    kind: EventKind;
    title: string;
    time: Time;
    participantIds: string[];
    placeId?: string | null;
  }[];
  /** Relations the atlas holds: a new one may be more evidence for one, or disagree with it. */
  relations?: { id: string; type: RelationType; fromId: string; toId: string; time: Time | null; former: boolean }[];
  /** Claims the atlas holds: a new statement may support or contradict one. */
  claims?: {
    id: string;
    claimantId: string;
    stance: Stance;
    statement: string;
    actorIds: string[];
    eventIds: string[];
  }[];
  /** A resolver already built for these actors (it is the costly part with many names); built here when absent. */
  resolver?: NameResolver;
  places: { id?: string; name: string; aliases: string[] }[];
  /** Characters analyzed so far, of the total. */
  onProgress?: (done: number, total: number) => void;
}

export interface SuggestResult {
  drafts: Draft[];
  warnings: string[];
}

/** Longest stretch analyzed at once. */
const WINDOW = 64 * 1024;
const PROGRESS_STEP = 256 * 1024;

/** Article segments, cut into windows of at most WINDOW characters at line or sentence ends. */
function* windows(text: string, segments: Segment[]): Generator<{ start: number; end: number; role: Segment["role"] }> {
  for (const seg of segments) {
    if (!seg.article || seg.role === "byline") continue;
    let s = seg.start;
    while (s < seg.end) {
      let e = Math.min(seg.end, s + WINDOW);
      if (e < seg.end) {
        const slice = text.slice(s, e);
        const cut = Math.max(slice.lastIndexOf("\n"), slice.lastIndexOf(". "), slice.lastIndexOf(" "));
        if (cut > WINDOW / 2) e = s + cut + 1;
      }
      yield { start: s, end: e, role: seg.role };
      s = e;
    }
  }
}

const short = (s: string, n = 80) => {
  const flat = s.replace(/\s+/g, " ").trim();
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
};
/** How far after a stated year (in characters) a month named alone is still read in that year. */
const NARRATIVE_REACH = 400;
/** How far after a stated day (in characters, a few paragraphs) a time of day said alone still falls on it. */
const TOLD_DAY_REACH = 1500;

/** A statement suggestion's title: who, whether they are a known actor yet, the stance and the words. */
export const statementLabel = (
  p: Pick<ProposalOf<"statement">, "claimantId" | "claimantName" | "speaker" | "stance" | "evidence">,
) =>
  `${p.claimantName ?? p.speaker}${p.claimantId ? "" : " (not a known actor)"} ${p.stance}: “${short(p.evidence.quote)}”`;

const span = (text: string, s: { start: number; end: number }) => ({
  start: s.start,
  end: s.end,
  quote: text.slice(s.start, s.end),
});

interface Candidate {
  key: string;
  best: NameRun;
  count: number;
}

/** Prefer the occurrence that says who the actor is: with a title or a role. */
const better = (a: NameRun, b: NameRun) =>
  Number(Boolean(b.role)) * 2 + Number(Boolean(b.title)) > Number(Boolean(a.role)) * 2 + Number(Boolean(a.title));

/** Words that name a kind of event, for "three months after the strike". */
const EVENT_WORDS: [RegExp, EventKind[]][] = [
  [/\b(air|drone|missile)?\s*strikes?\b|\bairstrikes?\b|\bbombardment\b/i, ["strike"]],
  [/\battacks?\b|\bbombings?\b|\bassault\b|\bambush\b/i, ["attack"]],
  [/\bkilling\b|\bassassination\b|\bdeath\b|\bmurder\b/i, ["killing", "strike", "death"]],
  [/\belections?\b|\bvote\b|\bpolls\b/i, ["election"]],
  [/\bprotests?\b|\bdemonstrations?\b/i, ["protest"]],
  [/\binvasion\b|\bwar\b|\bbattle\b|\boffensive\b|\bfall of\b/i, ["battle", "capture"]],
  [/\barrests?\b|\braids?\b|\bcapture\b|\bseizure\b/i, ["capture"]],
  [/\bsanctions?\b|\bdesignation\b/i, ["sanction"]],
  [/\bwithdrawal\b|\bdeal\b|\bagreement\b/i, ["policy"]],
  [/\bfounding\b|\bformation\b|\bcreation\b/i, ["founding"]],
];

/**
 * The atlas's events a phrase after "after"/"before" may name: one whose kind the phrase names
 * and one of whose participants it names too ("after the strike that killed Soleimani").
 */
function anchorsFor(
  events: NonNullable<SuggestInput["events"]>,
  mentions: { start: number; end: number; candidates: Resolved[] }[],
): Anchor[] {
  return events.map((e) => ({
    title: e.title,
    time: e.time,
    named: (phrase: string, at: number) => {
      if (!EVENT_WORDS.some(([word, kinds]) => word.test(phrase) && kinds.includes(e.kind))) return false;
      return mentions.some(
        (m) =>
          m.start >= at &&
          m.end <= at + phrase.length &&
          m.candidates.length === 1 &&
          e.participantIds.includes((m.candidates[0] as Resolved).actorId),
      );
    },
  }));
}

/** The honest bound for a happening the text does not date: by the time of publication. */
function byPublication(published: string): Time {
  const edtf = `../${(published.split("/").at(-1) ?? published).replace(/[~?%]/g, "")}`;
  return {
    edtf,
    precision: precisionOf(edtf),
    basis: "inferred",
    note: `The text gives no date near it: it happened by the time the document was published (${published}).`,
  };
}

/**
 * A happening dated "since October 17" happened between then and the time of writing: the open end
 * of the date is closed at the publication date.
 */
function untilPublication(time: Time, published: string | undefined): Time {
  if (!published || !time.edtf.endsWith("/..")) return time;
  const edtf = `${time.edtf.slice(0, -3)}/${(published.split("/").at(-1) ?? published).replace(/[~?%]/g, "")}`;
  return {
    ...time,
    edtf,
    precision: precisionOf(edtf),
    note: `${time.note ? `${time.note} ` : ""}Until the time of writing (${published}).`,
  };
}

/** The key candidate names are told apart by: transliterations of one name are one candidate. */
const candidateKey = (name: string) => nameKeys(name).join(" ") || foldName(name);

export function suggest(input: SuggestInput): SuggestResult {
  const { text } = input;
  const resolver = input.resolver ?? new NameResolver(actorNameEntries(input.actors));
  const actorsById = new Map(input.actors.map((a) => [a.id, a]));
  const actorNames = new Map(input.actors.map((a) => [a.id, a.name]));
  /** Who a name on its own is, when it is one known actor. */
  const knownAs = (name: string): string | null => {
    const c = resolver.resolve(name);
    return c.length === 1 ? (c[0] as Resolved).actorId : null;
  };
  /**
   * Is an acronym the initials of a known actor's name ("ISIL" for "Islamic State of Iraq and the
   * Levant")? Then it is no new actor, though nothing links it without the reviewer.
   */
  let initials: Set<string> | null = null;
  const initialsOfKnown = (name: string): boolean => {
    if (!/^\p{Lu}{2,6}$/u.test(name)) return false;
    initials ??= new Set(
      input.actors.flatMap((a) =>
        [a.name, ...a.aliases.map((x) => x.name)].flatMap((n) => {
          const ws = n.split(/[\s-]+/).filter((w) => /^\p{Lu}/u.test(w));
          return ws.length >= 2 ? [ws.map((w) => w[0]).join("")] : [];
        }),
      ),
    );
    return initials.has(name);
  };
  const nameCtx: NameContext = {
    places: new Set(input.places.flatMap((p) => [p.name, ...p.aliases]).map(foldName)),
    wordCounts: new Map(),
  };
  const ref = referenceOf(input.published);
  const unresolved = new Map<Unresolved, number>();

  const mentions: Draft<ProposalOf<"mention">>[] = [];
  const dates: { hit: DateHit; sentence: [number, number] }[] = [];
  const statements: { hit: StatementHit; said: Time | null; about: string[] }[] = [];
  const events: {
    hit: EventHit;
    sentence: [number, number];
    paragraphStart: number;
    dates: DateHit[];
    headline: boolean;
  }[] = [];
  const relations: RelationHit[] = [];
  const candidates = new Map<string, Candidate>();

  const total = input.segments.filter((s) => s.article).reduce((n, s) => n + s.end - s.start, 0);
  let done = 0;
  let reported = 0;
  const memory = newMemory();

  /** A mention suggestion: linked to its one candidate, or left for the reviewer to pick (`linked` null). */
  const mentionDraft = (
    m: { start: number; end: number; candidates: Resolved[] },
    linked: Resolved | null,
    why = "ambiguous",
  ): Draft<ProposalOf<"mention">> => {
    const first = m.candidates[0] as Resolved;
    const names = m.candidates.map((c) => actorNames.get(c.actorId) ?? c.actorId);
    return {
      kind: "mention",
      start: m.start,
      end: m.end,
      quote: text.slice(m.start, m.end),
      label: linked
        ? `Mention of ${names[0]}${linked.rule === "exact" ? "" : ` (${linked.rule.replace("-", " ")})`}`
        : `Mention of ${names.join(" or ")}? (${why})`,
      proposal: {
        kind: "mention",
        actorId: linked?.actorId ?? null,
        actorName: linked ? (names[0] as string) : null,
        alias: first.name,
        rule: first.rule,
        confidence: linked ? linked.confidence : Math.min(...m.candidates.map((c) => c.confidence)),
        candidates: m.candidates.map((c, i) => ({
          actorId: c.actorId,
          actorName: names[i] as string,
          alias: c.name,
          outside: c.origin === "outside",
          rule: c.rule,
          confidence: c.confidence,
        })),
      },
    };
  };

  const all = [...windows(text, input.segments)];
  const knownFound = findKnownMentions(text, all, resolver, actorsById);
  const anchors = anchorsFor(input.events ?? [], knownFound);
  let f = 0;
  // Across paragraphs (each a window): the day the text last stated, and the one the sentence just before did.
  let toldDay: { edtf: string; at: number } | null = null;
  let justBefore: string | undefined;
  for (const w of all) {
    const known: KnownHit[] = [];
    for (; f < knownFound.length && (knownFound[f] as (typeof knownFound)[number]).start < w.end; f++) {
      const m = knownFound[f] as (typeof knownFound)[number];
      const linked = m.candidates.length === 1 ? (m.candidates[0] as Resolved) : null;
      known.push({
        start: m.start,
        end: m.end,
        actorId: linked?.actorId ?? null,
        ...(linked ? { kind: actorsById.get(linked.actorId)?.kind } : {}),
      });
      mentions.push(mentionDraft(m, linked));
    }
    // Headlines speak too ("Military says…", "… it says").
    const prose = w.role === "body" || w.role === "caption" || w.role === "headline";
    // Quotation marks around a nickname inside a name are not speech.
    const nicknames = prose ? nicknamed(text.slice(w.start, w.end), w.start) : [];
    const quotes = prose
      ? quotations(text, w.start, w.end).filter((q) => !nicknames.some((n) => n.start < q.start && q.end < n.end))
      : [];
    const analysis = analyze(text, w.start, w.end);
    // The lemma of a verb right after a name ("Hamas said", "Israel struck"), skipping adverbs and auxiliaries.
    const verbs = new Map<number, string>();
    for (let i = 0; i < analysis.tokens.length; i++) {
      const t = analysis.tokens[i] as (typeof analysis.tokens)[number];
      if (t.pos !== "VERB") continue;
      let j = i - 1;
      while (j >= 0 && /^(ADV|AUX|PART)$/.test((analysis.tokens[j] as (typeof analysis.tokens)[number]).pos)) j--;
      // "Kataib Hezbollah on Tuesday threatened": a time phrase between the name and the verb.
      const before = analysis.tokens[j];
      if (before) verbs.set(before.end, t.lemma);
    }
    nameCtx.verbAfter = (end) => verbs.get(end) ?? null;
    nameCtx.isCommonWord = isEnglishWord;

    // The context each sentence's statements are read in: its own names and the quotations around it.
    const ctx: StatementContext = {
      text,
      tokens: analysis.tokens,
      known: [],
      names: [],
      quotes: [],
      memory,
      continued: new Set(),
    };
    let q = 0;
    let k = 0;
    let tellingOf: { year: number; month: number; at: number } | null = null;
    for (const sentence of analysis.sentences) {
      const { start: s, end: e } = sentence;
      while (k < known.length && (known[k] as KnownHit).end <= s) k++;
      let kEnd = k;
      while (kEnd < known.length && (known[kEnd] as KnownHit).start < e) kEnd++;
      let inSentence = known.slice(k, kEnd);
      const sentenceText = text.slice(s, e);
      const telling = tellingOf && s - tellingOf.at < NARRATIVE_REACH ? { narrative: tellingOf } : {};
      const found = findDates(
        sentenceText,
        s,
        ref
          ? {
              ...ref,
              ...telling,
              ...(toldDay && s - toldDay.at < TOLD_DAY_REACH ? { toldDay: toldDay.edtf } : {}),
              ...(justBefore ? { justBefore } : {}),
            }
          : ref,
        unresolved,
        anchors,
      );
      for (const hit of found) dates.push({ hit, sentence: [s, e] });
      // The day the text last stated: a time of day said alone, or "came two days after", counts from it.
      const day = found.findLast((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.time.edtf));
      if (day) toldDay = { edtf: day.time.edtf, at: e };
      justBefore = found.findLast((d) => DAYISH.test(d.time.edtf))?.time.edtf;
      // A stated year before the publication's: the year the text is telling of, for the sentences just after.
      const stated = found.findLast(
        (d) => d.time.basis === "explicit" && /^\d{4}-\d{2}/.test(d.time.edtf) && !d.time.edtf.includes("/"),
      );
      if (stated && ref && Number(stated.time.edtf.slice(0, 4)) < ref.year)
        tellingOf = { year: Number(stated.time.edtf.slice(0, 4)), month: Number(stated.time.edtf.slice(5, 7)), at: e };
      if (!prose) continue;
      const overlaps = (a: number, b: number) => inSentence.some((x) => x.start < b && a < x.end);
      const names: NameHit[] = [];
      // A headline in title case capitalizes every word: no evidence of a name there.
      const runs = w.role === "headline" ? [] : findNames(sentenceText, s, overlaps, nameCtx);
      for (const run of runs) {
        if (knownAs(run.name) !== null || initialsOfKnown(run.name)) continue;
        // "Qais al-Khalazi": a known person's name with a typing slip is offered as that person, not as someone new.
        const slips = run.kind === "person" ? resolver.nearMisses(run.name) : [];
        if (slips.length > 0)
          mentions.push(
            mentionDraft({ start: run.nameStart, end: run.nameEnd, candidates: slips }, null, "a near spelling"),
          );
        // "US" in "US Central Command" names the command, not the state: no mention of the state there.
        const swallowed = run.swallows;
        if (swallowed) {
          // The token is "U.S" where the mention is "U.S.": the mention that starts there, inside the name.
          const isIt = (x: { start: number; end: number }) => x.start === swallowed.start && x.end <= run.nameEnd;
          inSentence = inSentence.filter((x) => !isIt(x));
          const at = mentions.findIndex(isIt);
          if (at !== -1) mentions.splice(at, 1);
        }
        names.push({ start: run.nameStart, end: run.nameEnd, name: run.name, kind: run.kind });
        if (slips.length > 0) continue;
        const key = candidateKey(run.name);
        const c = candidates.get(key);
        if (!c) candidates.set(key, { key, best: run, count: 1 });
        else {
          c.count++;
          if (better(c.best, run)) c.best = run;
        }
      }
      while (q < quotes.length && (quotes[q] as { end: number }).end < s - 2) q++;
      let qEnd = q;
      while (qEnd < quotes.length && (quotes[qEnd] as { start: number }).start <= e + 2) qEnd++;
      ctx.known = inSentence;
      ctx.names = names;
      ctx.quotes = quotes.slice(q, qEnd);
      remember(memory, inSentence, names, text);
      const paragraphEnd = text.indexOf("\n\n", s);
      const said = findStatements(ctx, sentence, paragraphEnd === -1 || paragraphEnd > w.end ? w.end : paragraphEnd);
      // What happened, as the sentence reports it; someone's words about it make its doer alleged.
      const sentenceActors = [
        ...inSentence.map((x) => ({
          start: x.start,
          end: x.end,
          actorId: x.actorId,
          name: x.actorId ? (actorNames.get(x.actorId) ?? text.slice(x.start, x.end)) : text.slice(x.start, x.end),
          ...(x.kind ? { kind: x.kind } : {}),
        })),
        ...names.map((n) => ({ start: n.start, end: n.end, actorId: null, name: n.name, kind: n.kind })),
      ].sort((a, b) => a.start - b.start);
      relations.push(
        ...findRelations(
          text,
          sentenceActors,
          (name) => {
            const id = actorsById.has(name) ? name : knownAs(name);
            return id
              ? { start: 0, end: 0, actorId: id, name: actorNames.get(id) ?? name, kind: actorsById.get(id)?.kind }
              : null;
          },
          input.relations,
        ),
      );
      // "He was released in 2010": a pronoun that acts is the actor it stands for, as for "he said".
      const pronouns = actingPronouns(ctx, sentence).flatMap((p) =>
        p.actorId || p.name
          ? [
              {
                start: p.start,
                end: p.end,
                actorId: p.actorId,
                name: p.actorId ? (actorNames.get(p.actorId) ?? p.text) : (p.name as string),
                ...(p.kind ? { kind: p.kind } : {}),
              },
            ]
          : [],
      );
      const eventActors =
        pronouns.length > 0 ? [...sentenceActors, ...pronouns].sort((a, b) => a.start - b.start) : sentenceActors;
      const told = findEvents(sentence, analysis.tokens, text, eventActors, said, found.length > 0);
      const paragraphStart = Math.max(w.start, text.lastIndexOf("\n\n", s) + 2);
      // An event's time comes from a date in its paragraph (nearestTime): only those go with it.
      // A copy of every date found so far made memory grow with the square of the document's
      // length (a 15 MB document ran out of a 4 GB heap).
      let from = dates.length;
      while (from > 0 && (dates[from - 1] as (typeof dates)[number]).sentence[1] > paragraphStart) from--;
      const paragraphDates = dates
        .slice(from)
        .filter((d) => d.hit.start >= paragraphStart)
        .map((d) => d.hit);
      for (const event of told) {
        events.push({
          hit: event,
          sentence: [s, e],
          paragraphStart,
          dates: paragraphDates,
          headline: w.role === "headline" || w.role === "subtitle",
        });
        relations.push(...killedIn(event, { start: s, end: e }, text));
      }
      if (told.length === 0) {
        // "The US said Kataib Hezbollah was behind the attack": the blamed are alleged perpetrators of the event told just before.
        const told = events.at(-1);
        const blamed =
          told && told.sentence[1] >= paragraphStart - 2 ? blamedIn(sentence, text, sentenceActors, said) : [];
        for (const a of blamed) {
          if (!told?.hit.participants.some((p) => p.actorId !== null && p.actorId === a.actorId))
            told?.hit.participants.push({ ...a, role: "alleged_perpetrator" });
        }
      }
      for (const hit of said) {
        // "told me this week", "said in a February interview": a date just after the verb, outside the words claimed.
        const near = found.find(
          (d) =>
            d.start >= hit.verbAt.start &&
            d.end <= Math.max(hit.verbAt.end, hit.attribution.end) + 30 &&
            !(d.start < hit.evidence.end && hit.evidence.start < d.end),
        );
        const about = [
          ...new Set(
            inSentence
              .filter(
                (x) => x.start >= hit.evidence.start && x.end <= hit.evidence.end && x.actorId !== hit.speaker.actorId,
              )
              .flatMap((x) => (x.actorId ? [x.actorId] : [])),
          ),
        ];
        statements.push({ hit, said: near?.time ?? null, about });
      }
    }
    done += w.end - w.start;
    if (input.onProgress && (done - reported >= PROGRESS_STEP || done >= total)) {
      reported = done;
      input.onProgress(Math.min(done, total), total);
    }
  }

  // Candidate actors, one per name; short forms ("Calvert") counted with the full name, and a
  // one-word candidate that is such a short form ("Aboudi told me") folded into it.
  const shortForms = new Map<string, Candidate>();
  for (const c of candidates.values()) {
    if (c.key.includes(" ") && c.best.kind === "person") {
      const last = lastWordKey(c.best.name);
      if (!last || knownAs(last) !== null) continue;
      const alone = candidates.get(candidateKey(last));
      if (alone && !alone.key.includes(" ")) candidates.delete(alone.key);
      else if (alone) continue;
      shortForms.set(last, c);
    }
  }
  // "AP" beside "Associated Press", "CTS" beside "Counter-Terrorism Service": an acronym candidate
  // whose letters are the initials of one other candidate in the document is that candidate.
  const acronyms = new Map<Candidate, Candidate[]>();
  const acronymOf = new Map<string, Candidate>();
  for (const c of candidates.values()) {
    if (!/^\p{Lu}{2,6}$/u.test(c.best.name)) continue;
    const full = [...candidates.values()].filter(
      (o) => o.key.includes(" ") && o.best.kind !== "person" && acronymFits(c.best.name, o.best.name),
    );
    if (full.length !== 1) continue;
    const into = full[0] as Candidate;
    acronyms.set(into, [...(acronyms.get(into) ?? []), c]);
    acronymOf.set(c.key, into);
  }
  for (const key of acronymOf.keys()) candidates.delete(key);
  const actorDrafts: Draft<ProposalOf<"actor">>[] = [];
  for (const c of candidates.values()) {
    const run = c.best;
    const last = lastWordKey(run.name);
    const shortNames: string[] = run.nickname ? [run.nickname] : [];
    let occurrences = c.count;
    for (const a of acronyms.get(c) ?? []) {
      shortNames.push(a.best.name);
      occurrences += a.count;
    }
    if (shortForms.get(last) === c) {
      const written = run.name.split(/\s+/).at(-1) as string;
      // "al-Aboudi" in the full name is counted apart from "Aboudi" alone; "Calvert" is not.
      const alone = (nameCtx.wordCounts.get(last) ?? 0) - (foldName(written) === last ? c.count : 0);
      if (alone > 0) {
        shortNames.push(written.replace(/^(al|el|as|ash|ad|an|ar|at|az|ul)-/, ""));
        occurrences += alone;
      }
    }
    const description = run.role
      ? `Described in the document as “${run.role}”.`
      : run.title
        ? `Named in the document as “${text.slice(run.start, run.nameEnd).replace(/\s+/g, " ")}”.`
        : `Named in the document as “${run.name}”.`;
    actorDrafts.push({
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
    });
  }

  // "Hashem said" after "Captain Assam al-Hashem": a surname of an actor this document mentions.
  const mentioned = new Set(mentions.map((m) => m.proposal.actorId));
  const surnames = new Map<string, string | null>();
  for (const a of input.actors) {
    if (!mentioned.has(a.id)) continue;
    for (const name of [a.name, ...a.aliases.map((x) => x.name)]) {
      if (!name.includes(" ")) continue;
      const key = lastWordKey(name);
      surnames.set(key, surnames.has(key) && surnames.get(key) !== a.id ? null : a.id);
    }
  }
  const candidateByName = new Map<string, string>();
  for (const c of candidates.values()) candidateByName.set(c.key, c.best.name);
  for (const [last, c] of shortForms) candidateByName.set(candidateKey(last), c.best.name);
  for (const [key, c] of acronymOf) candidateByName.set(key, c.best.name);

  const placeFinder = placesIn(input.places);
  const stateIds = new Set(input.actors.filter((a) => a.kind === "state").map((a) => a.id));
  const accounts = events.map(({ hit, sentence, paragraphStart, dates: before, headline }) => {
    const near = nearestTime({ start: sentence[0], end: sentence[1] }, before, paragraphStart, hit.earlier);
    // A habit or a series its own sentence does not date is not dated by another sentence's day.
    const series = isSeries({
      kind: hit.kind,
      sentence: text.slice(sentence[0], sentence[1]),
      trigger: hit.trigger.text,
    });
    const when = near?.near === false && series ? null : near;
    const place = placeFinder(text, sentence[0], sentence[1]);
    return {
      kind: hit.kind,
      time: when ? untilPublication(when.time, ref?.edtf) : null,
      own: when?.near === true,
      // Who takes part as what ("the US" attacking is not "the US" attacked), and the place.
      keys: [
        ...hit.participants.map((x) => `${x.actorId ?? x.name}:${x.role.replace(/^alleged_/, "")}`),
        ...(place ? [place.placeId ?? place.name] : []),
      ],
      headline,
      sentence: text.slice(sentence[0], sentence[1]),
      trigger: hit.trigger.text,
      when,
      place,
    };
  });
  // A happening told again without a date takes the date of the account that gives one, saying so.
  const retold = new Map(
    [...retoldTimes(accounts)].map(([index, { time, from }]) => [
      index,
      {
        ...time,
        basis: "inferred" as const,
        note: `The sentence gives no date; another account of it in the document does: “${eventTitle((accounts[from] as (typeof accounts)[number]).sentence, (accounts[from] as (typeof accounts)[number]).trigger)}” (${time.edtf}).`,
      },
    ]),
  );
  const eventDrafts: Draft<ProposalOf<"event">>[] = events.map(({ hit, sentence }, index) => {
    const sentenceSpan = span(text, { start: sentence[0], end: sentence[1] });
    const { when, place } = accounts[index] as (typeof accounts)[number];
    const time: Time | null =
      (accounts[index] as (typeof accounts)[number]).time ??
      retold.get(index) ??
      (ref ? byPublication(ref.edtf) : null);
    const participants = hit.participants.map((x) => ({
      actorId: x.actorId,
      name: x.actorId ? (actorNames.get(x.actorId) ?? x.name) : x.name,
      span: span(text, x),
      role: x.role,
    }));
    const title = eventTitle(sentenceSpan.quote, hit.trigger.text);
    const match = corroborated(
      {
        kind: hit.kind,
        time,
        participantIds: participants.flatMap((x) => (x.actorId ? [x.actorId] : [])),
        placeId: place?.placeId ?? null,
      },
      input.events ?? [],
      actorNames,
      stateIds,
    );
    return {
      kind: "event",
      start: sentence[0],
      end: sentence[1],
      quote: sentenceSpan.quote,
      label: `${match ? "Another account of " : ""}${hit.kind.replace("_", " ")}: ${match ? match.title : title}`,
      proposal: {
        kind: "event",
        eventKind: hit.kind,
        trigger: hit.trigger.text,
        title,
        summary: sentenceSpan.quote.replace(/\s+/g, " ").trim(),
        sentence: sentenceSpan,
        time,
        place,
        participants,
        fatalities: hit.fatalities.map((f) => ({
          low: f.low,
          high: f.high,
          expression: f.expression,
          who: f.who,
          span: span(text, f),
        })),
        injuries: hit.injuries.map((x) => ({ words: x.words, span: span(text, x) })),
        corroborates: match,
        confidence:
          Math.round(
            (hit.confidence -
              (when?.near === false || retold.has(index) ? 0.05 : 0) -
              (when || retold.has(index) ? 0 : 0.1)) *
              100,
          ) / 100,
      },
    };
  });

  const relationDrafts: Draft<ProposalOf<"relation">>[] = relations.map((r) => {
    const named = (a: (typeof r)["from"]) => ({
      actorId: a.actorId,
      name: a.actorId ? (actorNames.get(a.actorId) ?? a.name) : a.name,
      span: a.end > a.start ? span(text, a) : null,
    });
    const from = named(r.from);
    const to = named(r.to);
    const { existing, conflicts } = relationMatches(r, input.relations ?? [], actorNames);
    const evidence = span(text, { start: r.start, end: r.end });
    return {
      kind: "relation",
      start: r.start,
      end: r.end,
      quote: evidence.quote,
      label: `${existing ? "More evidence: " : ""}${from.name} ${r.type.replace(/_/g, " ")} ${to.name}${r.role ? ` (${r.role})` : ""}`,
      proposal: {
        kind: "relation",
        relationType: r.type,
        from,
        to,
        role: r.role,
        time: null,
        former: r.former,
        pattern: r.pattern,
        evidence,
        existing,
        conflicts,
        confidence: r.confidence,
      },
    };
  });

  const dateDrafts: Draft<ProposalOf<"date">>[] = dates.map(({ hit, sentence }) => {
    const relative = hit.time.basis === "relative" ? `, ${hit.time.basis}` : "";
    return {
      kind: "date",
      start: hit.start,
      end: hit.end,
      quote: text.slice(hit.start, hit.end),
      label: `${describeTime(hit.time)} (${hit.time.precision}${relative}) — “${short(text.slice(hit.start, hit.end), 40)}”`,
      proposal: { kind: "date", time: hit.time, sentence: span(text, { start: sentence[0], end: sentence[1] }) },
    };
  });

  /**
   * The events the atlas holds that the sentence around `words` retells. Event drafts are in
   * document order, one sentence each, and sentences do not overlap: only the events of the last
   * sentence starting at or before the words can hold them, found by halving — a scan of every
   * event for every statement grew with the square of the document.
   */
  const corroboratedAround = (words: { start: number; end: number }): string[] => {
    let lo = 0;
    let hi = eventDrafts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((eventDrafts[mid] as (typeof eventDrafts)[number]).start <= words.start) lo = mid + 1;
      else hi = mid;
    }
    const sentenceStart = eventDrafts[lo - 1]?.start;
    const ids: string[] = [];
    for (let i = lo - 1; i >= 0 && (eventDrafts[i] as (typeof eventDrafts)[number]).start === sentenceStart; i--) {
      const x = eventDrafts[i] as (typeof eventDrafts)[number];
      if (words.end <= x.end && x.proposal.corroborates) ids.unshift(x.proposal.corroborates.id);
    }
    return ids;
  };

  const statementDrafts: Draft<ProposalOf<"statement">>[] = statements.map(({ hit, said, about }) => {
    const { speaker } = hit;
    let claimantId = speaker.actorId;
    let claimantName = speaker.actorId ? (actorNames.get(speaker.actorId) ?? null) : speaker.name;
    if (!claimantId && speaker.name && speaker.from !== "description") {
      const name = stripTitles(speaker.name) || speaker.name;
      claimantId = knownAs(name) ?? (name.includes(" ") ? null : (surnames.get(lastWordKey(name)) ?? null));
      if (claimantId) claimantName = actorNames.get(claimantId) ?? claimantName;
      else
        claimantName =
          candidateByName.get(candidateKey(name)) ??
          candidateByName.get(candidateKey(lastWordKey(name))) ??
          speaker.name;
    }
    const evidence = span(text, hit.evidence);
    const attribution = span(text, hit.attribution);
    return {
      kind: "statement",
      start: Math.min(evidence.start, attribution.start),
      end: Math.max(evidence.end, attribution.end),
      quote: text.slice(Math.min(evidence.start, attribution.start), Math.max(evidence.end, attribution.end)),
      label: statementLabel({ claimantId, claimantName, speaker: speaker.text, stance: hit.stance, evidence }),
      proposal: {
        kind: "statement",
        speaker: speaker.text,
        speakerSpan: span(text, speaker),
        speakerFrom: speaker.from,
        claimantId,
        claimantName,
        verb: hit.verb,
        stance: hit.stance,
        mode: hit.mode,
        statement: evidence.quote.replace(/\s+/g, " ").trim(),
        evidence,
        attribution,
        said,
        aboutActorIds: about,
        onBehalfOfId: speaker.onBehalfOfId && speaker.onBehalfOfId !== claimantId ? speaker.onBehalfOfId : null,
        via: hit.via ? { actorId: hit.via.actorId, name: hit.via.name, span: span(text, hit.via.span) } : null,
        confidence: hit.confidence,
        ...claimLinks(
          {
            claimantId,
            stance: hit.stance,
            statement: evidence.quote,
            actorIds: about,
            // The event the same sentence retells, when it is one the atlas holds.
            eventIds: corroboratedAround(hit.evidence),
          },
          input.claims ?? [],
          actorNames,
        ),
      },
    };
  });

  const warnings: string[] = [];
  const counted = unresolved.get("unknown-event") ?? 0;
  if (counted > 0) {
    warnings.push(
      `${counted} date${counted === 1 ? "" : "s"} counted from an event ("three months after the strike") left unresolved: the atlas holds no event the words name. Add the event, then review the date by hand.`,
    );
  }
  const noRef = unresolved.get("no-reference") ?? 0;
  const imprecise = unresolved.get("imprecise-reference") ?? 0;
  if (noRef > 0) {
    warnings.push(
      `${noRef} relative date expression${noRef === 1 ? "" : "s"} ("last June", "on Sunday"…) left unresolved: the document has no publication date. Give one (YYYY-MM-DD) to resolve them.`,
    );
  }
  if (imprecise > 0) {
    warnings.push(
      `${imprecise} relative date expression${imprecise === 1 ? "" : "s"} left unresolved: the publication date (${ref?.edtf}) is not precise enough for them.`,
    );
  }
  const byStart = (a: Draft, b: Draft) => a.start - b.start || a.end - b.end;
  return {
    drafts: [
      ...mentions,
      ...actorDrafts.sort(byStart),
      ...dateDrafts,
      ...statementDrafts,
      ...eventDrafts,
      ...relationDrafts,
    ],
    warnings,
  };
}
