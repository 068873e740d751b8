/**
 * An event: something that happened, once. The same happening told by several documents is
 * one event with evidence from each (corroboration). Fatalities are kept as reported:
 * who reported them, the words, and low/high; "not reported" is not zero.
 */
import { z } from "zod";
import { Id, Text } from "./common.js";
import { type Evidence, EvidenceList } from "./evidence.js";
import { UpdatedAt } from "./grade.js";
import { Time } from "./time.js";

export const EVENT_KINDS = {
  attack: "an armed attack (rockets, bombs, raids, ambushes)",
  strike: "an air, drone or missile strike by a state",
  killing: "a killing or assassination of named people",
  battle: "fighting, a campaign or an offensive",
  capture: "a capture, seizure of territory, or detention",
  release: "a release from custody or a prisoner exchange",
  protest: "a demonstration or protest",
  crackdown: "a violent suppression of protest",
  meeting: "a meeting",
  election: "an election",
  legislation: "a law or bill passed",
  sanction: "a sanction or terrorist designation",
  mobilization: "a call to arms or a recruitment drive",
  founding: "the founding of a group",
  policy: "a government decision (a withdrawal, a deal, a deployment)",
  appointment: "an appointment, inauguration or resignation",
  trial: "a trial or sentence",
  death: "a death not otherwise classed",
  other: "anything else; the summary says what",
} as const;

export const EventKind = z.enum(Object.keys(EVENT_KINDS) as [keyof typeof EVENT_KINDS]).meta({
  id: "EventKind",
  description: `What kind of happening: ${Object.entries(EVENT_KINDS)
    .map(([k, v]) => `${k} — ${v}`)
    .join("; ")}.`,
});
export type EventKind = z.infer<typeof EventKind>;

export const PARTICIPANT_ROLES = {
  perpetrator: "carried it out, as the document itself narrates",
  alleged_perpetrator: "named as responsible only by someone's claim (see the claims about the event)",
  ordered_by: "ordered or directed it",
  initiator: "took a non-violent action (imposed a sanction, passed a law, passed a sentence, called a meeting)",
  target: "was attacked or aimed at",
  victim: "was killed or harmed",
  participant: "took part (a meeting, a protest, a battle, an election)",
  subject: "was acted upon without violence (sanctioned, released, sentenced, elected)",
} as const;

export const ParticipantRole = z.enum(Object.keys(PARTICIPANT_ROLES) as [keyof typeof PARTICIPANT_ROLES]).meta({
  id: "ParticipantRole",
  description: `The part an actor played: ${Object.entries(PARTICIPANT_ROLES)
    .map(([k, v]) => `${k} — ${v}`)
    .join("; ")}.`,
});
export type ParticipantRole = z.infer<typeof ParticipantRole>;

export const Participant = z
  .object({
    actorId: Id,
    role: ParticipantRole,
    note: Text.nullable().describe("A qualification in the document's terms."),
  })
  .meta({ id: "Participant", description: "An actor's part in an event." });
export type Participant = z.infer<typeof Participant>;

/**
 * A death toll in words, as reported: none reported is 0, no number is not 0, a range stays a
 * range, and a count given in words keeps them ("dozens", 24 or more).
 */
export function describeDeathCount(f: { low: number | null; high: number | null; expression?: string | null }): string {
  const { low, high } = f;
  if (low === null && high === null) return "no number given";
  if (low === 0 && high === 0) return "0 (none reported)";
  const figure =
    low === null ? `up to ${high}` : high === null ? `${low} or more` : low === high ? `${low}` : `${low}–${high}`;
  return f.expression ? `“${f.expression}” (${figure})` : figure;
}

export const FatalityReport = z
  .object({
    low: z.int().nonnegative().nullable().describe("The lowest count the words allow; null when no number is given."),
    high: z
      .int()
      .nonnegative()
      .nullable()
      .describe('The highest count the words allow; null when open-ended ("more than 20", "dozens") or unknown.'),
    who: Text.describe('Who died, in the document\'s terms, e.g. "Kataib Hezbollah militia members".'),
    expression: z
      .string()
      .min(1)
      .optional()
      .describe(
        'The document\'s own words for a count it gives in words, not figures ("dozens", "hundreds"); low/high are what those words allow.',
      ),
    reportedById: Id.nullable().describe(
      "The actor who gave the figure, when the document attributes it; null for the document's own voice.",
    ),
    claimId: Id.nullable().describe("The claim that carries this figure, when it is an attributed claim."),
    evidence: EvidenceList,
  })
  .superRefine((f, ctx) => {
    if (f.low !== null && f.high !== null && f.low > f.high) {
      ctx.addIssue({ code: "custom", path: ["high"], message: `high (${f.high}) is below low (${f.low})` });
    }
  })
  .meta({
    id: "FatalityReport",
    description:
      "Deaths as one source reports them. low = high = 0 means the source reports no deaths; low = high = null means deaths without a number. An event with no reports has unknown fatalities, which is not zero.",
  });
export type FatalityReport = z.infer<typeof FatalityReport>;

export const Event = z
  .object({
    id: Id,
    kind: EventKind,
    title: Text.describe("A short headline for lists, in neutral words."),
    summary: Text.describe("One or two sentences saying what happened, only as the documents tell it."),
    time: Time,
    placeId: Id.nullable().describe("Where it happened, when the documents say."),
    placeNote: Text.nullable().describe(
      'The document\'s words for the place when finer or vaguer than the place record ("near the Iraq-Syria border").',
    ),
    participants: z.array(Participant).describe("Who took part and how."),
    fatalities: z.array(FatalityReport).describe("Death tolls as reported, one per report; empty means not reported."),
    partOfId: Id.nullable().describe("A larger event this one belongs to."),
    responseToIds: z.array(Id).describe("Events this one answered, as the documents say (a retaliation, a reprisal)."),
    evidence: EvidenceList.describe("One or more spans from every source that reports the event."),
    updatedAt: UpdatedAt,
  })
  .superRefine((e, ctx) => {
    const seen = new Set<string>();
    e.participants.forEach((p, i) => {
      const key = `${p.actorId}/${p.role}`;
      if (seen.has(key)) {
        ctx.addIssue({
          code: "custom",
          path: ["participants", i],
          message: `event "${e.id}": participant ${key} is listed twice`,
        });
      }
      seen.add(key);
    });
    const self = e.responseToIds.indexOf(e.id);
    if (self !== -1) {
      ctx.addIssue({
        code: "custom",
        path: ["responseToIds", self],
        message: `event "${e.id}" cannot respond to itself`,
      });
    }
    if (e.partOfId === e.id) {
      ctx.addIssue({ code: "custom", path: ["partOfId"], message: `event "${e.id}" cannot be part of itself` });
    }
  })
  .meta({
    id: "Event",
    title: "Event",
    description:
      "A happening with its time, place, participants, fatalities as reported, and every source that tells it.",
  });
export type Event = z.infer<typeof Event>;

/** The sources that report an event: one entry per source, its spans in text order. */
export function corroboration(event: Pick<Event, "evidence">): Map<string, Evidence[]> {
  const bySource = new Map<string, Evidence[]>();
  for (const e of event.evidence) bySource.set(e.sourceId, [...(bySource.get(e.sourceId) ?? []), e]);
  for (const spans of bySource.values()) spans.sort((a, b) => a.start - b.start);
  return bySource;
}
