/**
 * The STIX 2.1 objects an import reads, as Zod schemas: the envelope (a bundle of objects, each
 * with a type and a `<type>--<uuid>` id) and, for the types the atlas takes in — identities,
 * threat actors, intrusion sets, relationships, reports, notes, incidents, the groupings and
 * locations of an atlas's own export — the properties it uses. Other types are kept in the
 * bundle and left alone. Properties beyond these are allowed (custom `x_` properties, OpenCTI's)
 * and not read.
 */
import { describeIssues } from "@atlas/schema";
import { z } from "zod";
import { ImportError } from "./errors.js";

export const StixId = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]*--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
    "must be a STIX identifier, <type>--<UUID>",
  );

const Text = z.string().trim().min(1);
const Timestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, "must be a STIX timestamp");
const ExternalReference = z.looseObject({
  source_name: z.string(),
  description: z.string().optional(),
  url: z.string().optional(),
  external_id: z.string().optional(),
});
const AtlasTime = z.looseObject({
  edtf: z.string(),
  precision: z.string(),
  basis: z.string(),
  expression: z.string().optional(),
  note: z.string().optional(),
});

const common = {
  id: StixId,
  spec_version: z.string().optional(),
  created: Timestamp.optional(),
  modified: Timestamp.optional(),
  created_by_ref: StixId.optional(),
  description: z.string().optional(),
  external_references: z.array(ExternalReference).optional(),
  x_atlas_id: z.string().optional(),
};

const Named = { ...common, name: Text };
const aliases = z.array(z.string()).optional();

export const StixIdentity = z.object({
  ...Named,
  type: z.literal("identity"),
  identity_class: z.string().optional(),
  sectors: z.array(z.string()).optional(),
  x_atlas_aliases: aliases,
  x_opencti_aliases: aliases,
  x_atlas_kind: z.string().optional(),
});
export const StixThreatActor = z.object({
  ...Named,
  type: z.literal("threat-actor"),
  aliases,
  threat_actor_types: z.array(z.string()).optional(),
  x_atlas_kind: z.string().optional(),
});
export const StixIntrusionSet = z.object({ ...Named, type: z.literal("intrusion-set"), aliases });
export const StixRelationship = z.object({
  ...common,
  type: z.literal("relationship"),
  relationship_type: Text,
  source_ref: StixId,
  target_ref: StixId,
  start_time: Timestamp.optional(),
  stop_time: Timestamp.optional(),
  x_atlas_former: z.boolean().optional(),
  x_atlas_time: AtlasTime.optional(),
  x_atlas_role: z.string().optional(),
  x_atlas_note: z.string().optional(),
});
export const StixReport = z.object({
  ...Named,
  type: z.literal("report"),
  published: Timestamp,
  object_refs: z.array(StixId),
});
export const StixNote = z.object({
  ...common,
  type: z.literal("note"),
  abstract: z.string().optional(),
  content: Text,
  authors: z.array(z.string()).optional(),
  object_refs: z.array(StixId).min(1),
  x_atlas_claimant_ref: StixId.optional(),
  x_atlas_on_behalf_of_ref: StixId.optional(),
  x_atlas_via_ref: StixId.optional(),
  x_atlas_stance: z.string().optional(),
  x_atlas_mode: z.string().optional(),
  x_atlas_said: AtlasTime.optional(),
});
const eventProps = {
  x_atlas_event_kind: z.string().optional(),
  x_atlas_part_of_ref: StixId.optional(),
  x_atlas_response_to_refs: z.array(StixId).optional(),
  x_atlas_time: AtlasTime.optional(),
  x_atlas_fatalities: z
    .array(
      z.object({
        low: z.number().optional(),
        high: z.number().optional(),
        who: z.string().optional(),
        quotes: z.array(z.string()).optional(),
      }),
    )
    .optional(),
};
export const StixIncident = z.object({
  ...Named,
  type: z.literal("incident"),
  first_seen: Timestamp.optional(),
  last_seen: Timestamp.optional(),
  ...eventProps,
});
export const StixGrouping = z.object({
  ...Named,
  type: z.literal("grouping"),
  context: z.string(),
  object_refs: z.array(StixId),
  ...eventProps,
});
export const StixLocation = z.object({
  ...common,
  type: z.literal("location"),
  name: z.string().optional(),
  country: z.string().optional(),
});

/** The schema of each type the import reads; the others are kept as they are. */
const READ = {
  identity: StixIdentity,
  "threat-actor": StixThreatActor,
  "intrusion-set": StixIntrusionSet,
  relationship: StixRelationship,
  report: StixReport,
  note: StixNote,
  incident: StixIncident,
  grouping: StixGrouping,
  location: StixLocation,
} as const;
export type ReadType = keyof typeof READ;
export type StixOf<T extends ReadType> = z.infer<(typeof READ)[T]>;
export type ReadObject = { [T in ReadType]: StixOf<T> }[ReadType];

const Envelope = z.object({
  type: z.literal("bundle"),
  id: StixId.refine((id) => id.startsWith("bundle--"), "must be a bundle id, bundle--<UUID>"),
  objects: z.array(z.looseObject({ type: Text, id: StixId })),
});

export interface StixBundleIn {
  id: string;
  /** The objects the atlas reads, in bundle order. */
  objects: ReadObject[];
  /** How many objects of each type the bundle holds. */
  types: Record<string, number>;
  /** Every id in the bundle, of every type (references may point at types the atlas does not read). */
  ids: Set<string>;
}

const MAX_LISTED = 8;
const listed = (problems: string[]) =>
  `${problems.slice(0, MAX_LISTED).join("; ")}${problems.length > MAX_LISTED ? `; and ${problems.length - MAX_LISTED} more` : ""}`;

/** The refs an object makes that the import follows. */
function refsOf(o: ReadObject): [string, string][] {
  switch (o.type) {
    case "relationship":
      return [
        ["source_ref", o.source_ref],
        ["target_ref", o.target_ref],
      ];
    case "report":
    case "grouping":
      return o.object_refs.map((r) => ["object_refs", r]);
    case "note":
      return [
        ...o.object_refs.map((r): [string, string] => ["object_refs", r]),
        ...(["x_atlas_claimant_ref", "x_atlas_on_behalf_of_ref", "x_atlas_via_ref"] as const).flatMap(
          (k): [string, string][] => (o[k] ? [[k, o[k] as string]] : []),
        ),
      ];
    default:
      return [];
  }
}

/** Checks a parsed JSON value as a STIX 2.1 bundle; refuses what does not fit, naming each object. */
export function readStixBundle(value: unknown): StixBundleIn {
  const envelope = Envelope.safeParse(value);
  if (!envelope.success) {
    throw new ImportError(
      "invalid",
      `The STIX bundle is not valid: ${listed(describeIssues(envelope.error))}. A bundle is {"type": "bundle", "id": "bundle--<UUID>", "objects": [...]}, each object with a type and a <type>--<UUID> id. Nothing was imported.`,
    );
  }
  const problems: string[] = [];
  const objects: ReadObject[] = [];
  const types: Record<string, number> = {};
  const ids = new Set<string>();
  envelope.data.objects.forEach((raw, i) => {
    types[raw.type] = (types[raw.type] ?? 0) + 1;
    if (ids.has(raw.id)) problems.push(`objects[${i}] (${raw.id}): the id is used twice`);
    ids.add(raw.id);
    if (!raw.id.startsWith(`${raw.type}--`))
      problems.push(`objects[${i}] (${raw.id}): its id does not begin with its type "${raw.type}--"`);
    const schema = READ[raw.type as ReadType];
    if (!schema) return;
    const parsed = schema.safeParse(raw);
    if (parsed.success) objects.push(parsed.data as ReadObject);
    else problems.push(...describeIssues(parsed.error, `objects[${i}] (${raw.id})`));
  });
  if (problems.length > 0) {
    throw new ImportError(
      "invalid",
      `The STIX bundle has ${problems.length === 1 ? "an object" : "objects"} that do not fit STIX 2.1 (${problems.length} ${problems.length === 1 ? "problem" : "problems"}): ${listed(problems)}. Fix them or export the bundle again. Nothing was imported.`,
    );
  }
  const dangling = objects.flatMap((o) =>
    refsOf(o)
      .filter(([, ref]) => !ids.has(ref))
      .map(([field, ref]) => `${o.id}.${field}: "${ref}" is not in the bundle`),
  );
  if (dangling.length > 0) {
    throw new ImportError(
      "references",
      `The STIX bundle refers to objects it does not hold (${dangling.length}): ${listed(dangling)}. Export the bundle with the objects it refers to (in OpenCTI: a full export, not a simple one). Nothing was imported.`,
    );
  }
  return { id: envelope.data.id, objects, types, ids };
}
