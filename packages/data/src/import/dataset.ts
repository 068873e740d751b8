/**
 * Planning the import of an atlas dataset (another atlas's `export --format json`). What the
 * atlas already holds is matched, not duplicated; what it does not hold comes in as it is; what
 * cannot be told for sure goes to review:
 *
 * - a source is the same document when its text's hash is; the file's evidence offsets then hold.
 * - a place is the same by id, else by name.
 * - an actor is the same when it has the same id and the name resolver links its name to it, or
 *   (another id) when the resolver finds exactly one actor of the same kind by its name or an
 *   alias as written (exact, or but for the article). Several candidates, a transliteration only,
 *   another kind, the same id under an unrelated name, or two actors of the file claiming one
 *   actor of the atlas: a candidate-actor suggestion, the candidates listed.
 * - an event is the same when it quotes the same words of the same document as one the atlas
 *   holds, or has the same id and retells it (corroborate.ts: a kind of the same family, dates
 *   that overlap, a participant or the place in common). One that only retells an event the atlas
 *   holds under another id is an event suggestion, proposed as further evidence for it.
 * - a relation or a claim is the same when it quotes the same words, or (a relation) joins the
 *   same actors with the same type, or (a claim) has the same id, speaker and statement.
 *
 * The same record adds its evidence, aliases, death tolls and participants to the atlas's;
 * nothing is overwritten. A new record whose id the atlas uses for another record gets a new id.
 * Records that refer to an actor in review wait (pending.ts) and come in when it is decided.
 */
import type { Actor, Alias, Dataset, Evidence } from "@atlas/schema";
import { inArray } from "drizzle-orm";
import type { Db } from "../db/client.js";
import * as t from "../db/schema/index.js";
import { heldEvents, heldPlaces } from "../ingest/held.js";
import { unique } from "../ingest/ids.js";
import { corroborated, family, type KnownEvent, overlap, tieWeights } from "../ingest/suggest/corroborate.js";
import type { ActorMatch, Match, NamedActor, Proposal, TextSpan } from "../ingest/types.js";
import { knownActors } from "../names/known.js";
import { actorNameEntries, type Candidate, NameResolver } from "../names/resolver.js";
import { foldName } from "../text/fold.js";
import { aliasScope } from "./accept.js";
import { keyOf } from "./pending.js";
import { detachClaim, detachEvent, ImportPlan, type LinkOut, type Now } from "./plan.js";
import { mapActor, mapClaim, mapEvent, mapMention, mapPlace, mapRelation, type RefMap } from "./refs.js";

type Decision = { to: "new"; id: string } | { to: "matched"; id: string } | { to: "review"; suggestionId: string };

const spanKey = (e: Pick<Evidence, "sourceId" | "start" | "end">) => `${e.sourceId}\u0000${e.start}\u0000${e.end}`;
const textSpan = (e: Evidence): TextSpan => ({ start: e.start, end: e.end, quote: e.quote });

/** What the atlas holds that an import is matched against. */
async function atlasState(db: Db) {
  const [sources, actors, places, events, relations, claims] = await Promise.all([
    db.select({ id: t.sources.id, hash: t.sources.hash }).from(t.sources),
    knownActors(db),
    heldPlaces(db),
    heldEvents(db),
    db
      .select({ id: t.relations.id, fromId: t.relations.fromId, type: t.relations.type, toId: t.relations.toId })
      .from(t.relations),
    db.select({ id: t.claims.id, claimantId: t.claims.claimantId, statement: t.claims.statement }).from(t.claims),
  ]);
  return { sources, actors, places, events, relations, claims };
}

/** Evidence the atlas holds in these documents, by span: which records quote the same words. */
async function spansIn(db: Db, sourceIds: string[]) {
  const index = new Map<string, { type: string; id: string }[]>();
  if (sourceIds.length === 0) return index;
  const rows = await db
    .select({
      subjectType: t.evidence.subjectType,
      subjectId: t.evidence.subjectId,
      sourceId: t.evidence.sourceId,
      start: t.evidence.start,
      end: t.evidence.end,
    })
    .from(t.evidence)
    .where(inArray(t.evidence.sourceId, sourceIds));
  for (const r of rows) {
    const k = spanKey(r);
    index.set(k, [...(index.get(k) ?? []), { type: r.subjectType, id: r.subjectId }]);
  }
  return index;
}

const RULE_WORDS: Partial<Record<Candidate["rule"], string>> = {
  exact: "the same name",
  spelling: "the same name but for the article",
  transliteration: "another transliteration",
  "arabic-script": "the name in Arabic script",
  acronym: "an acronym",
  paraphrase: "a paraphrase",
};

type Found = { actor: Actor; candidates: Map<string, Candidate>; sameId: boolean; sure: string | null };

/** What every step of the plan shares: the file, the atlas it is matched against, the plan so far. */
interface Planning {
  plan: ImportPlan;
  d: Dataset;
  importId: string;
  atlas: Awaited<ReturnType<typeof atlasState>>;
  /** Records matched so far (progress). */
  step: (n?: number) => void;
  nextSuggestion: (kind: string) => string;
  /** A new id for a record whose id the atlas (or the file) uses for another. */
  renamed: (collection: string, id: string, taken: (x: string) => boolean) => string;
}

/** Sources: the same text is the same document. */
async function matchSources(db: Db, run: Planning) {
  const { plan, d, atlas, step, renamed } = run;
  const byHash = new Map(atlas.sources.map((s) => [s.hash, s.id]));
  const sourceIds = new Set(atlas.sources.map((s) => s.id));
  const fileSourceIds = new Set(d.sources.map((s) => s.id));
  const src = new Map<string, string>();
  const matchedSources: string[] = [];
  for (const s of d.sources) {
    const same = byHash.get(s.hash);
    if (same) {
      src.set(s.id, same);
      matchedSources.push(same);
      plan.count(plan.matched, "sources");
    } else {
      const id = sourceIds.has(s.id) ? renamed("sources", s.id, (x) => sourceIds.has(x) || fileSourceIds.has(x)) : s.id;
      sourceIds.add(id);
      src.set(s.id, id);
      plan.count(plan.added, "sources");
    }
    step();
  }
  const sourceOnly: RefMap = (collection, id) => (collection === "source" ? (src.get(id) ?? id) : id);
  const fileSpans = (list: Evidence[]) => list.map((e) => ({ ...e, sourceId: src.get(e.sourceId) ?? e.sourceId }));
  for (const s of d.sources) {
    if (byHash.has(s.hash)) continue;
    plan.sources.push({
      ...s,
      id: src.get(s.id) as string,
      notes: s.notes.map((n) => ({ ...n, evidence: fileSpans(n.evidence) })),
    });
  }
  const shared = await spansIn(db, [...new Set(matchedSources)]);
  /** The one record of a type the atlas holds that quotes any of these spans; null for none or several. */
  const quotedBy = (type: string, spans: Evidence[]) => {
    const ids = new Set(
      spans.flatMap((e) => (shared.get(spanKey(e)) ?? []).filter((x) => x.type === type).map((x) => x.id)),
    );
    return ids.size === 1 ? ([...ids][0] as string) : null;
  };
  return { src, sourceOnly, fileSpans, shared, quotedBy };
}
type Sources = Awaited<ReturnType<typeof matchSources>>;

/** Places: by id, else by name. */
function matchPlaces(run: Planning) {
  const { plan, d, atlas, step } = run;
  const placeIds = new Set(atlas.places.map((p) => p.id));
  const placeByName = new Map<string, string>();
  for (const p of atlas.places) for (const n of [p.name, ...p.aliases]) placeByName.set(foldName(n), p.id);
  const place = new Map<string, string>();
  for (const p of d.places) {
    const same = placeIds.has(p.id) ? p.id : (placeByName.get(foldName(p.name)) ?? null);
    place.set(p.id, same ?? p.id);
    plan.count(same ? plan.matched : plan.added, "places");
    step();
  }
  return { place, placeIds };
}
type Places = ReturnType<typeof matchPlaces>;

/** Actors: the name resolver decides. */
function matchActors(run: Planning) {
  const { plan, d, atlas, step, nextSuggestion } = run;
  const atlasActors = new Map(atlas.actors.map((a) => [a.id, a]));
  const resolver = new NameResolver(actorNameEntries([...atlasActors.values()]));
  const known = (id: string) => {
    const a = atlasActors.get(id);
    return new Set(a ? [a.name, ...a.aliases.map((x) => x.name)].map((n) => n.toLowerCase()) : []);
  };
  const found: Found[] = d.actors.map((a) => {
    const candidates = new Map<string, Candidate>();
    const names = [a.name, ...a.aliases.filter((x) => x.sourceIds.length === 0).map((x) => x.name)];
    for (const n of names) {
      for (const c of resolver.resolve(n)) {
        const prev = candidates.get(c.actorId);
        if (!prev || c.confidence > prev.confidence) candidates.set(c.actorId, c);
      }
    }
    const same = atlasActors.get(a.id);
    let sure: string | null = null;
    if (same) {
      if (candidates.has(a.id) || known(a.id).has(a.name.toLowerCase())) sure = a.id;
    } else if (candidates.size === 1) {
      const [[id, c]] = [...candidates] as [[string, Candidate]];
      if ((c.rule === "exact" || c.rule === "spelling") && atlasActors.get(id)?.kind === a.kind) sure = id;
    }
    return { actor: a, candidates, sameId: Boolean(same), sure };
  });
  // One actor of the atlas claimed by two of the file: neither is sure.
  const claims = new Map<string, number>();
  for (const f of found) if (f.sure) claims.set(f.sure, (claims.get(f.sure) ?? 0) + 1);
  const actor = new Map<string, Decision>();
  const actorIds = new Set(atlasActors.keys());
  const fileActorIds = new Set(d.actors.map((a) => a.id));
  for (const f of found) {
    const a = f.actor;
    if (f.sure && claims.get(f.sure) === 1) {
      actor.set(a.id, { to: "matched", id: f.sure });
      plan.count(plan.matched, "actors");
    } else if (!f.sameId && f.candidates.size === 0) {
      actor.set(a.id, { to: "new", id: a.id });
      actorIds.add(a.id);
      plan.count(plan.added, "actors");
    } else {
      actor.set(a.id, { to: "review", suggestionId: nextSuggestion("actor") });
      plan.count(plan.suggested, "actor");
    }
    step();
  }
  const settledActor = (id: string) => {
    const dec = actor.get(id);
    return dec && dec.to !== "review" ? dec.id : null;
  };
  return { actor, found, atlasActors, known, actorIds, fileActorIds, settledActor };
}
type Actors = ReturnType<typeof matchActors>;

/** Events: the same words, or the same id retelling it; a retelling under another id is for review. */
function matchEvents(run: Planning, { fileSpans, quotedBy }: Sources, { place }: Places, { settledActor }: Actors) {
  const { plan, d, atlas, step, nextSuggestion, renamed } = run;
  const existingParticipants = new Set(
    atlas.events.flatMap((e) => e.participants.map((p) => `${e.id}\u0000${p.actorId}\u0000${p.role}`)),
  );
  const byFamily = new Map<string, KnownEvent[]>();
  for (const e of atlas.events) byFamily.set(e.kind, [...(byFamily.get(e.kind) ?? []), e]);
  const eventById = new Map(atlas.events.map((e) => [e.id, e]));
  const actorNames = new Map(atlas.actors.map((a) => [a.id, a.name]));
  const weights = tieWeights(atlas.actors, atlas.places);
  const event = new Map<string, Decision & { corroborates?: Match }>();
  const eventIds = new Set(eventById.keys());
  const fileEventIds = new Set(d.events.map((e) => e.id));
  for (const e of d.events) {
    const spans = fileSpans(e.evidence);
    const account = {
      kind: e.kind,
      time: e.time,
      participants: e.participants.flatMap((p) => {
        const actorId = settledActor(p.actorId);
        return actorId ? [{ actorId, role: p.role }] : [];
      }),
      placeId: e.placeId ? (place.get(e.placeId) ?? null) : null,
    };
    const quoted = quotedBy("event", spans);
    const same = eventById.get(e.id);
    if (quoted) {
      event.set(e.id, { to: "matched", id: quoted });
      plan.count(plan.matched, "events");
    } else if (
      same &&
      // The same id: the same event when of the same family and overlapping dates, or as titled.
      ((family(e.kind).includes(same.kind) && overlap(same.time, e.time)) ||
        (same.kind === e.kind && same.title === e.title))
    ) {
      event.set(e.id, { to: "matched", id: same.id });
      plan.count(plan.matched, "events");
    } else {
      const candidates = family(e.kind).flatMap((k) => byFamily.get(k) ?? []);
      const retells = corroborated(account, candidates, actorNames, weights);
      if (retells) {
        event.set(e.id, { to: "review", suggestionId: nextSuggestion("event"), corroborates: retells });
        plan.count(plan.suggested, "event");
      } else {
        const id = eventIds.has(e.id) ? renamed("events", e.id, (x) => eventIds.has(x) || fileEventIds.has(x)) : e.id;
        eventIds.add(id);
        event.set(e.id, { to: "new", id });
        plan.count(plan.added, "events");
      }
    }
    step();
  }
  return { event, eventIds, fileEventIds, existingParticipants };
}
type Events = ReturnType<typeof matchEvents>;

/** Claims: the same words, or the same id, speaker and statement. A claim whose speaker is in review waits. */
function matchClaims(run: Planning, { fileSpans, quotedBy }: Sources, { settledActor }: Actors) {
  const { plan, d, atlas, step, renamed } = run;
  const claimById = new Map(atlas.claims.map((c) => [c.id, c]));
  const claimIds = new Set(claimById.keys());
  const fileClaimIds = new Set(d.claims.map((c) => c.id));
  const claim = new Map<string, Decision | { to: "waiting" }>();
  for (const c of d.claims) {
    const claimant = settledActor(c.claimantId);
    const quoted = quotedBy("claim", fileSpans(c.evidence));
    const same = claimById.get(c.id);
    if (!claimant) {
      claim.set(c.id, { to: "waiting" });
      plan.count(plan.waiting, "claims");
    } else if (quoted || (same && same.claimantId === claimant && same.statement === c.statement)) {
      claim.set(c.id, { to: "matched", id: quoted ?? c.id });
      plan.count(plan.matched, "claims");
    } else {
      const id = claimIds.has(c.id) ? renamed("claims", c.id, (x) => claimIds.has(x) || fileClaimIds.has(x)) : c.id;
      claimIds.add(id);
      claim.set(c.id, { to: "new", id });
      plan.count(plan.added, "claims");
    }
    step();
  }
  return claim;
}

/** The atlas id of a record of the file, when it is settled now; null when it waits for review. */
function settledNow(
  { src }: Sources,
  { place }: Places,
  { settledActor }: Actors,
  { event }: Events,
  claim: ReturnType<typeof matchClaims>,
): Now {
  return (collection, id) => {
    switch (collection) {
      case "source":
        return src.get(id) ?? id;
      case "place":
        return place.get(id) ?? id;
      case "actor":
        return settledActor(id);
      case "event": {
        const dec = event.get(id);
        return dec && dec.to !== "review" ? dec.id : null;
      }
      case "claim": {
        const dec = claim.get(id);
        return dec && (dec.to === "new" || dec.to === "matched") ? dec.id : null;
      }
    }
  };
}

/** Links held back until both their ends are decided. */
function hold(plan: ImportPlan, links: LinkOut[]) {
  for (const l of links) plan.wait(l.item, l.needs);
  if (links.length > 0) plan.count(plan.waiting, "links", links.length);
}

/** Places and actors in: new as they are, the same adding their evidence and names. */
function addPlacesAndActors(
  run: Planning,
  { sourceOnly }: Sources,
  { place, placeIds }: Places,
  actors: Actors,
  now: Now,
) {
  const { plan, d, importId } = run;
  const { actor, found, atlasActors, known, actorIds, fileActorIds } = actors;
  const resolveNow: RefMap = (collection, id) => now(collection, id) ?? id;
  const mentionsOf = new Map<string, Dataset["mentions"]>();
  for (const m of d.mentions) mentionsOf.set(m.actorId, [...(mentionsOf.get(m.actorId) ?? []), m]);
  for (const p of d.places) {
    const id = place.get(p.id) as string;
    if (id === p.id && !placeIds.has(p.id)) plan.records.push({ type: "place", place: mapPlace(p, resolveNow) });
    else if (p.evidence.length > 0) plan.records.push({ type: "place", place: { ...mapPlace(p, resolveNow), id } });
  }
  for (const a of d.actors) {
    const dec = actor.get(a.id) as Decision;
    const mapped = mapActor(a, sourceOnly);
    const mentions = (mentionsOf.get(a.id) ?? []).map((m) => mapMention(m, sourceOnly));
    if (dec.to === "new") {
      plan.records.push({ type: "actor", actor: mapped, mentions });
    } else if (dec.to === "matched") {
      const target = atlasActors.get(dec.id) as NonNullable<ReturnType<typeof atlasActors.get>>;
      const names = known(dec.id);
      const rule = (found.find((f) => f.actor === a) as Found).candidates.get(dec.id)?.rule;
      const extra: Alias[] = [
        {
          name: a.name,
          kind: rule === "transliteration" ? ("transliteration" as const) : ("spelling" as const),
          sourceIds: aliasScope(
            a.name,
            mapped.evidence.map((e) => e.sourceId),
          ),
        },
        ...mapped.aliases,
      ].filter((x) => {
        const k = x.name.toLowerCase();
        if (names.has(k)) return false;
        names.add(k);
        return true;
      });
      plan.records.push({
        type: "actor",
        actor: {
          id: target.id,
          name: target.name,
          kind: target.kind as Actor["kind"],
          description: target.description,
          aliases: extra,
          evidence: mapped.evidence,
        },
        mentions: mentions.map((m) => ({ ...m, actorId: target.id })),
      });
    } else {
      const f = found.find((x) => x.actor === a) as Found;
      const candidates: ActorMatch[] = [
        ...(f.sameId && !f.candidates.has(a.id)
          ? [{ actorId: a.id, actorName: atlasActors.get(a.id)?.name ?? a.id, why: "the same id, under another name" }]
          : []),
        ...[...f.candidates.values()].map((c) => ({
          actorId: c.actorId,
          actorName: atlasActors.get(c.actorId)?.name ?? c.actorId,
          why: `${RULE_WORDS[c.rule] ?? c.rule} (“${c.name}”)${c.actorId === a.id ? ", the same id" : ""}${atlasActors.get(c.actorId)?.kind !== a.kind ? `, but a ${atlasActors.get(c.actorId)?.kind?.replace(/_/g, " ")}` : ""}`,
        })),
      ];
      const id = actorIds.has(a.id) ? unique(a.id, (x) => actorIds.has(x) || fileActorIds.has(x)) : a.id;
      actorIds.add(id);
      const first = mapped.evidence[0] as Evidence;
      const proposal: Proposal = {
        kind: "actor",
        name: a.name,
        nameSpan: textSpan(first),
        actorKind: a.kind,
        title: null,
        role: null,
        shortNames: a.aliases.map((x) => x.name),
        occurrences: mentions.filter((m) => m.sourceId === first.sourceId).length,
        description: a.description,
        imported: {
          importId,
          format: "json",
          externalId: a.id,
          waitsFor: [],
          record: { ...mapped, id },
          mentions,
          mergeInto: null,
          candidates,
        },
      };
      plan.suggestions.push({
        id: dec.suggestionId,
        sourceId: first.sourceId,
        kind: "actor",
        start: first.start,
        end: first.end,
        quote: first.quote,
        label: `${a.name} (${a.kind.replace(/_/g, " ")}) — the atlas may hold it as ${candidates.map((c) => c.actorName).join(" or ")}`,
        proposal,
      });
    }
  }
}

/** Events in: new as they are, the same adding this account; retellings for review. */
function addEvents(run: Planning, { sourceOnly, shared }: Sources, { actor }: Actors, events: Events, now: Now) {
  const { plan, d, importId } = run;
  const { event, eventIds, fileEventIds, existingParticipants } = events;
  for (const e of d.events) {
    const dec = event.get(e.id) as Decision & { corroborates?: Match };
    const fileEvent = mapEvent(e, sourceOnly);
    const { event: ev, links } = detachEvent(fileEvent, now, keyOf("event", e.id));
    hold(plan, links);
    if (dec.to === "new") plan.records.push({ type: "event", event: { ...ev, id: dec.id } });
    else if (dec.to === "matched") {
      const held = (x: Evidence) =>
        (shared.get(spanKey(x)) ?? []).some((q) => q.type === "fatality" && q.id.startsWith(`${dec.id}#`));
      plan.records.push({
        type: "event-evidence",
        eventId: dec.id,
        evidence: ev.evidence,
        // The same report (the same words) is not counted twice.
        fatalities: ev.fatalities.filter((f) => !f.evidence.some(held)),
        participants: ev.participants.filter(
          (p) => !existingParticipants.has(`${dec.id}\u0000${p.actorId}\u0000${p.role}`),
        ),
      });
    } else {
      const first = ev.evidence[0] as Evidence;
      const named = (id: string): NamedActor => {
        const dec2 = actor.get(id);
        const name = d.actors.find((x) => x.id === id)?.name ?? id;
        return dec2 && dec2.to === "review"
          ? { actorId: null, name, span: null, suggestionId: dec2.suggestionId }
          : { actorId: now("actor", id), name, span: null };
      };
      const proposal: Proposal = {
        kind: "event",
        eventKind: e.kind,
        trigger: "",
        title: e.title,
        summary: e.summary,
        sentence: textSpan(first),
        time: e.time,
        place: null,
        participants: fileEvent.participants.map((p) => ({ ...named(p.actorId), role: p.role })),
        fatalities: [],
        injuries: [],
        corroborates: dec.corroborates ?? null,
        confidence: 0.5,
        imported: {
          importId,
          format: "json",
          externalId: e.id,
          waitsFor: [],
          record: {
            ...ev,
            id: eventIds.has(e.id) ? unique(e.id, (x) => eventIds.has(x) || fileEventIds.has(x)) : e.id,
          },
        },
      };
      plan.suggestions.push({
        id: dec.suggestionId,
        sourceId: first.sourceId,
        kind: "event",
        start: first.start,
        end: first.end,
        quote: first.quote,
        label: `${e.title} — may be “${dec.corroborates?.title}”`,
        proposal,
      });
    }
  }
}

/** Relations in: the same words or the same tie add evidence; one with an end in review waits. */
function addRelations(run: Planning, { sourceOnly, quotedBy }: Sources, { settledActor }: Actors) {
  const { plan, d, atlas, step, renamed } = run;
  const relationIds = new Set(atlas.relations.map((r) => r.id));
  const fileRelationIds = new Set(d.relations.map((r) => r.id));
  const tie = new Map(atlas.relations.map((r) => [`${r.fromId}\u0000${r.type}\u0000${r.toId}`, r.id]));
  for (const r of d.relations) {
    const mapped = mapRelation(r, sourceOnly);
    const [from, to] = [settledActor(r.fromId), settledActor(r.toId)];
    if (!from || !to) {
      const waits = { fromKey: from ? null : keyOf("actor", r.fromId), toKey: to ? null : keyOf("actor", r.toId) };
      plan.wait(
        {
          kind: "relation",
          importedId: r.id,
          record: { ...mapped, fromId: from ?? r.fromId, toId: to ?? r.toId },
          ...waits,
        },
        [waits.fromKey, waits.toKey].filter((k): k is string => k !== null),
      );
      plan.count(plan.waiting, "relations");
    } else {
      const same = quotedBy("relation", mapped.evidence) ?? tie.get(`${from}\u0000${r.type}\u0000${to}`) ?? null;
      if (same) {
        plan.records.push({ type: "relation-evidence", relationId: same, evidence: mapped.evidence });
        plan.count(plan.matched, "relations");
      } else {
        const id = relationIds.has(r.id)
          ? renamed("relations", r.id, (x) => relationIds.has(x) || fileRelationIds.has(x))
          : r.id;
        relationIds.add(id);
        plan.records.push({ type: "relation", relation: { ...mapped, id, fromId: from, toId: to } });
        plan.count(plan.added, "relations");
      }
    }
    step();
  }
}

/** Claims in; one whose speaker is in review waits for it. */
function addClaims(run: Planning, { sourceOnly }: Sources, claim: ReturnType<typeof matchClaims>, now: Now) {
  const { plan, d } = run;
  for (const c of d.claims) {
    const dec = claim.get(c.id) as Decision | { to: "waiting" };
    const { claim: cl, links } = detachClaim(mapClaim(c, sourceOnly), now, keyOf("claim", c.id));
    if (dec.to === "waiting") {
      const claimantKey = keyOf("actor", c.claimantId);
      plan.wait({ kind: "claim", importedId: c.id, record: cl, claimantKey }, [claimantKey]);
      hold(plan, links);
    } else if (dec.to === "matched") {
      plan.records.push({ type: "claim", claim: { ...cl, id: dec.id } });
    } else if (dec.to === "new") {
      plan.records.push({ type: "claim", claim: { ...cl, id: dec.id } });
      hold(plan, links);
    }
  }
}

export async function planDataset(
  db: Db,
  d: Dataset,
  importId: string,
  onMatched: (done: number, plan: ImportPlan) => void = () => {},
): Promise<ImportPlan> {
  const plan = new ImportPlan();
  const atlas = await atlasState(db);
  plan.read.sources = d.sources.length;
  plan.read.actors = d.actors.length;
  plan.read.places = d.places.length;
  plan.read.relations = d.relations.length;
  plan.read.events = d.events.length;
  plan.read.claims = d.claims.length;
  plan.read.mentions = d.mentions.length;
  const total =
    d.sources.length + d.places.length + d.actors.length + d.events.length + d.relations.length + d.claims.length;
  let done = 0;
  const step = (n = 1) => {
    done += n;
    if (done % 500 === 0 || done === total) onMatched(done, plan);
  };
  const suggestionIds = new Map<string, number>();
  const nextSuggestion = (kind: string) => {
    const n = (suggestionIds.get(kind) ?? 0) + 1;
    suggestionIds.set(kind, n);
    return `${importId}.${kind}-${n}`;
  };
  const renamed = (collection: string, id: string, taken: (x: string) => boolean) => {
    const to = unique(id, taken);
    if (to !== id) plan.renamed.push({ collection, from: id, to });
    return to;
  };
  const run: Planning = { plan, d, importId, atlas, step, nextSuggestion, renamed };

  // What each record of the file is: the same as the atlas's, new, or for review.
  const sources = await matchSources(db, run);
  const places = matchPlaces(run);
  const actors = matchActors(run);
  const events = matchEvents(run, sources, places, actors);
  const claims = matchClaims(run, sources, actors);
  const now = settledNow(sources, places, actors, events, claims);

  // What goes in, and what waits.
  addPlacesAndActors(run, sources, places, actors, now);
  addEvents(run, sources, actors, events, now);
  addRelations(run, sources, actors);
  addClaims(run, sources, claims, now);

  // What the held-back items need that is settled now.
  for (const { needs } of plan.pending) {
    for (const key of needs) {
      const at = key.indexOf(":");
      const id = now(key.slice(0, at) as "actor" | "event" | "claim", key.slice(at + 1));
      if (id) plan.ids.set(key, id);
    }
  }
  onMatched(total, plan);
  return plan;
}
