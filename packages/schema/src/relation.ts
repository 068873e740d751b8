/** A typed, dated, evidenced link between two actors: leadership, backing, kinship… */
import { z } from "zod";
import { Id, Text } from "./common.js";
import { EvidenceList } from "./evidence.js";
import { UpdatedAt } from "./grade.js";
import { Time } from "./time.js";

export const RELATION_TYPES = {
  leads: "leads or heads (a group, party, bloc or government)",
  founded: "founded or created",
  member_of: "is a member or fighter of; sits in",
  part_of: "is a component or faction of (organizations)",
  commands: "commands (military command of a force or operation)",
  subordinate_of: "serves under (a person under a person)",
  deputy_of: "is the deputy of",
  backed_by: "is backed, funded, armed or trained by",
  directed_by: "takes direction or orders from",
  allied_with: "is allied or closely tied to",
  linked_to: "is linked to (the document's word for a looser tie)",
  opposes: "opposes or fights",
  sanctioned_by: "is sanctioned by",
  designated_by: "is designated a terrorist (or similar) by",
  spokesperson_of: "speaks for",
  kin_of: "is a relative of (the role says how: brother, son, father)",
  killed: "killed",
  employed_by: "works for or holds a post in",
  researcher_at: "is a researcher or analyst at",
} as const;

export const RelationType = z.enum(Object.keys(RELATION_TYPES) as [keyof typeof RELATION_TYPES]).meta({
  id: "RelationType",
  description: `How the first actor relates to the second: ${Object.entries(RELATION_TYPES)
    .map(([k, v]) => `${k} — ${v}`)
    .join("; ")}.`,
});
export type RelationType = z.infer<typeof RelationType>;

export const Relation = z
  .object({
    id: Id,
    fromId: Id.describe("The actor the relation starts from (the leader, the member, the one backed)."),
    type: RelationType,
    toId: Id.describe("The actor the relation points to (the group led, the group joined, the backer)."),
    role: Text.nullable().describe(
      'The role in the document\'s words, e.g. "brother", "spokesman", "deputy commander for strategy".',
    ),
    time: Time.nullable().describe("When the relation held, if the document says; an interval for a period."),
    former: z.boolean().describe('True when the document says the relation has ended ("had once been", "former").'),
    note: Text.nullable().describe('A qualification the document gives ("closely", "in many cases").'),
    evidence: EvidenceList,
    updatedAt: UpdatedAt,
  })
  .superRefine((r, ctx) => {
    if (r.fromId === r.toId) {
      ctx.addIssue({ code: "custom", path: ["toId"], message: `relation "${r.id}": an actor cannot relate to itself` });
    }
  })
  .meta({
    id: "Relation",
    title: "Relation",
    description: "A typed link between two actors, with its time and evidence.",
  });
export type Relation = z.infer<typeof Relation>;
