/** Database rows for schema records: one mapping, used by the seed and by ingested records alike. */
import { type Actor, type Alias, type Claim, type Event, type Evidence, timeBounds } from "@atlas/schema";
import type * as t from "../db/schema/index.js";
import type { Subject } from "../db/schema/sources.js";
import { foldName } from "../text/fold.js";
import { nameInitials, nameKey } from "../text/name-key.js";

export const bounds = (time: { edtf: string } | null) => (time ? timeBounds(time) : { earliest: null, latest: null });

export const evidenceRows = (
  subjectType: Subject,
  subjectId: string,
  spans: Evidence[],
): (typeof t.evidence.$inferInsert)[] =>
  spans.map((e) => ({
    subjectType,
    subjectId,
    sourceId: e.sourceId,
    start: e.start,
    end: e.end,
    quote: e.quote,
    prefix: e.prefix ?? null,
    suffix: e.suffix ?? null,
  }));

export const actorRow = (
  a: Pick<Actor, "id" | "name" | "kind" | "description" | "aliases">,
): typeof t.actors.$inferInsert => ({
  id: a.id,
  name: a.name,
  nameFolded: foldName(a.name),
  nameKey: nameKey(a.name),
  initials: nameInitials(a.name),
  kind: a.kind,
  description: a.description,
  aliasesText: a.aliases.map((x) => x.name).join(" · "),
});

export const aliasRow = (actorId: string, x: Alias): typeof t.aliases.$inferInsert => ({
  actorId,
  name: x.name,
  nameFolded: foldName(x.name),
  nameKey: nameKey(x.name),
  initials: nameInitials(x.name),
  kind: x.kind,
  sourceIds: x.sourceIds,
});

export const eventRow = (e: Event): typeof t.events.$inferInsert => {
  const b = bounds(e.time);
  return {
    id: e.id,
    kind: e.kind,
    title: e.title,
    summary: e.summary,
    time: e.time,
    timeEdtf: e.time.edtf,
    timePrecision: e.time.precision,
    timeEarliest: b.earliest,
    timeLatest: b.latest,
    placeId: e.placeId,
    placeNote: e.placeNote,
    partOfId: e.partOfId,
    quotesText: e.evidence.map((q) => q.quote).join(" … "),
  };
};

export const claimRow = (c: Claim): typeof t.claims.$inferInsert => {
  const b = bounds(c.said);
  return {
    id: c.id,
    claimantId: c.claimantId,
    onBehalfOfId: c.onBehalfOfId,
    viaId: c.viaId,
    stance: c.stance,
    statement: c.statement,
    mode: c.mode,
    said: c.said,
    saidEarliest: b.earliest,
    saidLatest: b.latest,
    setting: c.setting,
    note: c.note,
    quotesText: c.evidence.map((e) => e.quote).join(" … "),
  };
};
