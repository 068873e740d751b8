/**
 * The review of suggestions, the pure part, in one place for every screen: what each kind is
 * called, which fields a reviewer may edit, the values accepting would use (the proposal with the
 * reviewer's edit on top), who a statement's speaker or an event's participant turns out to be,
 * and what accepting would create. The server accepts through it; the API returns each
 * suggestion with its effective values and preview; the web app and the terminal only render.
 *
 * No database here: lookups the server has (is this name an actor yet?) are passed in, so this
 * module can be imported by the web app without a database driver (`@atlas/data/review`).
 */
import { ActorKind, AliasKind, EventKind, ParticipantRole, RelationType, Stance, Time } from "@atlas/schema";
import { z } from "zod";
import { refsInUse } from "../import/refs.js";
import type {
  NamedActor,
  Proposal,
  ProposalOf,
  SuggestionEdit,
  SuggestionKind,
  SuggestionStatus,
  WaitingRef,
} from "../ingest/types.js";

/** The kinds of suggestion, in the order a reviewer meets them (names first: the rest link to them). */
export const SUGGESTION_KINDS = ["actor", "mention", "statement", "event", "relation", "date"] as const;

export interface KindInfo {
  /** A heading for a list of them. */
  title: string;
  one: string;
  many: string;
  /** What it is and what accepting it does. */
  description: string;
}

export const KIND_INFO: Record<SuggestionKind, KindInfo> = {
  actor: {
    title: "Possible new actors",
    one: "candidate actor",
    many: "candidate actors",
    description:
      "A name that is not a known actor yet. Accepting creates the actor, or adds the name to an existing one.",
  },
  mention: {
    title: "Mentions",
    one: "mention",
    many: "mentions",
    description: "A known actor's name or alias in the text. Accepting records the mention.",
  },
  statement: {
    title: "Statements",
    one: "statement",
    many: "statements",
    description: "Words attributed to someone. Accepting creates a claim — a claim, not a fact — with its speaker.",
  },
  event: {
    title: "Events",
    one: "event",
    many: "events",
    description:
      "A sentence that reports something happening. Accepting creates the event, or adds the sentence as another source's account of an event the atlas holds.",
  },
  relation: {
    title: "Relations",
    one: "relation",
    many: "relations",
    description:
      "A tie the text states between two actors. Accepting creates the relation, or adds the words as evidence for one the atlas holds.",
  },
  date: {
    title: "Dates",
    one: "date",
    many: "dates",
    description:
      "A date resolved against the publication date. Accepting creates an event on that date, or adds the sentence to an existing one.",
  },
};

/** What a reviewer may change before accepting, per kind. */
export const EDIT_FIELDS: Record<SuggestionKind, readonly (keyof SuggestionEdit)[]> = {
  mention: ["actorId"],
  actor: ["name", "actorKind", "description", "id", "mergeInto", "aliasKind"],
  statement: [
    "claimantId",
    "stance",
    "statement",
    "aboutActorIds",
    "aboutEventIds",
    "said",
    "onBehalfOfId",
    "viaId",
    "supportsIds",
    "contradictsIds",
  ],
  event: ["eventId", "eventKind", "title", "summary", "time", "placeId", "participants"],
  relation: ["relationId", "relationType", "fromId", "toId", "role", "time", "former"],
  date: ["time", "eventId", "eventKind", "title", "summary", "placeId", "participants"],
};

/** The kind a date's event has until the reviewer says which. */
export const DEFAULT_EVENT_KIND: EventKind = "other";

/** Is this field one of this kind's? */
export const editsKind = (kind: SuggestionKind, field: string): field is keyof SuggestionEdit =>
  (EDIT_FIELDS[kind] as readonly string[]).includes(field);

/** What became of a suggestion another one waits for: its status, and the record accepting it made or added to. */
export interface Decided {
  status: SuggestionStatus;
  recordId: string | null;
}

/** What the server knows that the model asks: whether a name is an actor yet. */
export interface Lookups {
  /** The actor a name is (its name, or an alias used everywhere), when it is exactly one. */
  actorNamed(name: string): string | null;
  /** The document's candidate-actor suggestion for a name, still to be reviewed. */
  candidateFor?(name: string): string | null;
  /** What became of a suggestion (of the same import) that this one waits for. */
  decided?(suggestionId: string): Decided | null;
}

export const noLookups: Lookups = { actorNamed: () => null };

/** "accept the candidate actor suggestion <id> first", or the general advice when there is none. */
const acceptFirst = (name: string, lookups: Lookups, or: string) => {
  const candidate = lookups.candidateFor?.(name);
  return candidate
    ? `Accept the candidate actor suggestion ${candidate} first, or ${or}`
    : `accept its candidate actor, or ${or}`;
};

const Participant = z.object({ actorId: z.string(), role: ParticipantRole });
export type Participant = z.infer<typeof Participant>;

const EventValues = {
  eventId: z.string().nullable().describe("An existing event the sentence is added to, as this document's account."),
  eventKind: EventKind,
  title: z.string(),
  summary: z.string(),
  time: Time.nullable(),
  placeId: z.string().nullable(),
  participants: z.array(Participant),
  unknownParticipants: z
    .array(z.string())
    .describe("Names the proposal gives that are no actor yet: accepting leaves them out."),
};

/** The values accepting would use now, per kind: the proposal with the reviewer's edit on top. */
export const Effective = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("mention"), actorId: z.string().nullable(), choices: z.array(z.string()) }),
    z.object({
      kind: z.literal("actor"),
      name: z.string(),
      actorKind: ActorKind,
      description: z.string(),
      id: z.string().nullable(),
      mergeInto: z.string().nullable(),
      aliasKind: AliasKind,
    }),
    z.object({
      kind: z.literal("statement"),
      claimantId: z.string().nullable(),
      speaker: z.string().describe("The speaker as written, when not an actor yet."),
      stance: Stance,
      statement: z.string(),
      aboutActorIds: z.array(z.string()),
      aboutEventIds: z.array(z.string()),
      said: Time.nullable(),
      onBehalfOfId: z.string().nullable(),
      viaId: z.string().nullable(),
      supportsIds: z.array(z.string()),
      contradictsIds: z.array(z.string()),
    }),
    z.object({ kind: z.literal("event"), ...EventValues }),
    z.object({ kind: z.literal("date"), ...EventValues }),
    z.object({
      kind: z.literal("relation"),
      relationId: z.string().nullable(),
      relationType: RelationType,
      fromId: z.string().nullable(),
      toId: z.string().nullable(),
      fromName: z.string(),
      toName: z.string(),
      role: z.string().nullable(),
      time: Time.nullable(),
      former: z.boolean(),
    }),
  ])
  .meta({
    id: "EffectiveValues",
    description: "What accepting a suggestion would use now: its proposal with the reviewer's edit.",
  });
export type Effective = z.infer<typeof Effective>;

export type EffectiveOf<K extends Effective["kind"]> = Extract<Effective, { kind: K }>;

const flat = (s: string) => s.replace(/\s+/g, " ").trim();

/** A short headline from a sentence: its first words, cut at a space. */
export function headline(s: string, n = 90): string {
  const f = flat(s);
  if (f.length <= n) return f.replace(/[.,;:]$/, "");
  const cut = f.slice(0, n);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), n / 2)).replace(/[.,;:]$/, "")}…`;
}

/** The record a suggestion another one waits for became, once it is accepted. */
const decidedRecord = (suggestionId: string, lookups: Lookups): string | null => {
  const d = lookups.decided?.(suggestionId);
  return d?.status === "accepted" ? d.recordId : null;
};

/**
 * Who a named actor is: the known actor; else what the candidate-actor suggestion that stands for
 * it became; else the actor its name is now (an accepted candidate of the same document).
 */
export const actorOf = (a: NamedActor, lookups: Lookups): string | null =>
  a.actorId ?? (a.suggestionId ? decidedRecord(a.suggestionId, lookups) : lookups.actorNamed(a.name));

/**
 * The atlas ids of an imported record's references to records that wait for review themselves,
 * once their suggestions are accepted; those not accepted yet, with why.
 */
export function resolveWaiting(
  waitsFor: readonly WaitingRef[],
  lookups: Lookups,
): { ids: Map<string, string>; pending: { ref: WaitingRef; status: SuggestionStatus | null }[] } {
  const ids = new Map<string, string>();
  const pending: { ref: WaitingRef; status: SuggestionStatus | null }[] = [];
  for (const ref of waitsFor) {
    const d = lookups.decided?.(ref.suggestionId) ?? null;
    if (d?.status === "accepted" && d.recordId) ids.set(`${ref.collection}:${ref.id}`, d.recordId);
    else pending.push({ ref, status: d?.status ?? null });
  }
  return { ids, pending };
}

/** The proposal's import, when an import proposed it. */
const importOf = (p: Proposal) => ("imported" in p ? p.imported : undefined);

/** The values accepting would use now: the proposal, overridden by the reviewer's edit. */
export function effective(
  s: { proposal: Proposal; edit: SuggestionEdit | null },
  lookups: Lookups = noLookups,
): Effective {
  const e: SuggestionEdit = s.edit ?? {};
  const p = s.proposal;
  switch (p.kind) {
    case "mention":
      return {
        kind: "mention",
        actorId: e.actorId ?? p.actorId,
        choices: p.candidates.map((c) => c.actorId),
      };
    case "actor":
      return {
        kind: "actor",
        name: e.name ?? p.name,
        actorKind: e.actorKind ?? p.actorKind,
        description: e.description ?? p.description,
        id: e.id ?? p.imported?.record.id ?? null,
        mergeInto: e.mergeInto !== undefined ? e.mergeInto : (p.imported?.mergeInto ?? null),
        aliasKind: e.aliasKind ?? "spelling",
      };
    case "statement": {
      const speaker = p.claimantName ?? p.speaker;
      const waiting = p.imported?.waitsFor.find(
        (w) => w.collection === "actor" && w.id === p.imported?.record.claimantId,
      );
      return {
        kind: "statement",
        claimantId:
          e.claimantId ??
          p.claimantId ??
          (waiting ? decidedRecord(waiting.suggestionId, lookups) : lookups.actorNamed(speaker)),
        speaker,
        stance: e.stance ?? p.stance,
        statement: flat(e.statement ?? p.statement),
        aboutActorIds: e.aboutActorIds ?? p.aboutActorIds,
        aboutEventIds: e.aboutEventIds ?? [],
        said: e.said !== undefined ? e.said : p.said,
        onBehalfOfId: e.onBehalfOfId !== undefined ? e.onBehalfOfId : p.onBehalfOfId,
        viaId: e.viaId !== undefined ? e.viaId : p.via ? (p.via.actorId ?? lookups.actorNamed(p.via.name)) : null,
        supportsIds: e.supportsIds ?? p.supports.map((m) => m.id),
        contradictsIds: e.contradictsIds ?? p.contradicts.map((m) => m.id),
      };
    }
    case "event": {
      const proposed = p.participants.map((x) => ({ id: actorOf(x, lookups), name: x.name, role: x.role }));
      return {
        kind: "event",
        eventId: e.eventId !== undefined ? e.eventId : (p.corroborates?.id ?? null),
        eventKind: e.eventKind ?? p.eventKind,
        title: e.title ?? p.title,
        summary: flat(e.summary ?? p.summary),
        time: e.time ?? p.time,
        placeId: e.placeId !== undefined ? e.placeId : (p.place?.placeId ?? p.imported?.record.placeId ?? null),
        participants:
          e.participants ??
          proposed.flatMap((x) => (x.id ? [{ actorId: x.id, role: x.role }] : [])).filter(uniqueParticipant),
        unknownParticipants: e.participants ? [] : proposed.filter((x) => !x.id).map((x) => x.name),
      };
    }
    case "date":
      return {
        kind: "date",
        eventId: e.eventId ?? null,
        eventKind: e.eventKind ?? DEFAULT_EVENT_KIND,
        title: e.title ?? headline(p.sentence.quote),
        summary: flat(e.summary ?? p.sentence.quote),
        time: e.time ?? p.time,
        placeId: e.placeId ?? null,
        participants: e.participants ?? [],
        unknownParticipants: [],
      };
    case "relation":
      return {
        kind: "relation",
        relationId: e.relationId !== undefined ? e.relationId : (p.existing?.id ?? null),
        relationType: e.relationType ?? p.relationType,
        fromId: e.fromId ?? actorOf(p.from, lookups),
        toId: e.toId ?? actorOf(p.to, lookups),
        fromName: p.from.name,
        toName: p.to.name,
        role: e.role !== undefined ? e.role : p.role,
        time: e.time ?? p.time,
        former: e.former ?? p.former,
      };
  }
}

function uniqueParticipant(p: Participant, i: number, all: Participant[]) {
  return all.findIndex((q) => q.actorId === p.actorId && q.role === p.role) === i;
}

export const Preview = z
  .object({
    text: z.string().describe("What accepting would do, in a sentence."),
    blocked: z
      .string()
      .nullable()
      .describe("Why it cannot be accepted as it stands, and what to do; null when it can."),
  })
  .meta({ id: "Preview", description: "What accepting a suggestion would create." });
export type Preview = z.infer<typeof Preview>;

const list = (xs: string[]) => (xs.length <= 1 ? (xs[0] ?? "") : `${xs.slice(0, -1).join(", ")} and ${xs.at(-1)}`);
const words = (s: string) => s.replace(/_/g, " ");

/**
 * Why an imported suggestion cannot be accepted yet: a record of the same import it refers to
 * (and the edit does not replace) is still a suggestion, or was rejected. Null when nothing waits.
 */
function stillWaiting(p: Proposal, edit: SuggestionEdit | null, lookups: Lookups): string | null {
  const imported = importOf(p);
  if (!imported || imported.waitsFor.length === 0) return null;
  const edited = new Set(Object.keys(edit ?? {}));
  const inUse =
    p.kind === "statement" && p.imported
      ? refsInUse({ kind: "claim", record: p.imported.record }, edited)
      : p.kind === "event" && p.imported
        ? refsInUse({ kind: "event", record: p.imported.record }, edited)
        : p.kind === "relation" && p.imported
          ? refsInUse({ kind: "relation", record: p.imported.record }, edited)
          : new Set<string>();
  const { pending } = resolveWaiting(
    imported.waitsFor.filter((w) => inUse.has(`${w.collection}:${w.id}`)),
    lookups,
  );
  const first = pending[0];
  if (!first) return null;
  const more = pending.length > 1 ? ` (and ${pending.length - 1} more it waits for)` : "";
  return first.status === "rejected"
    ? `“${first.ref.name}” was rejected (suggestion ${first.ref.suggestionId}): edit this suggestion to name another ${first.ref.collection}, or reject it too`
    : `“${first.ref.name}” is not in the atlas yet: accept the suggestion ${first.ref.suggestionId} first${more}`;
}

/** What accepting would create, with the edit applied; `blocked` when it cannot be accepted yet. */
export function preview(
  s: { proposal: Proposal; edit: SuggestionEdit | null },
  v: Effective = effective(s),
  lookups: Lookups = noLookups,
): Preview {
  const p = s.proposal;
  const waits = stillWaiting(p, s.edit, lookups);
  if (waits) return { text: `accepting creates the ${KIND_INFO[p.kind].one} the import gives`, blocked: waits };
  switch (v.kind) {
    case "mention": {
      const m = p as ProposalOf<"mention">;
      if (!v.actorId) {
        return {
          text: "accepting records a mention",
          blocked: `the words could name ${list(m.candidates.map((c) => `${c.actorName} (${c.actorId})`))}: choose the actor`,
        };
      }
      const name = m.candidates.find((c) => c.actorId === v.actorId)?.actorName ?? v.actorId;
      return { text: `accepting records a mention of ${name}`, blocked: null };
    }
    case "actor": {
      const a = p as ProposalOf<"actor">;
      if (v.mergeInto) {
        return {
          text: `accepting adds “${v.name}” to ${v.mergeInto} as another name, with its mentions here`,
          blocked: null,
        };
      }
      const others = a.shortNames.filter((n) => n.toLowerCase() !== v.name.toLowerCase());
      const maybe = a.imported?.candidates.length
        ? `; the atlas may already hold it as ${list(a.imported.candidates.map((c) => `${c.actorName} (${c.actorId}: ${c.why})`))}: accept with mergeInto to add to one of them instead`
        : "";
      return {
        text: `accepting creates the actor “${v.name}” (${words(v.actorKind)})${v.id ? ` as ${v.id}` : ""}${others.length ? `, also called ${list(others)}` : ""}, with ${a.occurrences} mention${a.occurrences === 1 ? "" : "s"} here${maybe}`,
        blocked: null,
      };
    }
    case "statement": {
      if (!v.claimantId) {
        return {
          text: "accepting creates a claim",
          blocked: `“${v.speaker}” is not an actor yet: ${acceptFirst(v.speaker, lookups, "name the claimant")}`,
        };
      }
      const links = [
        v.supportsIds.length ? `supporting ${list(v.supportsIds)}` : "",
        v.contradictsIds.length ? `contradicting ${list(v.contradictsIds)}` : "",
      ].filter(Boolean);
      return {
        text: `accepting creates a claim: ${v.claimantId} ${v.stance} “${headline(v.statement, 70)}”${v.viaId ? `, through ${v.viaId}` : ""}${links.length ? `, ${links.join(" and ")}` : ""}`,
        blocked: null,
      };
    }
    case "event":
    case "date": {
      if (v.eventId) {
        return {
          text: `accepting adds this sentence to the event ${v.eventId} as this document's account`,
          blocked: null,
        };
      }
      if (!v.time) {
        return { text: "accepting creates an event", blocked: "the text gives no date near it: give the event's time" };
      }
      const who = v.participants.map((x) => `${x.actorId} (${words(x.role)})`);
      const missing = v.unknownParticipants.length
        ? `; ${list(v.unknownParticipants)} ${v.unknownParticipants.length === 1 ? "is" : "are"} not an actor yet and left out`
        : "";
      return {
        text: `accepting creates an event (${words(v.eventKind)}), “${v.title}”, ${v.time.edtf}${who.length ? `, with ${list(who)}` : ""}${missing}`,
        blocked: null,
      };
    }
    case "relation": {
      if (v.relationId) {
        return { text: `accepting adds these words as evidence of the relation ${v.relationId}`, blocked: null };
      }
      const missing = [!v.fromId ? v.fromName : null, !v.toId ? v.toName : null].filter((x): x is string => Boolean(x));
      if (missing.length) {
        return {
          text: "accepting creates a relation",
          blocked: `${list(missing.map((m) => `“${m}”`))} ${missing.length === 1 ? "is" : "are"} not an actor yet: ${acceptFirst(missing[0] as string, lookups, "name the actor")}`,
        };
      }
      return {
        text: `accepting creates the relation ${v.fromId} ${words(v.relationType)} ${v.toId}${v.role ? ` (${v.role})` : ""}${v.former ? ", former" : ""}`,
        blocked: null,
      };
    }
  }
}
