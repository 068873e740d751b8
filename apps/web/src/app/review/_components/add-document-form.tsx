"use client";
import { documentTooLarge, MAX_DOCUMENT_SIZE } from "@atlas/schema";
/**
 * Adding a document: paste its text (or HTML) or choose a file — text, a saved web page, a PDF
 * or a Word file — with what is known about it. The server action sends it to the API; a refusal (empty, binary, not UTF-8, too
 * large, already in the atlas) is shown next to the form with everything typed still in it.
 */
import { FilePlus2 } from "lucide-react";
import { startTransition, useActionState, useState } from "react";
import { type AddDocumentState, addDocument } from "@/app/review/actions";
import { Button } from "@/components/ui/button";
import { Input, Label, Textarea } from "@/components/ui/form";
import { ActionMessage } from "./action-form";

export function AddDocumentForm() {
  const [state, formAction, pending] = useActionState<AddDocumentState | null, FormData>(addDocument, null);
  // A refusal found before uploading (a file over the limit), shown like the server's.
  const [local, setLocal] = useState<string | null>(null);
  const f = state?.fields;
  const message = local
    ? { ok: false, message: local }
    : state && !state.ok && state.hadFile
      ? { ...state, message: `${state.message} (If the page reloaded, choose the file again.)` }
      : state;
  return (
    <form
      action={formAction}
      aria-label="Add a document"
      aria-busy={pending}
      className="flex flex-col gap-4 rounded-lg border bg-card p-4"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const file = data.get("file");
        const text = data.get("text");
        const refusal = documentTooLarge(
          Math.max(file instanceof File ? file.size : 0, typeof text === "string" ? new Blob([text]).size : 0),
        );
        setLocal(refusal);
        if (!refusal) startTransition(() => formAction(data));
      }}
    >
      <fieldset disabled={pending} className="contents">
        <Label>
          <span>
            The document’s text <span className="font-normal">(plain text or HTML, pasted)</span>
          </span>
          <Textarea
            name="text"
            defaultValue={f?.text}
            className="min-h-48 font-mono"
            spellCheck={false}
            placeholder="Paste the article here, headline first…"
          />
        </Label>
        <Label>
          <span>
            …or a file{" "}
            <span className="font-normal">
              (.txt, .html, .pdf with a text layer, or .docx; up to {MAX_DOCUMENT_SIZE})
            </span>
          </span>
          <input
            type="file"
            name="file"
            accept=".txt,.text,.html,.htm,.pdf,.docx,text/plain,text/html,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            className="text-sm text-foreground file:mr-3 file:rounded-md file:border file:bg-muted file:px-2.5 file:py-1.5 file:text-sm file:font-medium"
          />
        </Label>
        <div className="grid gap-3 sm:grid-cols-2">
          <Label>
            <span>
              Title <span className="font-normal">(taken from the document when blank)</span>
            </span>
            <Input name="title" defaultValue={f?.title} maxLength={500} />
          </Label>
          <Label>
            Publisher
            <Input name="publisher" defaultValue={f?.publisher} maxLength={200} />
          </Label>
          <Label>
            <span>
              Published <span className="font-normal">(YYYY-MM-DD, or YYYY-MM, or YYYY)</span>
            </span>
            <Input
              name="published"
              defaultValue={f?.published}
              inputMode="numeric"
              pattern="\d{4}(-\d{2}(-\d{2})?)?"
              title="YYYY-MM-DD, or YYYY-MM, or YYYY when only that is known"
            />
          </Label>
          <Label>
            Address (URL)
            <Input name="url" type="url" defaultValue={f?.url} placeholder="https://…" />
          </Label>
        </div>
        <p className="text-xs text-muted-foreground">
          Relative dates in the text (“last June”) are resolved against the publication date, so give it when you know
          it. Nothing in the document becomes a fact until you accept it.
        </p>
        <div>
          <Button type="submit">
            <FilePlus2 aria-hidden />
            Add and find suggestions
          </Button>
        </div>
      </fieldset>
      <ActionMessage state={message} pending={pending} />
    </form>
  );
}
