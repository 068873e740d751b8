/**
 * Human words for the schema's codes: actor kinds, relation types seen from either end,
 * participant roles, stances. Descriptions come from @atlas/schema so they never drift.
 */
import {
  ActorKind,
  AliasKind,
  EVENT_KINDS,
  PARTICIPANT_ROLES,
  RELATION_TYPES,
  type RelationType,
  type SegmentRole,
  STANCES,
} from "@atlas/schema";
import { words } from "./utils";

export const ACTOR_KINDS = ActorKind.options;
export const ALIAS_KINDS = AliasKind.options;
export const EVENT_KIND_LIST = Object.keys(EVENT_KINDS) as (keyof typeof EVENT_KINDS)[];
export const STANCE_LIST = Object.keys(STANCES) as (keyof typeof STANCES)[];
export const RELATION_TYPE_LIST = Object.keys(RELATION_TYPES) as RelationType[];

const KIND_LABELS: Record<string, string> = {
  person: "Person",
  group_of_people: "Group of people",
  armed_group: "Armed group",
  military: "Military",
  state: "State",
  government_body: "Government body",
  political_party: "Political party",
  coalition: "Coalition",
  international_organization: "International organization",
  religious_authority: "Religious authority",
  organization: "Organization",
  think_tank: "Think tank",
  media: "Media",
  author: "Document author",
};
export const kindLabel = (kind: string) => KIND_LABELS[kind] ?? words(kind);

/** A relation's heading from the profile's point of view: outgoing (this actor is the subject) or incoming. */
const RELATION_HEADINGS: Record<RelationType, [outgoing: string, incoming: string]> = {
  leads: ["Leads", "Led by"],
  founded: ["Founded", "Founded by"],
  member_of: ["Member of", "Members"],
  part_of: ["Part of", "Components"],
  commands: ["Commands", "Commanded by"],
  subordinate_of: ["Serves under", "Subordinates"],
  deputy_of: ["Deputy of", "Deputies"],
  backed_by: ["Backed by", "Backs"],
  directed_by: ["Takes direction from", "Directs"],
  allied_with: ["Allied with", "Allied with (named by the other side)"],
  linked_to: ["Linked to", "Linked to (named by the other side)"],
  opposes: ["Opposes", "Opposed by"],
  sanctioned_by: ["Sanctioned by", "Sanctions"],
  designated_by: ["Designated by", "Designates"],
  spokesperson_of: ["Speaks for", "Spokespeople"],
  kin_of: ["Relative of", "Relatives"],
  killed: ["Killed", "Killed by"],
  employed_by: ["Works for", "Employs"],
  researcher_at: ["Researcher at", "Researchers"],
};

export function relationHeading(type: string, direction: "outgoing" | "incoming"): string {
  const pair = RELATION_HEADINGS[type as RelationType];
  return pair ? pair[direction === "outgoing" ? 0 : 1] : words(type);
}

/** "leads", "is backed by": the verb between two names in a sentence. */
const RELATION_VERBS: Record<RelationType, string> = {
  leads: "leads",
  founded: "founded",
  member_of: "is a member of",
  part_of: "is part of",
  commands: "commands",
  subordinate_of: "serves under",
  deputy_of: "is deputy of",
  backed_by: "is backed by",
  directed_by: "takes direction from",
  allied_with: "is allied with",
  linked_to: "is linked to",
  opposes: "opposes",
  sanctioned_by: "is sanctioned by",
  designated_by: "is designated by",
  spokesperson_of: "speaks for",
  kin_of: "is a relative of",
  killed: "killed",
  employed_by: "works for",
  researcher_at: "is a researcher at",
};
export const relationVerb = (type: string) => RELATION_VERBS[type as RelationType] ?? words(type);
export const relationDescription = (type: string) => RELATION_TYPES[type as RelationType] ?? words(type);

export const roleLabel = (role: string) => words(role);
export const roleDescription = (role: string) =>
  PARTICIPANT_ROLES[role as keyof typeof PARTICIPANT_ROLES] ?? words(role);
export const stanceDescription = (stance: string) => STANCES[stance as keyof typeof STANCES] ?? words(stance);
/** Claims grouped by what their claimants do: deny, accuse, assert, warn. Every stance is in one group. */
export const STANCE_GROUPS: { key: string; title: string; stances: readonly string[] }[] = [
  { key: "denials", title: "Denials", stances: ["denies"] },
  { key: "accusations", title: "Accusations and condemnations", stances: ["accuses", "alleges", "condemns"] },
  {
    key: "assertions",
    title: "Assertions",
    stances: ["asserts", "recounts", "characterizes", "acknowledges", "confirms", "justifies"],
  },
  {
    key: "warnings",
    title: "Warnings, threats and demands",
    stances: ["warns", "threatens", "predicts", "promises", "demands"],
  },
  { key: "other", title: "Hopes and doubts", stances: ["hopes", "doubts"] },
];

/** Items grouped by their stance's group, in STANCE_GROUPS order, empty groups left out. */
export function byStanceGroup<T extends { stance: string }>(items: T[]) {
  return STANCE_GROUPS.map((g) => ({ ...g, items: items.filter((i) => g.stances.includes(i.stance)) })).filter(
    (g) => g.items.length > 0,
  );
}

export const eventKindDescription = (kind: string) => EVENT_KINDS[kind as keyof typeof EVENT_KINDS] ?? words(kind);

const ALIAS_KIND_LABELS: Record<string, string> = {
  spelling: "spelling",
  transliteration: "transliteration",
  misspelling: "misspelling",
  abbreviation: "abbreviation",
  short_name: "short name",
  translation: "translation",
  former_name: "former name",
  epithet: "epithet",
  metonym: "its capital's name",
};
export const aliasKindLabel = (kind: string) => ALIAS_KIND_LABELS[kind] ?? words(kind);

export const SEGMENT_ROLE_LABELS: Record<SegmentRole, string> = {
  headline: "Headline",
  subtitle: "Subtitle",
  byline: "Byline",
  dateline: "Dateline",
  caption: "Caption",
  heading: "Heading",
  body: "Body",
  credit: "Photo credit",
  "related-link": "Related link",
  "cookie-notice": "Cookie notice",
  contact: "Contact line",
  disclaimer: "Disclaimer",
  "source-tag": "Source tag",
  duplicate: "Repeated caption",
  "page-header": "Running header",
  "page-footer": "Running footer or page number",
};

/** How a document with suggestions arrived, in words: ingested, or in a file `atlas import` took. */
export const FORMAT_LABELS: Record<"text" | "html" | "pdf" | "docx" | "json" | "stix", string> = {
  text: "text",
  html: "HTML",
  pdf: "PDF",
  docx: "Word",
  json: "imported atlas dataset",
  stix: "imported STIX bundle",
};
