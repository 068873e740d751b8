/**
 * Dates as the data knows them: describeTime never claims more precision than there is, and the
 * basis (explicit / relative / inferred), the document's own words and the reasoning are one
 * hover (title) or one expand away.
 */
import { describeTime } from "@atlas/schema";
import type { Time } from "@/lib/types";
import { cn } from "@/lib/utils";

export const timeText = (time: Time | null | undefined) => (time ? describeTime(time) : "date unknown");

function tooltip(time: Time): string {
  return [
    `EDTF ${time.edtf} (${time.precision} precision)`,
    `Basis: ${time.basis}`,
    time.expression ? `The document says “${time.expression}”` : null,
    time.note ?? null,
  ]
    .filter(Boolean)
    .join(" · ");
}

const BASIS_STYLE: Record<string, string> = {
  explicit: "",
  relative: "border-dashed",
  inferred: "border-dotted",
};

/** A date in a line of text, with its basis marked when the document does not state it outright. */
export function TimeText({ time, className }: { time: Time | null | undefined; className?: string }) {
  if (!time) return <span className={cn("text-muted-foreground italic", className)}>date unknown</span>;
  return (
    <span className={cn("whitespace-normal", className)}>
      <time dateTime={time.edtf} title={tooltip(time)} className="cursor-help underline decoration-dotted decoration-1">
        {describeTime(time)}
      </time>
      {time.basis !== "explicit" && (
        <span
          className={cn("ml-1 rounded border px-1 text-[0.7rem] text-muted-foreground", BASIS_STYLE[time.basis])}
          title={tooltip(time)}
        >
          {time.basis}
        </span>
      )}
    </span>
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
          {time.precision}
          {time.part ? ` (${time.part})` : ""} · <code className="text-xs">{time.edtf}</code>
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
