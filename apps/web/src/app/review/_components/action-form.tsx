"use client";
/**
 * A form that posts to a server action and shows its answer next to the buttons: a refusal in
 * the API's words (an alert), or what was done. Without JavaScript it is a plain form post and
 * the answer comes back in the page. With it, the submission is sent without resetting the
 * form, so nothing typed is lost when the API says no.
 */
import { TriangleAlert } from "lucide-react";
import { type ReactNode, startTransition, useActionState, useEffect, useRef } from "react";
import type { ActionResult } from "@/app/review/actions";
import { cn } from "@/lib/utils";

export function ActionForm({
  action,
  children,
  className,
  label,
  focusFirst = false,
}: {
  action: (prev: ActionResult | null, form: FormData) => Promise<ActionResult>;
  children: ReactNode;
  className?: string;
  /** The form's accessible name, for forms worth reaching as a landmark (not every card's buttons). */
  label?: string;
  /** Put the focus in the form's first field when it appears (an edit form opened by keyboard). */
  focusFirst?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (focusFirst) ref.current?.querySelector<HTMLElement>("input:not([type=hidden]), select, textarea")?.focus();
  }, [focusFirst]);
  return (
    <form
      ref={ref}
      action={formAction}
      aria-label={label}
      aria-busy={pending}
      className={cn("flex flex-col gap-2", className)}
      onSubmit={(event) => {
        event.preventDefault();
        const submitter = (event.nativeEvent as SubmitEvent).submitter;
        const data = new FormData(event.currentTarget, submitter);
        startTransition(() => formAction(data));
      }}
    >
      <fieldset disabled={pending} className="contents">
        {children}
      </fieldset>
      <ActionMessage state={state} pending={pending} />
    </form>
  );
}

/** Why an action was refused, announced as it appears. */
export function ActionAlert({ message }: { message: string }) {
  return (
    <p role="alert" className="flex gap-2 rounded-md border border-danger/40 bg-card px-3 py-2 text-sm">
      <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-danger" />
      <span>{message}</span>
    </p>
  );
}

export function ActionMessage({ state, pending }: { state: ActionResult | null; pending: boolean }) {
  return (
    <>
      <p role="status" className="text-sm text-muted-foreground empty:hidden">
        {pending ? "Working…" : state?.ok ? state.message : ""}
      </p>
      {!pending && state && !state.ok && <ActionAlert message={state.message} />}
    </>
  );
}
