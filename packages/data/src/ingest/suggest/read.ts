/**
 * Reading a document once, window by window (paragraphs, long ones cut at line or sentence
 * ends) and sentence by sentence: the mentions of known actors, the names no known actor has, the
 * dates, statements, events and relations each sentence holds. Memory stays bounded and the work
 * grows linearly with the text; chrono-node in particular slows down on long inputs, so it only
 * ever sees a sentence. The findings are drafted afterwards, each kind by its own stage.
 */
import type { ActorKind, Segment } from "@atlas/schema";
import type { Candidate as Resolved } from "../../names/resolver.js";
import { foldName } from "../../text/fold.js";
import type { Draft, ProposalOf } from "../types.js";
import { anchorsFor } from "./anchors.js";
import { DAYISH } from "./date-context.js";
import type { Anchor, DateHit, Reference, Unresolved } from "./date-core.js";
import { findDates } from "./dates.js";
import type { ToldEvent } from "./event-drafts.js";
import { blamedIn, type EventActor, findEvents } from "./events.js";
import type { SuggestInput } from "./input.js";
import { killedIn } from "./killings.js";
import { knownKind } from "./kinds.js";
import type { KnownActors } from "./known-actors.js";
import { bodyBefore, remember, seenBefore } from "./memory.js";
import { mentionDraft } from "./mention-drafts.js";
import { acronymFits, findKnownMentions } from "./mentions.js";
import type { NameContext } from "./name-runs.js";
import { findNames } from "./names.js";
import { addCandidate, BRACKETED_NAME, type Candidate, candidateKey, DEFINED_ACRONYM } from "./new-actors.js";
import { type Analysis, analyze, isEnglishWord, type NlpSentence } from "./nlp.js";
import { nicknamed } from "./person-names.js";
import { OUTLET_WORD } from "./places-outlets.js";
import { quotations } from "./quotations.js";
import type { BackReferences, RelationActor, RelationHit } from "./relation-types.js";
import { findRelations } from "./relations.js";
import { dateline } from "./sentences.js";
import {
  type KnownHit,
  type Memory,
  type NameHit,
  newMemory,
  type Span,
  type Speaker,
  type StatementContext,
  type StatementHit,
} from "./speech.js";
import type { SaidStatement } from "./statement-drafts.js";
import { actingPronouns, findStatements } from "./statements.js";

export interface Findings {
  mentions: Draft<ProposalOf<"mention">>[];
  dates: { hit: DateHit; sentence: [number, number] }[];
  statements: SaidStatement[];
  events: ToldEvent[];
  relations: RelationHit[];
  /** Names no known actor has, one candidate per name. */
  candidates: Map<string, Candidate>;
  /** Counts of capitalized single words in the document, for spotting short forms. */
  wordCounts: Map<string, number>;
  /** Date expressions left unresolved, by why. */
  unresolved: Map<Unresolved, number>;
  /**
   * Acronyms the text gives a new name in brackets ("the Kurdistan Democratic Party (KDP)"): a name
   * of that kind from then on, and the candidate's short name.
   */
  defined: Map<string, { kind: ActorKind; names: Set<string> }>;
  /**
   * Names the text gives a new group's name in brackets ("Saraya al-Salam (Peace Brigades)"): each
   * other name's candidate key, to the name it was given for.
   */
  renamed: Map<string, string>;
}

/** Longest stretch analyzed at once. */
const WINDOW = 64 * 1024;
const PROGRESS_STEP = 256 * 1024;
/** How far after a stated year (in characters) a month named alone is still read in that year. */
const NARRATIVE_REACH = 400;
/** How far after a stated day (in characters, a few paragraphs) a time of day said alone still falls on it. */
const TOLD_DAY_REACH = 1500;

interface Window {
  start: number;
  end: number;
  role: Segment["role"];
}

/** Article segments, cut into windows of at most WINDOW characters at line or sentence ends. */
function* windows(text: string, segments: Segment[]): Generator<Window> {
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

/** What reading carries across windows. */
interface Reading {
  text: string;
  input: SuggestInput;
  known: KnownActors;
  ref: Reference | null;
  anchors: Anchor[];
  nameCtx: NameContext;
  memory: Memory;
  found: Findings;
  /** The day the text last stated, and the one the sentence just before did. */
  toldDay: { edtf: string; at: number; words: string } | null;
  justBefore: string | undefined;
}

/** What reading carries across the sentences of one window. */
interface WindowReading {
  w: Window;
  /** The known actors' mentions in the window, and the first not yet behind the sentence read. */
  known: KnownHit[];
  k: number;
  /** Headlines speak too ("Military says…", "… it says"). */
  prose: boolean;
  /** The window's quotations, and the first not yet behind the sentence read. */
  quotes: Span[];
  q: number;
  analysis: Analysis;
  /** The context each sentence's statements are read in: its own names and the quotations around it. */
  ctx: StatementContext;
  /** A stated year before the publication's: the year the text is telling of, for the sentences just after. */
  tellingOf: { year: number; month: number; at: number } | null;
}

export function readDocument(input: SuggestInput, known: KnownActors, ref: Reference | null): Findings {
  const { text } = input;
  const nameCtx: NameContext = {
    places: new Set(input.places.flatMap((p) => [p.name, ...p.aliases]).map(foldName)),
    wordCounts: new Map(),
    surnames: new Set(),
  };
  const found: Findings = {
    mentions: [],
    dates: [],
    statements: [],
    events: [],
    relations: [],
    candidates: new Map(),
    wordCounts: nameCtx.wordCounts,
    unresolved: new Map(),
    defined: new Map(),
    renamed: new Map(),
  };
  const all = [...windows(text, input.segments)];
  const knownFound = findKnownMentions(text, all, known.resolver, known.byId);
  const r: Reading = {
    text,
    input,
    known,
    ref,
    anchors: anchorsFor(input.events ?? [], knownFound),
    nameCtx,
    memory: newMemory(),
    found,
    toldDay: null,
    justBefore: undefined,
  };
  datelineAgencies(text, input.segments, known, found.candidates);
  const total = input.segments.filter((s) => s.article).reduce((n, s) => n + s.end - s.start, 0);
  let done = 0;
  let reported = 0;
  let f = 0;
  for (const w of all) {
    const inWindow: KnownHit[] = [];
    for (; f < knownFound.length && (knownFound[f] as (typeof knownFound)[number]).start < w.end; f++) {
      const m = knownFound[f] as (typeof knownFound)[number];
      const linked = m.candidates.length === 1 ? (m.candidates[0] as Resolved) : null;
      inWindow.push({
        start: m.start,
        end: m.end,
        actorId: linked?.actorId ?? null,
        ...(linked ? { kind: known.byId.get(linked.actorId)?.kind } : {}),
      });
      found.mentions.push(mentionDraft(text, known.names, m, linked));
    }
    readWindow(r, w, inWindow);
    done += w.end - w.start;
    if (input.onProgress && (done - reported >= PROGRESS_STEP || done >= total)) {
      reported = done;
      input.onProgress(Math.min(done, total), total);
    }
  }
  return found;
}

/**
 * The agency a wire dateline credits ("Jan. 4 (UPI) --"): the report is its, so it is a new actor
 * when the atlas does not know it. (A byline's people are the source's authors, not actors.)
 */
function datelineAgencies(text: string, segments: Segment[], known: KnownActors, candidates: Map<string, Candidate>) {
  for (const seg of segments) {
    if (!seg.article) continue;
    let lineStart = seg.start;
    for (const line of text.slice(seg.start, seg.end).split("\n")) {
      const at = lineStart;
      lineStart += line.length + 1;
      const agency = dateline(line)?.agency;
      if (!agency) continue;
      // (An agency's acronym or a known outlet; "BAGHDAD (Dispatches) --" names a section, and
      // "Kurdistan Regional Government (KRG) -" gives a name's acronym.)
      if ((knownKind(agency.name) !== "media" && !OUTLET_WORD.test(agency.name)) || known.knownAs(agency.name) !== null)
        continue;
      if (acronymFits(agency.name, line.slice(0, agency.at - 1))) continue;
      const start = at + agency.at;
      const end = start + agency.name.length;
      addCandidate(candidates, {
        start,
        end,
        nameStart: start,
        nameEnd: end,
        name: agency.name,
        title: null,
        role: null,
        kind: "media",
      });
    }
  }
}

function readWindow(r: Reading, w: Window, known: KnownHit[]) {
  const { text } = r;
  const prose = w.role === "body" || w.role === "caption" || w.role === "headline" || w.role === "subtitle";
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
  r.nameCtx.verbAfter = (end) => verbs.get(end) ?? null;
  r.nameCtx.isCommonWord = isEnglishWord;
  const win: WindowReading = {
    w,
    known,
    k: 0,
    prose,
    quotes,
    q: 0,
    analysis,
    ctx: { text, tokens: analysis.tokens, known: [], names: [], quotes: [], memory: r.memory, continued: new Set() },
    tellingOf: null,
  };
  // The day a wire dateline gives ("Jan. 4 (UPI) --") is a date the text states, though no sentence's.
  if (analysis.dateline) sentenceDates(r, win, { start: analysis.dateline[0], end: analysis.dateline[1] });
  for (const sentence of analysis.sentences) readSentence(r, win, sentence);
}

function readSentence(r: Reading, win: WindowReading, sentence: NlpSentence) {
  const { start: s, end: e } = sentence;
  while (win.k < win.known.length && (win.known[win.k] as KnownHit).end <= s) win.k++;
  let kEnd = win.k;
  while (kEnd < win.known.length && (win.known[kEnd] as KnownHit).start < e) kEnd++;
  const dates = sentenceDates(r, win, sentence);
  if (!win.prose) return;
  const { names, known } = sentenceNames(r, win, sentence, win.known.slice(win.k, kEnd));
  const said = sentenceStatements(r, win, sentence, known, names);
  // What happened, as the sentence reports it; someone's words about it make its doer alleged.
  const actors = sentenceActors(r, known, names);
  r.found.relations.push(
    ...findRelations(
      r.text,
      actors,
      (name) => {
        const id = r.known.byId.has(name) ? name : r.known.knownAs(name);
        return id
          ? { start: 0, end: 0, actorId: id, name: r.known.names.get(id) ?? name, kind: r.known.byId.get(id)?.kind }
          : null;
      },
      r.input.relations,
      backReferences(r, win),
      s,
    ),
  );
  sentenceEvents(
    r,
    win,
    sentence,
    actors,
    said,
    dates.some((d) => !d.near),
  );
  for (const hit of said) {
    // "told me this week", "said in a February interview": a date just after the verb, outside the words claimed.
    const near = dates.find(
      (d) =>
        d.start >= hit.verbAt.start &&
        d.end <= Math.max(hit.verbAt.end, hit.attribution.end) + 30 &&
        !(d.start < hit.evidence.end && hit.evidence.start < d.end),
    );
    const about = [
      ...new Set(
        known
          .filter(
            (x) => x.start >= hit.evidence.start && x.end <= hit.evidence.end && x.actorId !== hit.speaker.actorId,
          )
          .flatMap((x) => (x.actorId ? [x.actorId] : [])),
      ),
    ];
    r.found.statements.push({ hit, said: near?.time ?? null, about });
  }
}

/** What "his" or "the group's" stands for in a relation: the person or the body named last before it. */
function backReferences(r: Reading, win: WindowReading): BackReferences {
  const actor = (p: Speaker | null): RelationActor | null => {
    if (!p) return null;
    const name = (p.actorId ? r.known.names.get(p.actorId) : p.name) ?? p.text;
    return { start: p.start, end: p.end, actorId: p.actorId, name, ...(p.kind ? { kind: p.kind } : {}) };
  };
  return {
    person: (at) => actor(seenBefore(win.ctx.memory, at, (x) => x.sort === "person")),
    body: (at, noun) => actor(bodyBefore(win.ctx.memory, at, noun)),
    sanctioner: (at) => {
      for (let k = r.found.events.length - 1; k >= 0; k--) {
        const { hit } = r.found.events[k] as ToldEvent;
        if (hit.kind !== "sanction" || hit.trigger.start >= at) continue;
        const by = hit.participants.find((p) => p.role === "initiator");
        return by
          ? { start: by.start, end: by.end, actorId: by.actorId, name: by.name, ...(by.kind ? { kind: by.kind } : {}) }
          : null;
      }
      return null;
    },
  };
}

/** Words before a date that opens its sentence: "On February 21, 2020, …", "Early on Monday, …". */
const OPENS_SENTENCE = /^\W*(?:(?:early|late|earlier|later)\s+)?(?:on|in|by)?\s*$/i;

/** The sentence's dates, read against what the text has told so far; remembers what they tell. */
function sentenceDates(r: Reading, win: WindowReading, sentence: Pick<NlpSentence, "start" | "end">): DateHit[] {
  const { start: s, end: e } = sentence;
  const { ref, toldDay, justBefore } = r;
  const { tellingOf } = win;
  const telling = tellingOf && s - tellingOf.at < NARRATIVE_REACH ? { narrative: tellingOf } : {};
  const found = findDates(
    r.text.slice(s, e),
    s,
    ref
      ? {
          ...ref,
          ...telling,
          ...(toldDay && s - toldDay.at < TOLD_DAY_REACH ? { toldDay: toldDay.edtf, toldOf: toldDay.words } : {}),
          ...(justBefore ? { justBefore } : {}),
        }
      : ref,
    r.found.unresolved,
    r.anchors,
  );
  for (const hit of found) r.found.dates.push({ hit, sentence: [s, e] });
  // The day the text last stated: a time of day said alone, or "came two days after", counts from it.
  const day = found.findLast((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.time.edtf));
  if (day) r.toldDay = { edtf: day.time.edtf, at: e, words: r.text.slice(s, day.start) };
  // The time of a quotation that follows: the day the sentence opens with dates its main clause ("On
  // February 21, media reported that X, who was killed on January 3, …"), else its last day. A
  // footnote mark read as a sentence of its own ("[1]") states nothing and changes nothing.
  const days = found.filter((d) => DAYISH.test(d.time.edtf));
  const opening = days.find((d) => OPENS_SENTENCE.test(r.text.slice(s, d.start)));
  if (/\p{L}/u.test(r.text.slice(s, e))) r.justBefore = (opening ?? days.at(-1))?.time.edtf;
  const stated = found.findLast(
    (d) => d.time.basis === "explicit" && /^\d{4}-\d{2}/.test(d.time.edtf) && !d.time.edtf.includes("/"),
  );
  if (stated && ref && Number(stated.time.edtf.slice(0, 4)) < ref.year)
    win.tellingOf = { year: Number(stated.time.edtf.slice(0, 4)), month: Number(stated.time.edtf.slice(5, 7)), at: e };
  return found;
}

/**
 * The sentence's names that no known actor has: counted as candidate new actors, or offered as a
 * known person when they are a near spelling of one. Returns them with the sentence's known
 * mentions, less any a name swallows.
 */
function sentenceNames(
  r: Reading,
  win: WindowReading,
  sentence: NlpSentence,
  inSentence: KnownHit[],
): { names: NameHit[]; known: KnownHit[] } {
  const { start: s, end: e } = sentence;
  const { text, known, found } = r;
  let kept = inSentence;
  const overlaps = (a: number, b: number) => kept.some((x) => x.start < b && a < x.end);
  const names: NameHit[] = [];
  // A headline in title case capitalizes every word: no evidence of a name there.
  const runs = win.w.role === "headline" ? [] : findNames(text.slice(s, e), s, overlaps, r.nameCtx);
  for (const run of runs) {
    if (known.knownAs(run.name) !== null || known.initialsOfKnown(run.name)) continue;
    // "Qais al-Khalazi": a known person's name with a typing slip is offered as that person, not as someone new.
    const slips = run.kind === "person" ? known.resolver.nearMisses(run.name) : [];
    if (slips.length > 0)
      found.mentions.push(
        mentionDraft(
          text,
          known.names,
          { start: run.nameStart, end: run.nameEnd, candidates: slips },
          null,
          "a near spelling",
        ),
      );
    // "US" in "US Central Command" names the command, not the state: no mention of the state there.
    const swallowed = run.swallows;
    if (swallowed) {
      // The token is "U.S" where the mention is "U.S.": the mention that starts there, inside the name.
      const isIt = (x: { start: number; end: number }) => x.start === swallowed.start && x.end <= run.nameEnd;
      kept = kept.filter((x) => !isIt(x));
      const at = found.mentions.findIndex(isIt);
      if (at !== -1) found.mentions.splice(at, 1);
    }
    names.push({ start: run.nameStart, end: run.nameEnd, name: run.name, kind: run.kind });
    if (slips.length === 0) addCandidate(found.candidates, run);
    // "Saraya al-Salam (Peace Brigades)": a group's other name in brackets is that group's.
    const other =
      run.kind !== "person" ? BRACKETED_NAME.exec(text.slice(run.nameEnd, run.nameEnd + 80))?.[1] : undefined;
    if (other) found.renamed.set(candidateKey(other), run.name);
    const acronym = DEFINED_ACRONYM.exec(text.slice(run.nameEnd, run.nameEnd + 14))?.[1];
    if (acronym && known.knownAs(acronym) === null) {
      const names = found.defined.get(acronym)?.names ?? new Set<string>();
      found.defined.set(acronym, { kind: run.kind, names: names.add(run.name) });
    }
  }
  // "the Kurdistan Democratic Party (KDP) … Zebari, a KDP member": the acronym names it from then on.
  for (const [acronym, { kind }] of found.defined) {
    for (let at = text.indexOf(acronym, s); at !== -1 && at < e; at = text.indexOf(acronym, at + 1)) {
      const end = at + acronym.length;
      if (/[\p{L}\p{N}]/u.test(text[at - 1] ?? "") || /[\p{L}\p{N}]/u.test(text[end] ?? "")) continue;
      // (Not the brackets that define it.)
      if (/\(\s*$/.test(text.slice(Math.max(0, at - 3), at)) && /^\s*\)/.test(text.slice(end, end + 3))) continue;
      if (overlaps(at, end) || names.some((n) => n.start < end && at < n.end)) continue;
      names.push({ start: at, end, name: acronym, kind });
      addCandidate(found.candidates, {
        start: at,
        end,
        nameStart: at,
        nameEnd: end,
        name: acronym,
        title: null,
        role: null,
        kind,
      });
    }
  }
  names.sort((a, b) => a.start - b.start);
  return { names, known: kept };
}

/** Who says what in the sentence, read with its names and the quotations around it. */
function sentenceStatements(
  r: Reading,
  win: WindowReading,
  sentence: NlpSentence,
  known: KnownHit[],
  names: NameHit[],
): StatementHit[] {
  const { start: s, end: e } = sentence;
  const { quotes } = win;
  while (win.q < quotes.length && (quotes[win.q] as Span).end < s - 2) win.q++;
  let qEnd = win.q;
  while (qEnd < quotes.length && (quotes[qEnd] as Span).start <= e + 2) qEnd++;
  win.ctx.known = known;
  win.ctx.names = names;
  win.ctx.quotes = quotes.slice(win.q, qEnd);
  remember(r.memory, known, names, r.text);
  const paragraphEnd = r.text.indexOf("\n\n", s);
  return findStatements(win.ctx, sentence, paragraphEnd === -1 || paragraphEnd > win.w.end ? win.w.end : paragraphEnd);
}

/** The sentence's actors, known and named, in text order. */
function sentenceActors(r: Reading, known: KnownHit[], names: NameHit[]): EventActor[] {
  const { text } = r;
  return [
    ...known.map((x) => ({
      start: x.start,
      end: x.end,
      actorId: x.actorId,
      name: x.actorId ? (r.known.names.get(x.actorId) ?? text.slice(x.start, x.end)) : text.slice(x.start, x.end),
      ...(x.kind ? { kind: x.kind } : {}),
    })),
    ...names.map((n) => ({ start: n.start, end: n.end, actorId: null, name: n.name, kind: n.kind })),
  ].sort((a, b) => a.start - b.start);
}

/**
 * The happenings the sentence tells, each with the dates of its paragraph; or, when it tells
 * none, those it blames for the happening told just before ("The US said Kataib Hezbollah was
 * behind the attack"): alleged perpetrators of it.
 */
function sentenceEvents(
  r: Reading,
  win: WindowReading,
  sentence: NlpSentence,
  actors: EventActor[],
  said: StatementHit[],
  dated: boolean,
) {
  const { text, found } = r;
  const { start: s, end: e } = sentence;
  // "He was released in 2010": a pronoun that acts is the actor it stands for, as for "he said".
  const pronouns = actingPronouns(win.ctx, sentence).flatMap((p) =>
    p.actorId || p.name
      ? [
          {
            start: p.start,
            end: p.end,
            actorId: p.actorId,
            name: p.actorId ? (r.known.names.get(p.actorId) ?? p.text) : (p.name as string),
            ...(p.kind ? { kind: p.kind } : {}),
          },
        ]
      : [],
  );
  const eventActors = pronouns.length > 0 ? [...actors, ...pronouns].sort((a, b) => a.start - b.start) : actors;
  const told = findEvents(sentence, win.analysis.tokens, text, eventActors, said, dated);
  const paragraphStart = Math.max(win.w.start, text.lastIndexOf("\n\n", s) + 2);
  // An event's time comes from a date in its paragraph (nearestTime): only those go with it.
  // A copy of every date found so far made memory grow with the square of the document's
  // length (a 15 MB document ran out of a 4 GB heap).
  const { dates } = found;
  let from = dates.length;
  while (from > 0 && (dates[from - 1] as (typeof dates)[number]).sentence[1] > paragraphStart) from--;
  const paragraphDates = dates
    .slice(from)
    .filter((d) => d.hit.start >= paragraphStart)
    .map((d) => d.hit);
  for (const event of told) {
    found.events.push({
      hit: event,
      sentence: [s, e],
      paragraphStart,
      dates: paragraphDates,
      headline: win.w.role === "headline" || win.w.role === "subtitle",
    });
    found.relations.push(...killedIn(event, { start: s, end: e }, text));
  }
  if (told.length > 0) return;
  const before = found.events.at(-1);
  const blamed = before && before.sentence[1] >= paragraphStart - 2 ? blamedIn(sentence, text, actors, said) : [];
  for (const a of blamed) {
    if (!before?.hit.participants.some((p) => p.actorId !== null && p.actorId === a.actorId))
      before?.hit.participants.push({ ...a, role: "alleged_perpetrator" });
  }
}
