/**
 * Dates as the data knows them: describeTime never claims more precision than there is, and how
 * we know (stated, resolved from "last June", inferred) with the document's words and the
 * reasoning opens from the date itself — a button, so it is one Tab or one tap away, not only a
 * hover. The explanation is a popover (HTML, no script needed). Notation (EDTF) stays inside.
 */
import { describePeriod, describeTime } from "@atlas/schema";
import { type ReactNode, useId } from "react";
import type { Time } from "@/lib/types";
import { cn } from "@/lib/utils";

export const timeText = (time: Time | null | undefined) => (time ? describeTime(time) : "date unknown");

const PRECISION_WORDS: Record<string, string> = {
  day: "known to the day",
  month: "known to the month",
  season: "known to the season",
  year: "known to the year",
  decade: "known to the decade",
  century: "known to the century",
};

/** How we know a date, in sentences: its basis, the document's words, the reasoning. */
export function timeReasoning(time: Time): string[] {
  return [
    time.basis === "explicit"
      ? "Stated in the document."
      : time.basis === "relative"
        ? "Resolved from the document's own words against its publication date."
        : "Inferred from other facts in the text.",
    time.expression ? `The document says “${time.expression}”.` : null,
    time.note ?? null,
    `${PRECISION_WORDS[time.precision] ?? time.precision}${time.part ? ` (${time.part})` : ""}.`.replace(/^./, (c) =>
      c.toUpperCase(),
    ),
  ].filter((s): s is string => Boolean(s));
}

const BASIS_STYLE: Record<string, string> = {
  explicit: "",
  relative: "border-dashed",
  inferred: "border-dotted",
};

/** Words that open an explanation: a button with a dotted underline, and the popover it toggles. */
export function Explained({
  children,
  explanation,
  label,
  className,
}: {
  children: ReactNode;
  explanation: ReactNode;
  /** What the explanation is about, for its heading ("How we know this date"). */
  label: string;
  className?: string;
}) {
  const id = `why-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  return (
    <>
      <button
        type="button"
        popoverTarget={id}
        className={cn(
          "explained cursor-help text-left underline decoration-dotted decoration-1 underline-offset-2 hover:decoration-solid",
          className,
        )}
      >
        {children}
      </button>
      <span id={id} popover="auto" className="explanation">
        <span className="mb-1 block font-medium">{label}</span>
        {explanation}
      </span>
    </>
  );
}

/** A date in a line of text, with its basis marked when the document does not state it outright. */
export function TimeText({ time, className }: { time: Time | null | undefined; className?: string }) {
  if (!time) return <span className={cn("text-muted-foreground italic", className)}>date unknown</span>;
  return (
    <span className={cn("whitespace-normal", className)}>
      <Explained
        label="How we know this date"
        explanation={timeReasoning(time).map((s) => (
          <span key={s} className="block">
            {s}
          </span>
        ))}
      >
        <time dateTime={time.edtf}>{describeTime(time)}</time>
      </Explained>
      {time.basis !== "explicit" && (
        <span className={cn("ml-1 rounded border px-1 text-[0.7rem] text-muted-foreground", BASIS_STYLE[time.basis])}>
          {time.basis}
        </span>
      )}
    </span>
  );
}

/** How long something held ("until 3 January 2020"), with how we know it one Tab or tap away. */
export function PeriodText({ time, after }: { time: Time; after?: ReactNode }) {
  return (
    <Explained
      label="How we know when"
      explanation={timeReasoning(time).map((s) => (
        <span key={s} className="block">
          {s}
        </span>
      ))}
    >
      {describePeriod(time)}
      {after}
    </Explained>
  );
}

/** The full account of a date, for detail pages: words, basis, the document's expression, the reasoning. */
export function TimeDetails({ time }: { time: Time | null | undefined }) {
  if (!time) return <p className="text-muted-foreground italic">No date: the sources do not say when.</p>;
  return (
    <div className="flex flex-col gap-1">
      <p className="text-base font-medium">
        <time dateTime={time.edtf}>{describeTime(time)}</time>
      </p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
        <dt className="text-muted-foreground">Basis</dt>
        <dd>
          {time.basis === "explicit"
            ? "stated in the document"
            : time.basis === "relative"
              ? "resolved from a relative expression against the document's publication date"
              : "inferred from other facts in the text"}
        </dd>
        {time.expression && (
          <>
            <dt className="text-muted-foreground">In the text</dt>
            <dd>“{time.expression}”</dd>
          </>
        )}
        <dt className="text-muted-foreground">Precision</dt>
        <dd>
          {PRECISION_WORDS[time.precision] ?? time.precision}
          {time.part ? ` (${time.part})` : ""}
        </dd>
        {time.note && (
          <>
            <dt className="text-muted-foreground">Reasoning</dt>
            <dd>{time.note}</dd>
          </>
        )}
      </dl>
    </div>
  );
}
