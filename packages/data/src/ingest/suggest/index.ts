/**
 * The suggestion pipeline: known actors' mentions, candidate new actors, dated expressions and
 * attributed statements in a document's article text. Paragraph by paragraph (long ones cut
 * at line or sentence ends), so memory stays bounded and the work grows linearly with the
 * text; chrono-node in particular slows down on long inputs, so it only ever sees a sentence.
 */
import { describeTime, type Segment, type Time } from "@atlas/schema";
import { NameMatcher } from "../../mentions/matcher.js";
import { foldName } from "../../text/fold.js";
import type { Draft, ProposalOf } from "../types.js";
import { type DateHit, findDates, referenceOf, type Unresolved } from "./dates.js";
import { findNames, lastWordKey, type NameContext, type NameRun } from "./names.js";
import { sentences } from "./sentences.js";
import { findStatements, type KnownHit, quotations, type StatementContext, type StatementHit } from "./statements.js";

export interface SuggestInput {
  text: string;
  segments: Segment[];
  published: Time | null;
  actors: { id: string; name: string; aliases: { name: string; sourceIds: string[] }[] }[];
  places: { name: string; aliases: string[] }[];
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

export function suggest(input: SuggestInput): SuggestResult {
  const { text } = input;
  const matcher = new NameMatcher(
    input.actors.flatMap((a) => [
      { name: a.name, value: { actorId: a.id, sourceIds: [] as string[] } },
      ...a.aliases.map((alias) => ({ name: alias.name, value: { actorId: a.id, sourceIds: alias.sourceIds } })),
    ]),
  );
  const actorNames = new Map(input.actors.map((a) => [a.id, a.name]));
  const knownNames = new Map<string, string>();
  for (const a of input.actors) {
    knownNames.set(foldName(a.name), a.id);
    for (const alias of a.aliases) if (alias.sourceIds.length === 0) knownNames.set(foldName(alias.name), a.id);
  }
  const nameCtx: NameContext = {
    places: new Set(input.places.flatMap((p) => [p.name, ...p.aliases]).map(foldName)),
    wordCounts: new Map(),
  };
  const ref = referenceOf(input.published);
  const unresolved = new Map<Unresolved, number>();

  const mentions: Draft<ProposalOf<"mention">>[] = [];
  const dates: { hit: DateHit; sentence: [number, number] }[] = [];
  const statements: { hit: StatementHit; said: Time | null; about: string[] }[] = [];
  const candidates = new Map<string, Candidate>();

  const total = input.segments.filter((s) => s.article).reduce((n, s) => n + s.end - s.start, 0);
  let done = 0;
  let reported = 0;
  let lastSpeaker: StatementContext["lastSpeaker"] = null;
  let lastSpeakerWindow = -2;
  let windowIndex = -1;

  for (const w of windows(text, input.segments)) {
    windowIndex++;
    // Only a document's own mentions are found: aliases scoped to other documents never match.
    const hits = matcher.find(text.slice(w.start, w.end), (p) => p.value.sourceIds.length === 0);
    const known: KnownHit[] = [];
    for (const h of hits) {
      const start = w.start + h.start;
      const end = w.start + h.end;
      const actorName = actorNames.get(h.value.actorId) ?? h.value.actorId;
      known.push({ start, end, actorId: h.value.actorId });
      mentions.push({
        kind: "mention",
        start,
        end,
        quote: text.slice(start, end),
        label: `Mention of ${actorName}`,
        proposal: { kind: "mention", actorId: h.value.actorId, actorName, alias: h.name },
      });
    }
    const prose = w.role === "body" || w.role === "caption";
    const quotes = prose ? quotations(text, w.start, w.end) : [];
    if (windowIndex - lastSpeakerWindow > 1) lastSpeaker = null;
    let k = 0;
    for (const [s, e] of sentences(text, w.start, w.end)) {
      while (k < known.length && (known[k] as KnownHit).end <= s) k++;
      let kEnd = k;
      while (kEnd < known.length && (known[kEnd] as KnownHit).start < e) kEnd++;
      const inSentence = known.slice(k, kEnd);
      const sentenceText = text.slice(s, e);
      const found = findDates(sentenceText, s, ref, unresolved);
      for (const hit of found) dates.push({ hit, sentence: [s, e] });
      if (!prose) continue;
      const overlaps = (a: number, b: number) => inSentence.some((x) => x.start < b && a < x.end);
      for (const run of findNames(sentenceText, s, overlaps, nameCtx)) {
        const key = foldName(run.name);
        if (knownNames.has(key)) continue;
        const c = candidates.get(key);
        if (!c) candidates.set(key, { key, best: run, count: 1 });
        else {
          c.count++;
          if (better(c.best, run)) c.best = run;
        }
      }
      const ctx: StatementContext = { text, known: inSentence, quotes, lastSpeaker };
      for (const hit of findStatements(ctx, s, e)) {
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
              .map((x) => x.actorId),
          ),
        ];
        statements.push({ hit, said: near?.time ?? null, about });
      }
      if (ctx.lastSpeaker !== lastSpeaker) {
        lastSpeaker = ctx.lastSpeaker;
        lastSpeakerWindow = windowIndex;
      }
    }
    done += w.end - w.start;
    if (input.onProgress && (done - reported >= PROGRESS_STEP || done >= total)) {
      reported = done;
      input.onProgress(Math.min(done, total), total);
    }
  }

  // Candidate actors, one per name; short forms ("Calvert") counted with the full name.
  const shortForms = new Map<string, Candidate>();
  for (const c of candidates.values()) {
    if (c.key.includes(" ") && c.best.kind === "person") {
      const last = lastWordKey(c.best.name);
      if (last && !knownNames.has(last) && !candidates.has(last)) shortForms.set(last, c);
    }
  }
  const actorDrafts: Draft<ProposalOf<"actor">>[] = [];
  for (const c of candidates.values()) {
    const run = c.best;
    const last = lastWordKey(run.name);
    const shortNames: string[] = [];
    let occurrences = c.count;
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
  for (const [key, c] of shortForms) candidateByName.set(key, c.best.name);

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

  const statementDrafts: Draft<ProposalOf<"statement">>[] = statements.map(({ hit, said, about }) => {
    const { speaker } = hit;
    let claimantId = speaker.actorId;
    let claimantName = speaker.actorId ? (actorNames.get(speaker.actorId) ?? null) : speaker.name;
    if (!claimantId && speaker.name) {
      const key = foldName(speaker.name);
      claimantId =
        knownNames.get(key) ?? (key.includes(" ") ? null : (surnames.get(lastWordKey(speaker.name)) ?? null));
      if (claimantId) claimantName = actorNames.get(claimantId) ?? claimantName;
      else claimantName = candidateByName.get(key) ?? candidateByName.get(lastWordKey(speaker.name)) ?? speaker.name;
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
      },
    };
  });

  const warnings: string[] = [];
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
    drafts: [...mentions, ...actorDrafts.sort(byStart), ...dateDrafts, ...statementDrafts],
    warnings,
  };
}
