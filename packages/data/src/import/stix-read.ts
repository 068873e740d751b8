/**
 * Reading a STIX object's fields into the atlas's values: which objects are actors and events, an
 * actor's kind and other names, a time from `x_atlas_time` or first_seen/last_seen, an id the
 * atlas can keep, and the type names the rendered document gives each block.
 */
import { ActorKind, Id, precisionOf, Time } from "@atlas/schema";
import type { ReadObject, StixOf } from "./stix-bundle.js";

export type ActorObject = StixOf<"identity"> | StixOf<"threat-actor"> | StixOf<"intrusion-set">;
export type EventObject = StixOf<"incident"> | StixOf<"grouping">;

export const TYPE_NAMES: Record<string, string> = {
  identity: "Identity",
  "threat-actor": "Threat actor",
  "intrusion-set": "Intrusion set",
  relationship: "Relationship",
  report: "Report",
  note: "Note",
  incident: "Incident",
  grouping: "Grouping",
};

export const isActor = (o: ReadObject): o is ActorObject =>
  o.type === "identity" || o.type === "threat-actor" || o.type === "intrusion-set";
export const isEvent = (o: ReadObject): o is EventObject =>
  o.type === "incident" || (o.type === "grouping" && o.x_atlas_event_kind !== undefined);
export const validId = (s: string | undefined) => (s && Id.safeParse(s).success ? s : null);
export const day = (timestamp: string) => timestamp.slice(0, 10);

export function kindOf(o: ActorObject): ActorKind {
  const given = "x_atlas_kind" in o ? o.x_atlas_kind : undefined;
  const known = ActorKind.safeParse(given);
  if (known.success) return known.data;
  if (o.type === "threat-actor") return o.threat_actor_types?.includes("nation-state") ? "state" : "armed_group";
  if (o.type === "intrusion-set") return "armed_group";
  if (o.identity_class === "individual") return "person";
  if (o.identity_class === "group") return "group_of_people";
  const sectors = o.sectors ?? [];
  if (sectors.includes("defense") || sectors.includes("military")) return "military";
  if (sectors.some((s) => s.startsWith("government"))) return "government_body";
  if (sectors.includes("communications")) return "media";
  return "organization";
}

export const aliasesOf = (o: ActorObject): string[] => {
  const names = [
    ...("aliases" in o ? (o.aliases ?? []) : []),
    ...("x_atlas_aliases" in o ? (o.x_atlas_aliases ?? []) : []),
    ...("x_opencti_aliases" in o ? (o.x_opencti_aliases ?? []) : []),
  ]
    .map((n) => n.trim())
    .filter(Boolean);
  const seen = new Set([o.name.trim().toLowerCase()]);
  return names.filter((n) => !seen.has(n.toLowerCase()) && seen.add(n.toLowerCase()));
};

/** A time from the atlas's own `x_atlas_time`, when valid. */
export const atlasTime = (value: unknown): Time | null => {
  const r = Time.safeParse(value);
  return r.success ? r.data : null;
};

/** first_seen/last_seen (or start/stop) as days: one day, or the interval between them. */
export function seenTime(first: string | undefined, last: string | undefined, what: string): Time | null {
  if (!first && !last) return null;
  const a = first ? day(first) : null;
  const b = last ? day(last) : null;
  const edtf = a && b ? (a === b ? a : `${a}/${b}`) : a ? `${a}/..` : `../${b}`;
  const r = Time.safeParse({ edtf, precision: precisionOf(edtf), basis: "explicit", note: `From the STIX ${what}.` });
  return r.success ? r.data : null;
}
