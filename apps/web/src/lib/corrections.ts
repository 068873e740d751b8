/**
 * Correcting a record on its page, the pure part: which fields the form offers (the workbench
 * model's own list, `@atlas/data/workbench`), the record's current values as the form shows them,
 * and the correction a submitted form asks for — only the fields whose value differs from what the
 * page showed, lists as items added and removed, each value read by the model's own parser, so the
 * web, the CLI and the API read a typed value one way.
 */
import { EDIT_FIELDS, type FieldSpec, isListField, type Patch, parseFieldValue } from "@atlas/data/workbench";
import type { ActorDetail, ClaimDetail, EventDetail, RelationDetail } from "./types";

/** The records whose pages offer corrections. */
export type CorrectableType = "claim" | "actor" | "event" | "relation";

export interface FormField {
  field: string;
  label: string;
  kind: FieldSpec["kind"];
  options?: readonly string[];
  /** How to write a value, under the field. */
  hint: string;
  multiline: boolean;
}

const HINTS: Partial<Record<FieldSpec["kind"], string>> = {
  "optional-text": "Leave empty for none.",
  actor: "An actor's id, as in its address (kataib-hezbollah).",
  "optional-actor": "An actor's id (kataib-hezbollah); empty for none.",
  "optional-event": "An event's id; empty for none.",
  "optional-place": "A place's id (baghdad); empty for none.",
  actors: "Actor ids, separated by commas.",
  events: "Event ids, separated by commas.",
  claims: "Claim ids, separated by commas.",
  time: "2020-01-03, 2020-01, 2019-12/2020-01 or 3 January 2020.",
  "optional-time": "2020-01-03, 2020-01 or 3 January 2020; empty if unknown.",
  participants: "actor-id:role, separated by commas (kataib-hezbollah:perpetrator).",
};

const LONG = new Set(["statement", "description", "summary", "note"]);

/** The fields a record's form offers: every field the model lets a correction set (names are added with their words, in the reader). */
export function formFields(type: CorrectableType): FormField[] {
  return EDIT_FIELDS[type]
    .filter((spec) => spec.kind !== "aliases")
    .map((spec) => ({
      field: spec.field,
      label: spec.label,
      kind: spec.kind,
      options: spec.kind === "boolean" ? ["false", "true"] : spec.options,
      hint: HINTS[spec.kind] ?? "",
      multiline: LONG.has(spec.field),
    }));
}

const ids = (xs: readonly { id: string }[]) => xs.map((x) => x.id).join(", ");

/** A claim's values as its form shows them. */
export function claimValues(claim: ClaimDetail): Record<string, string> {
  return {
    claimantId: claim.claimant.id,
    stance: claim.stance,
    statement: claim.statement,
    mode: claim.mode,
    aboutActorIds: ids(claim.about.actors),
    aboutEventIds: ids(claim.about.events),
    said: claim.said?.edtf ?? "",
    onBehalfOfId: claim.onBehalfOf?.id ?? "",
    viaId: claim.via?.id ?? "",
    setting: claim.setting ?? "",
    supportsIds: ids(claim.supports),
    contradictsIds: ids(claim.contradicts),
    note: claim.note ?? "",
  };
}

/** An actor's values as its form shows them. */
export function actorValues(actor: Pick<ActorDetail, "name" | "kind" | "description">): Record<string, string> {
  return { name: actor.name, kind: actor.kind, description: actor.description };
}

/** A relation's values as its form shows them. */
export function relationValues(relation: RelationDetail): Record<string, string> {
  return {
    fromId: relation.from.id,
    type: relation.type,
    toId: relation.to.id,
    role: relation.role ?? "",
    time: relation.time?.edtf ?? "",
    former: String(relation.former),
    note: relation.note ?? "",
  };
}

/** An event's values as its form shows them. */
export function eventValues(event: EventDetail): Record<string, string> {
  return {
    kind: event.kind,
    title: event.title,
    summary: event.summary,
    time: event.time.edtf,
    placeId: event.place?.id ?? "",
    placeNote: event.placeNote ?? "",
    participants: event.participants.map((p) => `${p.actor.id}:${p.role}`).join(", "),
    partOfId: event.partOf?.id ?? "",
    responseToIds: ids(event.respondsTo),
  };
}

const itemsOf = (spec: FieldSpec, raw: string): unknown[] | { problem: string } => {
  const value = parseFieldValue(spec, raw);
  if (value && typeof value === "object" && "problem" in value) return value as { problem: string };
  return value as unknown[];
};

/** A list item's identity: an id, or a participant's actor and role. */
const keyOf = (item: unknown) => {
  if (typeof item !== "object" || item === null) return String(item);
  const p = item as { actorId?: unknown; role?: unknown };
  return `${String(p.actorId)}:${String(p.role)}`;
};

/**
 * The correction a form asks for: each field whose value differs from what the page showed (the
 * `o.` twin of each `f.` field), lists as the items added and removed; or what is wrong, naming
 * the field. An unchanged form gives an empty correction, which the API refuses in its own words.
 */
export function patchFromForm(
  type: CorrectableType,
  values: Record<string, string>,
  shown: Record<string, string>,
  by?: string,
): Patch | { problem: string } {
  const set: Record<string, unknown> = {};
  const add: Record<string, unknown[]> = {};
  const remove: Record<string, unknown[]> = {};
  for (const spec of EDIT_FIELDS[type]) {
    const now = values[spec.field];
    const before = shown[spec.field] ?? "";
    if (now === undefined || now.trim() === before.trim()) continue;
    if (isListField(spec)) {
      const after = itemsOf(spec, now);
      if ("problem" in after) return after;
      const was = itemsOf(spec, before);
      if ("problem" in was) return was;
      const wasKeys = new Set(was.map(keyOf));
      const afterKeys = new Set(after.map(keyOf));
      const added = after.filter((x) => !wasKeys.has(keyOf(x)));
      const removed = was.filter((x) => !afterKeys.has(keyOf(x)));
      if (added.length) add[spec.field] = added;
      if (removed.length) remove[spec.field] = removed;
      continue;
    }
    const value = parseFieldValue(spec, now, by);
    if (value && typeof value === "object" && "problem" in value) return value as { problem: string };
    set[spec.field] = value;
  }
  return {
    ...(Object.keys(set).length ? { set } : {}),
    ...(Object.keys(add).length ? { add } : {}),
    ...(Object.keys(remove).length ? { remove } : {}),
  };
}
