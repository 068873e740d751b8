/**
 * Scores a document's suggestions against the gold (gold.ts): what a reviewer would have had to
 * add by hand (recall) and what they would have had to reject (precision), per kind.
 *
 * - mentions: a linked mention is right when it overlaps a gold mention of the same actor;
 *   an ambiguous one (two candidates, not linked) counts as found only when its candidates
 *   include the right actor, and is counted apart;
 * - candidate actors: right when the name is a name or alias of an actor the reviewer would
 *   add; a candidate that is a known actor is counted apart (the goal is none);
 * - statements: found when the words overlap a gold claim's evidence or attribution; the
 *   speaker is right when it is the claim's claimant (or the actor it speaks for), or, for a
 *   claimant the atlas does not know, when it is named or described with the words this document
 *   uses for it (a back-reference such as "the official said" carries the description it stands for);
 * - dates: found when the span overlaps a gold date's; right when the EDTF is the same.
 */
import type { Actor } from "@atlas/schema";
import { nameKeys } from "../../names/tokens.js";
import { foldName } from "../../text/fold.js";
import type { Draft, ProposalOf } from "../types.js";
import type { Gold } from "./gold.js";

export interface Ratio {
  hit: number;
  of: number;
}

export interface Scores {
  mentions: { recall: Ratio; precision: Ratio; recallBeyondStates: Ratio; ambiguous: number };
  actors: { recall: Ratio; precision: Ratio; knownAsNew: string[]; kindRight: Ratio };
  statements: { recall: Ratio; speaker: Ratio; precision: Ratio };
  dates: { found: Ratio; right: Ratio };
  events: {
    recall: Ratio;
    kindRight: Ratio;
    dateRight: Ratio;
    participants: Ratio;
    corroborated: Ratio;
    /** Proposed corroborations that name an event the document tells on those words. */
    corroborationRight: Ratio;
    precision: Ratio;
  };
  relations: { recall: Ratio; precision: Ratio };
  claimLinks: { recall: Ratio; proposed: number };
  /** What was missed or wrong, for reading. */
  misses: { kind: string; text: string }[];
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/** The four actors most mentions name; the issue measures recall with and without them. */
export const STATES = new Set(["iraq", "iran", "united-states", "israel"]);

const nameKey = (name: string) => nameKeys(name).join(" ");

/** Does a proposed name name this actor (its name or an alias, as written or as a transliteration)? */
export function names(actor: Pick<Actor, "name" | "aliases">, name: string): boolean {
  const f = foldName(name);
  const k = nameKey(name);
  return [actor.name, ...actor.aliases.map((a) => a.name)].some((n) => foldName(n) === f || nameKey(n) === k);
}

/** What every part of the scoring reads: the gold, the document's suggestions, and where misses go. */
interface Scoring {
  gold: Gold;
  misses: Scores["misses"];
  quote: (s: { start: number; end: number }) => string;
  of: <K extends Draft["kind"]>(k: K) => Draft<ProposalOf<K>>[];
  /** Evidence in this document. */
  here: (e: { sourceId: string }) => boolean;
  actorsById: Map<string, Pick<Actor, "name" | "aliases"> & Partial<Pick<Actor, "evidence">>>;
  knownIds: Set<string>;
}

/** Mentions. */
function scoreMentions(s: Scoring): Scores["mentions"] {
  const { gold, misses, quote, of } = s;
  const mentions = of("mention");
  const linkedMentions = mentions.filter((m) => m.proposal.actorId !== null);
  const right = (g: { start: number; end: number; actorId: string }) =>
    mentions.some(
      (m) =>
        overlaps(m, g) &&
        (m.proposal.actorId === g.actorId ||
          (m.proposal.actorId === null && m.proposal.candidates.some((c) => c.actorId === g.actorId))),
    );
  let mHit = 0;
  let mHitBeyond = 0;
  let beyond = 0;
  for (const g of gold.mentions) {
    const ok = right(g);
    if (ok) mHit++;
    if (!STATES.has(g.actorId)) {
      beyond++;
      if (ok) mHitBeyond++;
    }
    if (!ok) misses.push({ kind: "mention missed", text: `${quote(g)} → ${g.actorId}` });
  }
  let mRight = 0;
  for (const m of linkedMentions) {
    if (gold.mentions.some((g) => overlaps(m, g) && g.actorId === m.proposal.actorId)) mRight++;
    else misses.push({ kind: "mention wrong", text: `${quote(m)} → ${m.proposal.actorId} (${m.proposal.rule})` });
  }
  return {
    recall: { hit: mHit, of: gold.mentions.length },
    precision: { hit: mRight, of: linkedMentions.length },
    recallBeyondStates: { hit: mHitBeyond, of: beyond },
    ambiguous: mentions.length - linkedMentions.length,
  };
}

/** Candidate actors. */
function scoreActors(s: Scoring): Scores["actors"] {
  const { gold, misses, of, actorsById } = s;
  const candidates = of("actor");
  const knownAsNew: string[] = [];
  let aRight = 0;
  let kindRight = 0;
  const foundNew = new Set<string>();
  for (const c of candidates) {
    const name = c.proposal.name;
    const isNew = gold.newActors.find(
      (a) => names(a, name) || gold.source.text.slice(c.proposal.nameSpan.start, c.proposal.nameSpan.end) === a.name,
    );
    if (isNew) {
      aRight++;
      foundNew.add(isNew.id);
      if (isNew.kind === c.proposal.actorKind) kindRight++;
      else misses.push({ kind: "actor kind", text: `${name}: ${c.proposal.actorKind}, not ${isNew.kind}` });
      continue;
    }
    const known = [...actorsById.entries()].find(
      ([id, a]) => names(a, name) && !gold.newActors.some((n) => n.id === id),
    );
    if (known && gold.mentions.some((g) => g.actorId === known[0])) knownAsNew.push(`${name} (${known[0]})`);
    misses.push({ kind: known ? "known actor proposed as new" : "actor wrong", text: name });
  }
  for (const a of gold.newActors)
    if (!foundNew.has(a.id)) misses.push({ kind: "actor missed", text: `${a.name} (${a.kind})` });
  return {
    recall: { hit: foundNew.size, of: gold.newActors.length },
    precision: { hit: aRight, of: candidates.length },
    knownAsNew,
    kindRight: { hit: kindRight, of: aRight },
  };
}

/** Statements. */
function scoreStatements(s: Scoring): Scores["statements"] {
  const { gold, misses, quote, of, actorsById, knownIds } = s;
  const statements = of("statement");
  let sHit = 0;
  let speaker = 0;
  const matched = new Set<Draft>();
  for (const claim of gold.claims) {
    const spans = [...claim.evidence, ...claim.attribution].filter((e) => e.sourceId === gold.source.id);
    const found = statements.find((s) => spans.some((e) => overlaps(s.proposal.evidence, e)));
    if (!found) {
      misses.push({
        kind: "statement missed",
        text: `${claim.claimantId}: ${quote(claim.evidence[0] as { start: number; end: number })}`,
      });
      continue;
    }
    sHit++;
    matched.add(found);
    const p = found.proposal;
    const claimant = actorsById.get(claim.claimantId);
    const who = [claim.claimantId, claim.onBehalfOfId].filter(Boolean);
    // A speaker the atlas does not know yet is right when it is named as the gold claimant is, or,
    // for a described one ("a security source"), when its words are the words that attribute the claim.
    const describedAt = [
      ...claim.attribution,
      ...(claimant && "evidence" in claimant ? (claimant as Actor).evidence : []),
    ].filter((e) => e.sourceId === gold.source.id);
    // A back-reference ("the official said") carries the description it stands for ("senior State
    // Department official"): right when those are the words this document describes the claimant with.
    const describedAs = (name: string) =>
      /\s/.test(name) &&
      describedAt.some((e) => gold.source.text.slice(e.start, e.end).toLowerCase().includes(name.toLowerCase()));
    const ok =
      (p.claimantId !== null && who.includes(p.claimantId)) ||
      (p.claimantId === null &&
        !knownIds.has(claim.claimantId) &&
        ((p.claimantName !== null && claimant !== undefined && names(claimant, p.claimantName)) ||
          describedAt.some((e) => overlaps(p.speakerSpan, e)) ||
          (p.claimantName !== null && describedAs(p.claimantName))));
    if (ok) speaker++;
    else
      misses.push({
        kind: "speaker wrong",
        text: `${p.claimantId ?? p.claimantName ?? p.speaker}, not ${claim.claimantId}: ${quote(p.evidence)}`,
      });
  }
  const sRight = statements.filter(
    (s) =>
      matched.has(s) ||
      gold.claims.some((c) =>
        [...c.evidence, ...c.attribution].some(
          (e) => e.sourceId === gold.source.id && overlaps(s.proposal.evidence, e),
        ),
      ),
  ).length;
  return {
    recall: { hit: sHit, of: gold.claims.length },
    speaker: { hit: speaker, of: sHit },
    precision: { hit: sRight, of: statements.length },
  };
}

/** Dates. */
function scoreDates(s: Scoring): Scores["dates"] {
  const { gold, misses, quote, of } = s;
  const dates = of("date");
  let dFound = 0;
  let dRight = 0;
  for (const g of gold.dates) {
    const d = dates.find((x) => overlaps(x, g));
    if (!d) {
      misses.push({ kind: "date missed", text: `${quote(g)} (${g.edtf})` });
      continue;
    }
    dFound++;
    if (d.proposal.time.edtf === g.edtf) dRight++;
    else misses.push({ kind: "date wrong", text: `${quote(g)}: ${d.proposal.time.edtf}, not ${g.edtf}` });
  }
  const resolvable = gold.dates.filter((g) => g.edtf !== null).length;
  return { found: { hit: dFound, of: gold.dates.length }, right: { hit: dRight, of: resolvable } };
}

/** Events: a suggestion whose sentence overlaps a gold event's words in this document. */
function scoreEvents(s: Scoring): Scores["events"] {
  const { gold, misses, quote, of, here, knownIds } = s;
  const eventDrafts = of("event");
  let eFound = 0;
  let kindOk = 0;
  let dateOk = 0;
  let partHit = 0;
  let partOf = 0;
  let corrHit = 0;
  let corrOf = 0;
  const usedEvents = new Set<Draft>();
  const onWords = (ev: Gold["events"][number]) =>
    eventDrafts.filter((x) => ev.evidence.filter(here).some((e) => overlaps(x.proposal.sentence, e)));
  // Of the suggestions on its words (a sentence may tell several happenings), the one that is it:
  // first every event that has its own (the same event or the same kind), then the others take
  // what is left, so a sentence's second happening does not take the suggestion that is the first.
  const ownSuggestion = new Map<string, Draft<ProposalOf<"event">>>();
  for (const ev of gold.events) {
    const on = onWords(ev);
    const d =
      on.find((x) => x.proposal.corroborates?.id === ev.id) ??
      on.find((x) => x.proposal.eventKind === ev.kind && !usedEvents.has(x));
    if (d) {
      ownSuggestion.set(ev.id, d);
      usedEvents.add(d);
    }
  }
  for (const ev of gold.events) {
    const spans = ev.evidence.filter(here);
    const held = gold.heldEvents.has(ev.id);
    if (held) corrOf++;
    const on = onWords(ev);
    const d = ownSuggestion.get(ev.id) ?? on.find((x) => !usedEvents.has(x)) ?? on[0];
    if (!d) {
      misses.push({ kind: "event missed", text: `${ev.kind}: ${quote(spans[0] as { start: number; end: number })}` });
      continue;
    }
    eFound++;
    usedEvents.add(d);
    const p = d.proposal;
    const same = p.corroborates?.id === ev.id;
    if (held && same) corrHit++;
    else if (held)
      misses.push({
        kind: "corroboration missed",
        text: `${ev.id} ← ${p.corroborates?.id ?? "new"}: ${quote(p.sentence)}`,
      });
    if (p.eventKind === ev.kind || same) kindOk++;
    else misses.push({ kind: "event kind", text: `${p.eventKind}, not ${ev.kind}: ${quote(p.sentence)}` });
    if (p.time?.edtf === ev.time.edtf || same) dateOk++;
    else
      misses.push({
        kind: "event date",
        text: `${p.time?.edtf ?? "none"}, not ${ev.time.edtf} (${ev.id}${p.time?.note ? `; ${p.time.note}` : ""}): ${quote(p.sentence)}`,
      });
    for (const part of ev.participants) {
      if (!knownIds.has(part.actorId)) continue;
      partOf++;
      if (p.participants.some((x) => x.actorId === part.actorId)) partHit++;
      else
        misses.push({ kind: "event participant missed", text: `${part.actorId} (${part.role}): ${quote(p.sentence)}` });
    }
  }
  // A corroboration proposed is right when the document tells that event on the suggestion's words:
  // the event's evidence, its counted dead, or a statement about it.
  const proposedCorr = eventDrafts.filter((d) => d.proposal.corroborates);
  let corrRight = 0;
  for (const d of proposedCorr) {
    const id = d.proposal.corroborates?.id;
    const ev = gold.events.find((e) => e.id === id);
    const words = [
      ...(ev?.evidence ?? []),
      ...(ev?.fatalities ?? []).flatMap((f) => f.evidence),
      ...gold.claims.filter((c) => id && c.about.eventIds.includes(id)).flatMap((c) => c.evidence),
    ];
    if (words.filter(here).some((e) => overlaps(d.proposal.sentence, e))) corrRight++;
    else
      misses.push({
        kind: "corroboration wrong",
        text: `${id} (${d.proposal.eventKind} ${d.proposal.time?.edtf ?? "undated"}; ${d.proposal.corroborates?.why.join("; ")}): ${quote(d.proposal.sentence)}`,
      });
  }
  const eRight = eventDrafts.filter(
    (d) =>
      usedEvents.has(d) ||
      gold.events.some((ev) => ev.evidence.filter(here).some((e) => overlaps(d.proposal.sentence, e))),
  ).length;
  return {
    recall: { hit: eFound, of: gold.events.length },
    kindRight: { hit: kindOk, of: eFound },
    dateRight: { hit: dateOk, of: eFound },
    participants: { hit: partHit, of: partOf },
    corroborated: { hit: corrHit, of: corrOf },
    corroborationRight: { hit: corrRight, of: proposedCorr.length },
    precision: { hit: eRight, of: eventDrafts.length },
  };
}

/** Relations: same ends (the atlas's actor, or a name of the gold actor) and the same or a near type. */
function scoreRelations(s: Scoring): Scores["relations"] {
  const { gold, misses, quote, of, here, actorsById } = s;
  const relationDrafts = of("relation");
  // Near: what one edit of the type fixes and the words allow either way ("Kataib Hezbollah commander X": one of its commanders, or the one).
  const NEAR: Record<string, string[]> = {
    leads: ["commands", "founded"],
    commands: ["leads", "member_of"],
    member_of: ["part_of", "employed_by", "commands"],
    part_of: ["member_of"],
    allied_with: ["linked_to"],
    linked_to: ["allied_with"],
  };
  const endIs = (end: { actorId: string | null; name: string }, id: string) =>
    end.actorId === id ||
    (end.actorId === null &&
      actorsById.get(id) !== undefined &&
      names(actorsById.get(id) as Pick<Actor, "name" | "aliases">, end.name));
  // A tie both ways by its meaning ("allied with", "linked to", kin) fits with its ends either way round.
  const SYMMETRIC = new Set(["allied_with", "linked_to", "kin_of"]);
  const relationFits = (d: Draft<ProposalOf<"relation">>, r: Gold["relations"][number]) =>
    (d.proposal.relationType === r.type || (NEAR[r.type] ?? []).includes(d.proposal.relationType)) &&
    ((endIs(d.proposal.from, r.fromId) && endIs(d.proposal.to, r.toId)) ||
      (SYMMETRIC.has(r.type) &&
        SYMMETRIC.has(d.proposal.relationType) &&
        endIs(d.proposal.from, r.toId) &&
        endIs(d.proposal.to, r.fromId)));
  let rHit = 0;
  for (const r of gold.relations) {
    if (relationDrafts.some((d) => relationFits(d, r))) rHit++;
    else
      misses.push({
        kind: "relation missed",
        text: `${r.fromId} ${r.type} ${r.toId}: ${quote(r.evidence.find(here) as { start: number; end: number })}`,
      });
  }
  let rRight = 0;
  for (const d of relationDrafts) {
    if (gold.relations.some((r) => relationFits(d, r))) rRight++;
    else misses.push({ kind: "relation wrong", text: `${d.label}: ${quote(d.proposal.evidence)}` });
  }
  return {
    recall: { hit: rHit, of: gold.relations.length },
    precision: { hit: rRight, of: relationDrafts.length },
  };
}

/** Claim links: a gold link between this document's claim and a held one, proposed on the statement. */
function scoreClaimLinks(s: Scoring): Scores["claimLinks"] {
  const { gold, misses, of, here } = s;
  const statements = of("statement");
  let linkHit = 0;
  for (const l of gold.claimLinks) {
    const claim = gold.claims.find((c) => c.id === l.claimId) ?? null;
    const spans = claim ? [...claim.evidence, ...claim.attribution].filter(here) : [];
    const st = statements.find((x) => spans.some((e) => overlaps(x.proposal.evidence, e)));
    const proposed = st
      ? (l.type === "supports" ? st.proposal.supports : st.proposal.contradicts).some((m) => m.id === l.otherId)
      : false;
    if (proposed) linkHit++;
    else misses.push({ kind: "claim link missed", text: `${l.claimId} ${l.type} ${l.otherId}` });
  }
  const linksProposed = statements.reduce((n, x) => n + x.proposal.supports.length + x.proposal.contradicts.length, 0);
  return { recall: { hit: linkHit, of: gold.claimLinks.length }, proposed: linksProposed };
}

export function score(
  gold: Gold,
  drafts: Draft[],
  actorsById: Map<string, Pick<Actor, "name" | "aliases"> & Partial<Pick<Actor, "evidence">>>,
  knownIds: Set<string>,
): Scores {
  const text = gold.source.text;
  // The drafts by kind, grouped once: each scorer reads its own kind's.
  const byKind = new Map<Draft["kind"], Draft[]>();
  for (const d of drafts) byKind.set(d.kind, [...(byKind.get(d.kind) ?? []), d]);
  const s: Scoring = {
    gold,
    misses: [],
    quote: (x) => text.slice(x.start, x.end).replace(/\s+/g, " ").slice(0, 120),
    of: <K extends Draft["kind"]>(k: K) => (byKind.get(k) ?? []) as Draft<ProposalOf<K>>[],
    here: (e) => e.sourceId === gold.source.id,
    actorsById,
    knownIds,
  };
  return {
    mentions: scoreMentions(s),
    actors: scoreActors(s),
    statements: scoreStatements(s),
    dates: scoreDates(s),
    events: scoreEvents(s),
    relations: scoreRelations(s),
    claimLinks: scoreClaimLinks(s),
    misses: s.misses,
  };
}

/** Adds ratios up across documents. */
export function total(all: Scores[]): Scores {
  const add = (f: (s: Scores) => Ratio): Ratio =>
    all.reduce((r, s) => ({ hit: r.hit + f(s).hit, of: r.of + f(s).of }), { hit: 0, of: 0 });
  return {
    mentions: {
      recall: add((s) => s.mentions.recall),
      precision: add((s) => s.mentions.precision),
      recallBeyondStates: add((s) => s.mentions.recallBeyondStates),
      ambiguous: all.reduce((n, s) => n + s.mentions.ambiguous, 0),
    },
    actors: {
      recall: add((s) => s.actors.recall),
      precision: add((s) => s.actors.precision),
      knownAsNew: all.flatMap((s) => s.actors.knownAsNew),
      kindRight: add((s) => s.actors.kindRight),
    },
    statements: {
      recall: add((s) => s.statements.recall),
      speaker: add((s) => s.statements.speaker),
      precision: add((s) => s.statements.precision),
    },
    dates: { found: add((s) => s.dates.found), right: add((s) => s.dates.right) },
    events: {
      recall: add((s) => s.events.recall),
      kindRight: add((s) => s.events.kindRight),
      dateRight: add((s) => s.events.dateRight),
      participants: add((s) => s.events.participants),
      corroborated: add((s) => s.events.corroborated),
      corroborationRight: add((s) => s.events.corroborationRight),
      precision: add((s) => s.events.precision),
    },
    relations: { recall: add((s) => s.relations.recall), precision: add((s) => s.relations.precision) },
    claimLinks: {
      recall: add((s) => s.claimLinks.recall),
      proposed: all.reduce((n, s) => n + s.claimLinks.proposed, 0),
    },
    misses: all.flatMap((s) => s.misses),
  };
}

export const pct = (r: Ratio) => (r.of === 0 ? "—" : `${((100 * r.hit) / r.of).toFixed(0)} %`);
export const fraction = (r: Ratio) => (r.of === 0 ? 1 : r.hit / r.of);
