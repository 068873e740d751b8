"use server";
/**
 * Annotating a document's words: the reader's form posts here, and this calls the workbench's
 * add procedure (records.add — the one `atlas add` uses) as the signed-in reviewer. The API
 * decides: a quote not in the document, an unknown id or an unreadable date is refused in its
 * words, and nothing is written. On success the answer links to the new (or grown) record.
 */
import type { AddRecordInput } from "@atlas/data/workbench";
import { refresh } from "next/cache";
import { ANNOTATION_KINDS, type AnnotationKind } from "@/lib/annotate";
import { actorHref, claimHref, eventHref, relationHref } from "@/lib/links";
import { SIGN_IN_TO_WRITE, writeFailure, writer } from "@/trpc/write";

export interface AnnotateResult {
  ok: boolean;
  message: string;
  /** The record made or added to, to follow, and what to call the link. */
  href?: string;
  linkText?: string;
}

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  // A textarea's line breaks travel as CRLF in a form post; the document has plain newlines.
  return typeof v === "string" ? v.replace(/\r\n?/g, "\n").trim() : "";
};
const ids = (form: FormData, name: string) =>
  form
    .getAll(name)
    .filter((v): v is string => typeof v === "string" && v.length > 0)
    .filter((v, i, all) => all.indexOf(v) === i);

/** The record to add from the form, or what is missing (in the form's own words). */
function recordFrom(
  kind: AnnotationKind,
  form: FormData,
  words: Pick<AddRecordInput, "sourceId" | "quote" | "occurrence">,
): AddRecordInput | string {
  const need = (value: string, what: string) => (value ? null : what);
  switch (kind) {
    case "claim": {
      const claimantId = text(form, "claimantId");
      const stance = text(form, "stance");
      const statement = text(form, "statement");
      const missing =
        need(claimantId, "who made the claim") ?? need(stance, "its stance") ?? need(statement, "what it says");
      if (missing) return `A claim needs ${missing}.`;
      const said = text(form, "said");
      return {
        kind,
        ...words,
        claimantId,
        stance: stance as Extract<AddRecordInput, { kind: "claim" }>["stance"],
        statement,
        aboutActorIds: ids(form, "aboutActorIds"),
        aboutEventIds: ids(form, "aboutEventIds"),
        supportsIds: ids(form, "supportsIds"),
        contradictsIds: ids(form, "contradictsIds"),
        said: said || undefined,
      };
    }
    case "mention": {
      const actorId = text(form, "actorId");
      return actorId ? { kind, ...words, actorId } : "A mention needs the actor the words name.";
    }
    case "alias": {
      const actorId = text(form, "actorId");
      if (!actorId) return "A new name needs the actor it belongs to.";
      const aliasKind = text(form, "aliasKind");
      return {
        kind,
        ...words,
        actorId,
        aliasKind: (aliasKind || undefined) as Extract<AddRecordInput, { kind: "alias" }>["aliasKind"],
        documentOnly: form.get("documentOnly") === "on" || undefined,
      };
    }
    case "event": {
      const eventId = text(form, "eventId");
      if (eventId) return { kind, ...words, eventId };
      const eventKind = text(form, "eventKind");
      const title = text(form, "title");
      const time = text(form, "time");
      const missing = need(eventKind, "its kind") ?? need(title, "a title") ?? need(time, "when it happened");
      if (missing) return `Choose the event these words are about, or give a new event ${missing}.`;
      return {
        kind,
        ...words,
        eventKind: eventKind as Extract<AddRecordInput, { kind: "event" }>["eventKind"],
        title,
        time,
      };
    }
    case "relation": {
      const fromId = text(form, "fromId");
      const type = text(form, "relationType");
      const toId = text(form, "toId");
      const missing =
        need(fromId, "the actor it is from") ?? need(type, "its type") ?? need(toId, "the actor it is to");
      if (missing) return `A relation needs ${missing}.`;
      const time = text(form, "time");
      return {
        kind,
        ...words,
        fromId,
        type: type as NonNullable<Extract<AddRecordInput, { kind: "relation" }>["type"]>,
        toId,
        time: time || undefined,
      };
    }
    case "actor": {
      const actorKind = text(form, "actorKind");
      const description = text(form, "description");
      const missing = need(actorKind, "its kind") ?? need(description, "a description");
      if (missing) return `A new actor needs ${missing}.`;
      const name = text(form, "name");
      return {
        kind,
        ...words,
        name: name || undefined,
        actorKind: actorKind as Extract<AddRecordInput, { kind: "actor" }>["actorKind"],
        description,
      };
    }
  }
}

const SAVED: Record<AnnotationKind, string> = {
  claim: "a claim with these words as its evidence",
  mention: "a mention",
  alias: "a new name of the actor",
  event: "these words as the event's evidence",
  relation: "a relation with these words as its evidence",
  actor: "a new actor",
};

/** Where the new record is read, and how to name it. */
function madeHref(kind: AnnotationKind, record: AddRecordInput, made: { recordType: string; recordId: string }[]) {
  const first = (type: string) => made.find((r) => r.recordType === type)?.recordId;
  switch (kind) {
    case "claim": {
      const id = first("claim");
      return id ? { href: claimHref(id), what: "the claim" } : null;
    }
    case "event": {
      const id = first("event");
      return id ? { href: eventHref(id), what: "the event" } : null;
    }
    case "actor": {
      const id = first("actor");
      return id ? { href: actorHref(id), what: "the new actor" } : null;
    }
    case "relation": {
      const id = first("relation");
      return id ? { href: relationHref(id), what: "the relation" } : null;
    }
    default:
      return "actorId" in record ? { href: actorHref(record.actorId), what: "the actor" } : null;
  }
}

export async function annotate(_prev: AnnotateResult | null, form: FormData): Promise<AnnotateResult> {
  const w = await writer();
  if (!w) return { ok: false, message: SIGN_IN_TO_WRITE };
  const kind = text(form, "kind") as AnnotationKind;
  if (!ANNOTATION_KINDS.includes(kind)) {
    return { ok: false, message: `Choose what to make of the words: ${ANNOTATION_KINDS.join(", ")}.` };
  }
  const sourceId = text(form, "sourceId");
  const quote = text(form, "quote");
  if (!quote) return { ok: false, message: "Select the words in the text (or type them exactly) first." };
  const rawOccurrence = text(form, "occurrence");
  const occurrence = rawOccurrence ? Number(rawOccurrence) : undefined;
  if (occurrence !== undefined && !(Number.isInteger(occurrence) && occurrence > 0)) {
    return { ok: false, message: `Occurrence: a whole number from 1, not "${rawOccurrence}".` };
  }
  const record = recordFrom(kind, form, { sourceId, quote, occurrence });
  if (typeof record === "string") return { ok: false, message: record };
  try {
    const result = await w.client.records.add.mutate({ record, reason: text(form, "reason") || undefined });
    refresh();
    const made = madeHref(kind, record, result.records);
    return {
      ok: true,
      message: `Saved, as ${result.reviewer}: ${SAVED[kind]}.`,
      href: made?.href,
      linkText: made ? `Open ${made.what}` : undefined,
    };
  } catch (e) {
    return { ok: false, message: writeFailure("the annotation", e) };
  }
}
