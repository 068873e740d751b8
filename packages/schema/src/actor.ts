/**
 * An actor: anyone who acts, speaks or is acted upon. One actor, many names: every spelling
 * the documents use (transliterations, misspellings) is an alias of the one actor.
 */
import { z } from "zod";
import { Id, Text } from "./common.js";
import { EvidenceList } from "./evidence.js";
import { UpdatedAt } from "./grade.js";
import { describeTime, Time } from "./time.js";

export const ActorKind = z
  .enum([
    "person",
    "group_of_people",
    "armed_group",
    "military",
    "state",
    "government_body",
    "political_party",
    "coalition",
    "international_organization",
    "religious_authority",
    "organization",
    "think_tank",
    "media",
    "author",
  ])
  .meta({
    id: "ActorKind",
    description: [
      "person — a named individual;",
      'group_of_people — a specific unnamed set of people who act or speak ("U.S. officials", "Iraqi and Western sources");',
      "armed_group — a militia or non-state armed organization (Kataib Hezbollah, the Islamic State);",
      "military — a state's armed force or command (the Iraqi army, the IRGC);",
      "state — a country acting as such (Iran, the United States);",
      "government_body — a government, ministry, parliament, court or commission;",
      "political_party — a party or electoral list;",
      "coalition — an alliance of states or groups (the international coalition against ISIS, the Fatah Alliance);",
      "international_organization — an intergovernmental organization (the United Nations, NATO, the European Union);",
      "religious_authority — a cleric or religious institution acting as such;",
      "organization — an NGO, foundation or other body;",
      "think_tank — a research institute;",
      "media — a news organization;",
      "author — the voice of a document whose writer the document does not name; its characterizations are its claims.",
    ].join(" "),
  });
export type ActorKind = z.infer<typeof ActorKind>;

export const AliasKind = z
  .enum([
    "spelling",
    "transliteration",
    "misspelling",
    "abbreviation",
    "short_name",
    "translation",
    "former_name",
    "epithet",
    "metonym",
  ])
  .meta({
    id: "AliasKind",
    description:
      'How an alias relates to the actor\'s name: another spelling or transliteration, a misspelling found in a document, an abbreviation, a short form (a surname), a translation, a former name, an epithet, or a metonym (a capital standing for its government: "Washington", "Tehran").',
  });
export type AliasKind = z.infer<typeof AliasKind>;

export const AliasAttestation = z
  .object({
    source: Text.describe(
      'The reference the name was read in, e.g. "Mapping Militants Project, Kata\'ib Hezbollah profile".',
    ),
    url: z.url().nullable().describe("Where that reference can be read, when it is online."),
  })
  .meta({
    id: "AliasAttestation",
    description:
      "Where a name attested outside the documents comes from. Such names help recognise the actor in new documents; they are never shown as if a document used them.",
  });
export type AliasAttestation = z.infer<typeof AliasAttestation>;

export const Alias = z
  .object({
    name: Text.describe("The name exactly as a document writes it (case and apostrophes are ignored when matching)."),
    kind: AliasKind,
    sourceIds: z
      .array(Id)
      .describe(
        'Where this alias may be matched as a mention. Empty means everywhere; a first name such as "Ali" is limited to the document where it means this actor.',
      ),
    outside: AliasAttestation.optional().describe(
      "Present when the name is known from outside the documents (a well-known spelling, translation or acronym): where it is attested. Absent for the documents' own names.",
    ),
    mergedFrom: Id.optional().describe(
      "Present when the name came to this actor by a merge: the actor it belonged to, which undoing the merge gives it back to.",
    ),
  })
  .meta({
    id: "Alias",
    description:
      "Another name for an actor: as found in the documents, or attested outside them (then `outside` says where).",
  });
export type Alias = z.infer<typeof Alias>;

/**
 * A group's size as one source reports it: a number or range when the words give one, the words
 * themselves always ("some 100,000 men", "smaller numbers of fighters than other militias").
 */
export const SizeReport = z
  .object({
    low: z.int().nonnegative().nullable().describe("The lowest number the words allow; null when they give none."),
    high: z
      .int()
      .nonnegative()
      .nullable()
      .describe('The highest number the words allow; null when open-ended ("tens of thousands") or none is given.'),
    expression: Text.describe('The document\'s own words for the size, e.g. "some 100,000 men".'),
    time: Time.nullable().describe("When the group had that size, if the document says."),
    reportedById: Id.nullable().describe(
      "Who gave the figure, when the document attributes it; null for its own voice.",
    ),
    evidence: EvidenceList,
  })
  .superRefine((r, ctx) => {
    if (r.low !== null && r.high !== null && r.low > r.high) {
      ctx.addIssue({ code: "custom", path: ["high"], message: `high (${r.high}) is below low (${r.low})` });
    }
  })
  .meta({
    id: "SizeReport",
    description:
      "A group's size as one source reports it: the words, and low/high when they give a number. None recorded is not zero.",
  });
export type SizeReport = z.infer<typeof SizeReport>;

const figure = (n: number) => n.toLocaleString("en-GB");

/**
 * A reported size in words, the one way every view shows it: the document's words always, then
 * the numbers only when they add something to the words, and when: “some 20,000 men” (20,000 or
 * more; 2019). One line of the dossier, the profile and the terminal alike.
 */
export function describeSize(size: Pick<SizeReport, "low" | "high" | "expression" | "time">): string {
  const { low, high } = size;
  const numbers =
    low === null && high === null
      ? null
      : low !== null && high !== null
        ? low === high
          ? null
          : `${figure(low)}–${figure(high)}`
        : low !== null
          ? `${figure(low)} or more`
          : `up to ${figure(high as number)}`;
  const details = [numbers, size.time ? describeTime(size.time) : null].filter((d): d is string => d !== null);
  return `“${size.expression}”${details.length ? ` (${details.join("; ")})` : ""}`;
}

export const Actor = z
  .object({
    id: Id,
    name: Text.describe("The name the atlas shows; the fullest, most common spelling in the documents."),
    kind: ActorKind,
    aliases: z.array(Alias).describe("Every other name the documents use for this actor."),
    description: Text.describe("One or two sentences on who this is, saying only what the documents say."),
    evidence: EvidenceList.describe("Spans that introduce or identify the actor, at least one."),
    sizes: z
      .array(SizeReport)
      .optional()
      .describe("The group's size as each source reports it; absent or empty when no source gives one."),
    updatedAt: UpdatedAt,
  })
  .superRefine((a, ctx) => {
    const seen = new Set([a.name.toLowerCase()]);
    a.aliases.forEach((alias, i) => {
      const key = alias.name.toLowerCase();
      if (seen.has(key)) {
        ctx.addIssue({
          code: "custom",
          path: ["aliases", i, "name"],
          message: `actor "${a.id}": alias "${alias.name}" repeats the name or another alias`,
        });
      }
      seen.add(key);
    });
  })
  .meta({
    id: "Actor",
    title: "Actor",
    description: "A person, group, state or body that acts, speaks or is acted upon, with all its names.",
  });
export type Actor = z.infer<typeof Actor>;
