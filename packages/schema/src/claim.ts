/**
 * A claim is not a fact: someone said something, with a stance, at a time, in words we quote.
 * Claims link to claims that support or contradict them.
 */
import { z } from "zod";
import { Id, Text } from "./common.js";
import { Evidence, EvidenceList } from "./evidence.js";
import { ClaimCredibility, UpdatedAt } from "./grade.js";
import { Time } from "./time.js";

export const STANCES = {
  asserts: "states something as fact",
  recounts: "tells of their own experience",
  characterizes: "describes or judges someone or something (an author's or speaker's assessment)",
  denies: "says something did not happen or was not them",
  alleges: "says someone did something, without the charge of an accusation",
  accuses: "blames someone for a wrong",
  acknowledges: "admits or accepts something",
  confirms: "confirms something reported by others",
  warns: "warns of a danger",
  predicts: "says what will happen",
  threatens: "threatens action",
  promises: "commits to future action",
  demands: "demands or urges action",
  condemns: "condemns",
  justifies: "defends an action as right",
  hopes: "expresses hope or expectation",
  doubts: "expresses doubt or scepticism",
} as const;

export const Stance = z.enum(Object.keys(STANCES) as [keyof typeof STANCES]).meta({
  id: "Stance",
  description: `What the claimant does in saying it: ${Object.entries(STANCES)
    .map(([k, v]) => `${k} — ${v}`)
    .join("; ")}.`,
});
export type Stance = z.infer<typeof Stance>;

export const Claim = z
  .object({
    id: Id,
    claimantId: Id.describe("The actor who said it."),
    onBehalfOfId: Id.nullable().describe("The actor the claimant speaks for (a spokesman's group), if any."),
    viaId: Id.nullable().describe(
      'An intermediary who relayed it ("according to Copsey", a news agency that published the statement), if any.',
    ),
    stance: Stance,
    statement: Text.describe("What was claimed, as one plain sentence in neutral words."),
    mode: z
      .enum(["direct", "indirect"])
      .describe(
        "`direct` when the evidence quotes the claimant's own words; `indirect` for reported speech or paraphrase.",
      ),
    about: z
      .object({
        actorIds: z.array(Id).describe("Actors the claim is about."),
        eventIds: z.array(Id).describe("Events the claim is about."),
      })
      .describe("What the claim concerns."),
    said: Time.nullable().describe("When it was said, if the document says or allows inferring it."),
    setting: Text.nullable().describe(
      'Where or how it was said, in the document\'s words ("in a February interview", "in a statement").',
    ),
    evidence: EvidenceList.describe("The claimant's words (direct) or the document's report of them (indirect)."),
    attribution: z
      .array(Evidence)
      .describe(
        'The words that attribute the claim to the claimant ("said Lt. Gen. Paul Calvert"), when separate from the evidence.',
      ),
    supportsIds: z.array(Id).describe("Claims this one supports or agrees with."),
    contradictsIds: z
      .array(Id)
      .describe("Claims this one contradicts. Contradiction is symmetric; the dataset lists it on both."),
    note: Text.nullable().describe("Context an analyst needs, e.g. that the document itself calls the claim false."),
    credibility: ClaimCredibility.nullable()
      .optional()
      .describe("How credible a reviewer judges the claim (1–6); null or absent: not graded."),
    updatedAt: UpdatedAt,
  })
  .superRefine((c, ctx) => {
    for (const field of ["supportsIds", "contradictsIds"] as const) {
      if (c[field].includes(c.id)) {
        ctx.addIssue({ code: "custom", path: [field], message: `claim "${c.id}" cannot link to itself` });
      }
    }
    const both = c.supportsIds.filter((id) => c.contradictsIds.includes(id));
    if (both.length > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["contradictsIds"],
        message: `claim "${c.id}" both supports and contradicts ${both.join(", ")}`,
      });
    }
  })
  .meta({
    id: "Claim",
    title: "Claim",
    description:
      "An attributed statement: who said what, with what stance, when, in which words, and which claims it supports or contradicts.",
  });
export type Claim = z.infer<typeof Claim>;

/** Every span of a claim, evidence then attribution, in text order per source. */
export const claimSpans = (c: Pick<Claim, "evidence" | "attribution">): Evidence[] =>
  [...c.evidence, ...c.attribution].sort((a, b) => a.sourceId.localeCompare(b.sourceId) || a.start - b.start);
