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
import { SIGN_IN_TO_WRITE, writeFailure, writer } from "@/trpc/write";

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

const CORRECTABLE: readonly CorrectableType[] = ["claim", "actor", "event"];

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
  const { type, id, version, reason } = target(form);
  const kind = CORRECTABLE.find((t) => t === type);
  if (!kind) return { ok: false, message: `"${type}" records cannot be retired here.` };
  const w = await writer();
  if (!w) return { ok: false, message: SIGN_IN_TO_WRITE };
  try {
    await w.client.records.retire.mutate({ id, type: kind, version, reason });
    refresh();
    return { ok: true, message: "Retired." };
  } catch (e) {
    return { ok: false, message: writeFailure(`the ${kind}`, e) };
  }
}

export async function restoreAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const { type, id, reason } = target(form);
  const kind = CORRECTABLE.find((t) => t === type);
  if (!kind) return { ok: false, message: `"${type}" records cannot be restored here.` };
  const w = await writer();
  if (!w) return { ok: false, message: SIGN_IN_TO_WRITE };
  try {
    await w.client.records.restore.mutate({ id, type: kind, reason: reason || undefined });
    refresh();
    return { ok: true, message: "Restored." };
  } catch (e) {
    return { ok: false, message: writeFailure(`the ${kind}`, e) };
  }
}

/** `source-id:start-end`, as the remove-evidence form sends each chosen quote. */
const SPAN = /^(.+):(\d+)-(\d+)$/;

export async function removeEvidenceAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const { type, id, version, reason } = target(form);
  const kind = CORRECTABLE.find((t) => t === type);
  if (!kind) return { ok: false, message: `"${type}" records cannot be corrected here.` };
  const spans = form.getAll("remove").flatMap((v) => {
    const m = typeof v === "string" ? SPAN.exec(v) : null;
    return m ? [{ sourceId: m[1] as string, start: Number(m[2]), end: Number(m[3]) }] : [];
  });
  if (spans.length === 0) return { ok: false, message: "Choose at least one quote to remove." };
  const w = await writer();
  if (!w) return { ok: false, message: SIGN_IN_TO_WRITE };
  try {
    await w.client.records.edit.mutate({
      id,
      type: kind,
      patch: { removeEvidence: spans },
      version,
      reason: reason || undefined,
    });
    refresh();
    return { ok: true, message: spans.length === 1 ? "Removed one quote." : `Removed ${spans.length} quotes.` };
  } catch (e) {
    return { ok: false, message: writeFailure(`the ${kind}`, e) };
  }
}
