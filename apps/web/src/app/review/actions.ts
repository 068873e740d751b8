"use server";
import { documentTooLarge } from "@atlas/schema";
/**
 * The review pages' writes, as server actions: the browser posts a form, the web server calls
 * the API with the signed-in reviewer's token. Each answers with a message for the form (a refusal in the API's own
 * words, or what was done) and refreshes the page so it shows the new state.
 */
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { editFromForm, KIND_INFO, parseConfidence, SUGGESTION_KINDS } from "@/lib/review";
import type { SuggestionKind } from "@/lib/types";
import { plural } from "@/lib/utils";
import { codeOf, SIGN_IN_TO_WRITE, writeFailure, writer } from "@/trpc/write";

export interface ActionResult {
  ok: boolean;
  message: string;
}

const READ_ONLY: ActionResult = { ok: false, message: SIGN_IN_TO_WRITE };

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v.trim() : "";
};

/** What the add-document form holds, sent back with a refusal so nothing the user typed is lost. */
export interface AddDocumentFields {
  text: string;
  title: string;
  publisher: string;
  published: string;
  url: string;
}
export interface AddDocumentState extends ActionResult {
  fields: AddDocumentFields;
  /** A file was chosen: the browser cannot refill a file input, so the message asks for it again. */
  hadFile: boolean;
}

export async function addDocument(_prev: AddDocumentState | null, form: FormData): Promise<AddDocumentState> {
  // A textarea's line breaks travel as CRLF in a form post; the pasted text had plain newlines.
  const pasted = (typeof form.get("text") === "string" ? (form.get("text") as string) : "").replace(/\r\n?/g, "\n");
  const fields: AddDocumentFields = {
    text: pasted,
    title: text(form, "title"),
    publisher: text(form, "publisher"),
    published: text(form, "published"),
    url: text(form, "url"),
  };
  // An empty file input still posts a part (a 0-byte "blob"); a chosen 0-byte file is as empty as no file.
  const upload = form.get("file");
  const file = upload instanceof File && upload.size > 0 ? upload : null;
  const fail = (message: string): AddDocumentState => ({ ok: false, message, fields, hadFile: file !== null });
  const w = await writer();
  if (!w) return fail(READ_ONLY.message);
  if (!file && !pasted.trim()) {
    return fail(
      "The document is empty: paste its text, or choose a file (.txt, .html, .pdf or .docx), then add it again.",
    );
  }
  if (file && pasted.trim()) {
    return fail("Give the document one way: paste its text, or choose a file — not both. Clear one and add it again.");
  }
  const oversize = documentTooLarge(file ? file.size : Buffer.byteLength(pasted));
  if (oversize) return fail(oversize);
  const metadata = {
    title: fields.title || undefined,
    publisher: fields.publisher || undefined,
    published: fields.published || undefined,
    url: fields.url || undefined,
  };
  let sourceId: string;
  try {
    const report = file
      ? await w.client.ingest.add.mutate({
          ...metadata,
          base64: Buffer.from(await file.arrayBuffer()).toString("base64"),
          fileName: file.name || undefined,
        })
      : await w.client.ingest.add.mutate({ ...metadata, text: pasted });
    sourceId = report.sourceId;
  } catch (e) {
    return fail(writeFailure("the new document", e));
  }
  redirect(`/review/${encodeURIComponent(sourceId)}`);
}

const kindOf = (form: FormData): SuggestionKind | null => {
  const kind = text(form, "kind");
  return (SUGGESTION_KINDS as readonly string[]).includes(kind) ? (kind as SuggestionKind) : null;
};

const UNKNOWN_KIND: ActionResult = {
  ok: false,
  message: `The form names no kind of suggestion (${SUGGESTION_KINDS.join(", ")}); reload the page and try again.`,
};

/**
 * Accept, reject, or save an edit of one suggestion — which one is the submit button's `intent`.
 * A form with `edit=1` carries fields (see lib/review.ts); a choice button (a mention's
 * candidate, "this document's account of" an event or "a new event") is such a field itself.
 */
export async function reviewSuggestion(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const w = await writer();
  if (!w) return READ_ONLY;
  const id = text(form, "id");
  const kind = kindOf(form);
  if (!kind) return UNKNOWN_KIND;
  const intent = text(form, "intent");
  const note = text(form, "note") || undefined;
  const label = KIND_INFO[kind].one;
  try {
    if (intent === "reject") {
      await w.client.review.reject.mutate({ id, note });
      refresh();
      return { ok: true, message: `Rejected this ${label}: nothing was created.` };
    }
    const hasEdit = text(form, "edit") === "1";
    const { edit, problems } = hasEdit ? editFromForm(kind, form) : { edit: {}, problems: [] };
    if (problems.length > 0) return { ok: false, message: problems.join(" ") };
    const changed = Object.keys(edit).length > 0;
    if (intent === "save") {
      if (!changed) return { ok: false, message: "Nothing was changed, so nothing was saved." };
      await w.client.review.edit.mutate({ id, edit });
      refresh();
      return { ok: true, message: "Saved. The suggestion is still waiting for review." };
    }
    if (intent === "accept") {
      const result = await w.client.review.accept.mutate({ id, edit: changed ? edit : undefined, note });
      refresh();
      return { ok: true, message: `Accepted: ${plural(result.records.length, "record")} created.` };
    }
    return { ok: false, message: `Unknown action "${intent}".` };
  } catch (e) {
    // Reviewed meanwhile (another tab, the CLI): show its status now, with the API's message.
    if (codeOf(e) === "CONFLICT") refresh();
    return { ok: false, message: writeFailure(`the ${label} suggestion`, e) };
  }
}

/** Accept every pending suggestion of one kind in a document, optionally only those at least this sure. */
export async function acceptAllOfKind(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const w = await writer();
  if (!w) return READ_ONLY;
  const sourceId = text(form, "sourceId");
  const kind = kindOf(form);
  if (!kind) return UNKNOWN_KIND;
  const minConfidence = parseConfidence(text(form, "minConfidence"));
  if (typeof minConfidence === "string") return { ok: false, message: minConfidence };
  try {
    const { accepted, failed } = await w.client.review.acceptAll.mutate({ sourceId, kind, minConfidence });
    refresh();
    const info = KIND_INFO[kind];
    const done =
      minConfidence === undefined
        ? `Accepted ${plural(accepted, info.one, info.many)}.`
        : `Accepted ${plural(accepted, info.one, info.many)} at confidence ${minConfidence} or more.`;
    if (failed.length === 0) return { ok: true, message: done };
    return {
      ok: false,
      message: `${done} ${plural(failed.length, info.one, info.many)} could not be accepted as they stand: ${failed
        .slice(0, 3)
        .map((f) => `${f.id} — ${f.message}`)
        .join("; ")}${failed.length > 3 ? "; …" : ""}`,
    };
  } catch (e) {
    return { ok: false, message: writeFailure(`the ${KIND_INFO[kind].many}`, e) };
  }
}
