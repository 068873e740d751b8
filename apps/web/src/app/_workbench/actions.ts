"use server";
import { parseGrade } from "@atlas/data/workbench";
/**
 * Correcting and grading records from their pages, as server actions: the browser posts a form,
 * the web server calls the workbench's procedures through the writer (src/trpc/write.ts) with the
 * version the page showed. Each answers with a message for the form — a refusal in the API's own
 * words (a stale version names who changed the record) or what was done — and refreshes the page.
 */
import { type CredibilityGrade, describeGrade, type ReliabilityGrade } from "@atlas/schema";
import { refresh } from "next/cache";
import type { ActionResult } from "@/app/review/actions";
import { type CorrectableType, formFields, patchFromForm } from "@/lib/corrections";
import { api } from "@/trpc/client";
import { SIGN_IN_TO_WRITE, type Writer, writeFailure, writer } from "@/trpc/write";

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

const CORRECTABLE: readonly CorrectableType[] = ["claim", "actor", "event", "relation"];

/** The record a form is about: its kind, id and the version the page showed. */
function target(form: FormData) {
  const type = text(form, "type");
  const version = Number(text(form, "version"));
  return {
    type,
    id: text(form, "id"),
    version: Number.isInteger(version) && version > 0 ? version : undefined,
    reason: text(form, "reason").trim(),
  };
}

type Target = ReturnType<typeof target> & { kind: CorrectableType };

/**
 * One write from a record's page, as the signed-in reviewer: the form's record (a kind these pages
 * correct), `run` making the write and saying what was done; the page refreshes. A refusal comes
 * back in the API's words (a stale version names who changed the record).
 */
async function writeFrom(
  form: FormData,
  refused: string,
  run: (client: Writer, record: Target) => Promise<string>,
): Promise<ActionResult> {
  const record = target(form);
  const kind = CORRECTABLE.find((t) => t === record.type);
  if (!kind) return { ok: false, message: `"${record.type}" records cannot be ${refused} here.` };
  const w = await writer();
  if (!w) return { ok: false, message: SIGN_IN_TO_WRITE };
  try {
    const message = await run(w.client, { ...record, kind });
    refresh();
    return { ok: true, message };
  } catch (e) {
    return { ok: false, message: writeFailure(`the ${kind}`, e) };
  }
}

/** A correction's answer carries what was typed, so a refused form shows it again (without JavaScript too). */
export interface EditState extends ActionResult {
  values: Record<string, string>;
  reason: string;
}

export async function editRecordAction(_prev: EditState | null, form: FormData): Promise<EditState> {
  const { type, id, version, reason } = target(form);
  const kind = CORRECTABLE.find((t) => t === type);
  if (!kind) return { ok: false, message: `"${type}" records cannot be corrected here.`, values: {}, reason };
  const values: Record<string, string> = {};
  const shown: Record<string, string> = {};
  for (const f of formFields(kind)) {
    values[f.field] = text(form, `f.${f.field}`);
    shown[f.field] = text(form, `o.${f.field}`);
  }
  const fail = (message: string): EditState => ({ ok: false, message, values, reason });
  const w = await writer();
  if (!w) return fail(SIGN_IN_TO_WRITE);
  const patch = patchFromForm(kind, values, shown);
  if ("problem" in patch) return fail(`${patch.problem}. Correct it and save again.`);
  try {
    const result = await w.client.records.edit.mutate({ id, type: kind, patch, version, reason: reason || undefined });
    const now = result.records.find((r) => r.recordId === id)?.version;
    refresh();
    return { ok: true, message: `Saved${now ? ` as version ${now}` : ""}.`, values, reason: "" };
  } catch (e) {
    return fail(writeFailure(`the ${kind}`, e));
  }
}

export async function gradeAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const { type, id, version, reason } = target(form);
  if (type !== "claim" && type !== "source") return { ok: false, message: `"${type}" records are not graded.` };
  const w = await writer();
  if (!w) return { ok: false, message: SIGN_IN_TO_WRITE };
  const grade = parseGrade(type, text(form, "grade"));
  if (grade !== null && typeof grade === "object") return { ok: false, message: grade.problem };
  try {
    await w.client.records.grade.mutate(
      type === "claim"
        ? { type, id, grade: grade as CredibilityGrade | null, version, reason }
        : { type, id, grade: grade as ReliabilityGrade | null, version, reason },
    );
    refresh();
    return {
      ok: true,
      message: grade === null ? "Grade cleared: not graded." : `Graded ${describeGrade({ grade })}.`,
    };
  } catch (e) {
    return { ok: false, message: writeFailure(`the ${type}'s grade`, e) };
  }
}

export async function retireAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return writeFrom(form, "retired", async (client, { id, kind, version, reason }) => {
    await client.records.retire.mutate({ id, type: kind, version, reason });
    return "Retired.";
  });
}

export async function restoreAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return writeFrom(form, "restored", async (client, { id, kind, reason }) => {
    await client.records.restore.mutate({ id, type: kind, reason: reason || undefined });
    return "Restored.";
  });
}

/** `source-id:start-end`, as the remove-evidence form sends each chosen quote. */
const SPAN = /^(.+):(\d+)-(\d+)$/;

export async function removeEvidenceAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const spans = form.getAll("remove").flatMap((v) => {
    const m = typeof v === "string" ? SPAN.exec(v) : null;
    return m ? [{ sourceId: m[1] as string, start: Number(m[2]), end: Number(m[3]) }] : [];
  });
  if (spans.length === 0) return { ok: false, message: "Choose at least one quote to remove." };
  return writeFrom(form, "corrected", async (client, { id, kind, version, reason }) => {
    await client.records.edit.mutate({
      id,
      type: kind,
      patch: { removeEvidence: spans },
      version,
      reason: reason || undefined,
    });
    return spans.length === 1 ? "Removed one quote." : `Removed ${spans.length} quotes.`;
  });
}

/** More words for a record's evidence: a document's id, its exact words, which occurrence when they repeat. */
export async function addEvidenceAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const sourceId = text(form, "sourceId").trim();
  const quote = text(form, "quote").trim();
  const occurrenceText = text(form, "occurrence").trim();
  const occurrence = occurrenceText === "" ? undefined : Number(occurrenceText);
  if (!sourceId) return { ok: false, message: "Name the document the words are in (its id, as in its address)." };
  if (!quote) return { ok: false, message: "Paste the exact words from the document." };
  if (occurrence !== undefined && !(Number.isInteger(occurrence) && occurrence > 0)) {
    return {
      ok: false,
      message: `Occurrence "${occurrenceText}" is not a whole number from 1; leave it empty for the first.`,
    };
  }
  return writeFrom(form, "corrected", async (client, { id, kind, version, reason }) => {
    await client.records.edit.mutate({
      id,
      type: kind,
      patch: { addEvidence: [{ sourceId, quote, ...(occurrence ? { occurrence } : {}) }] },
      version,
      reason: reason || undefined,
    });
    return "Added the quote.";
  });
}

/**
 * Takes one of an actor's other names away (the mentions found by it go with it). The actor's
 * own name is not one of them: it is renamed, never removed, so an actor always has a name.
 */
export async function removeAliasAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const alias = text(form, "alias").trim();
  if (!alias) return { ok: false, message: "Choose the name to remove." };
  if (!text(form, "reason").trim()) return { ok: false, message: "Say why the name goes (for the history)." };
  const actor = await api.actors.byId.query({ id: text(form, "id") }).catch(() => null);
  if (actor && actor.name.toLowerCase() === alias.toLowerCase()) {
    return {
      ok: false,
      message: `“${actor.name}” is this actor's primary name and cannot be removed: an actor keeps a name. To change it, edit the Name field under “Edit this actor”.`,
    };
  }
  return writeFrom(form, "corrected", async (client, { id, version, reason }) => {
    await client.records.edit.mutate({ id, type: "actor", patch: { remove: { aliases: [alias] } }, version, reason });
    return `Removed the name “${alias}”.`;
  });
}
