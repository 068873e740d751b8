/** Native form controls, styled once: filter forms are plain GET forms; review forms post to server actions. */
import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/utils";

const control =
  "h-9 rounded-md border bg-card px-2.5 text-sm text-foreground placeholder:text-muted-foreground focus-visible:outline-2 focus-visible:outline-ring";

export function Input({ className, ...props }: ComponentProps<"input">) {
  return <input className={cn(control, "w-full min-w-0", className)} {...props} />;
}

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return <textarea className={cn(control, "h-auto min-h-20 w-full min-w-0 py-2", className)} {...props} />;
}

function Select({ className, ...props }: ComponentProps<"select">) {
  return <select className={cn(control, "w-full min-w-0 pr-7", className)} {...props} />;
}

/** A label that wraps its control (so no htmlFor is needed). */
export function Label({ className, ...props }: ComponentProps<"label">) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: callers put the control inside the label.
    <label
      className={cn("flex min-w-0 flex-col gap-1 text-xs font-medium text-muted-foreground", className)}
      {...props}
    />
  );
}

/** One option of a SelectField; `title` is the tooltip a browser shows (a kind's description, say). */
export interface Choice {
  value: string;
  label: string;
  title?: string | undefined;
  disabled?: boolean | undefined;
}

/** Options under a heading (an <optgroup>); a group with no choices is left out. */
export interface ChoiceGroup {
  group: string;
  choices: Choice[];
}

/** The choices of a fixed list: each value, as it reads, with its description as a tooltip. */
export function choicesOf<T extends string>(
  values: readonly T[],
  label: (value: T) => string,
  title?: (value: T) => string,
): Choice[] {
  return values.map((value) => ({ value, label: label(value), ...(title ? { title: title(value) } : {}) }));
}

/** The choices of a list of records: each id, and how the record reads. */
export function recordChoices<T extends { id: string }>(records: readonly T[], label: (record: T) => string): Choice[] {
  return records.map((r) => ({ value: r.id, label: label(r) }));
}

function ChoiceOption({ value, label, title, disabled }: Choice) {
  return (
    <option value={value} title={title} disabled={disabled}>
      {label}
    </option>
  );
}

/**
 * A labelled choice from a list: the one way the forms offer a select. The label wraps the
 * select, so it names it for assistive technology; `hideLabel` keeps it for screen readers only
 * (a row of selects whose heading says what each is). `empty` is a first option with the value ""
 * ("— none —", "Not given"); with `required`, the form cannot be sent until another is chosen.
 * Every other prop (name, id, defaultValue or value and onChange, required, multiple…) is the select's.
 */
export function SelectField({
  label,
  hideLabel = false,
  empty,
  choices,
  className,
  selectClassName,
  ...select
}: Omit<ComponentProps<"select">, "children" | "className"> & {
  label: ReactNode;
  hideLabel?: boolean;
  empty?: string | undefined;
  choices: (Choice | ChoiceGroup)[];
  /** The label's classes (its place in a grid). */
  className?: string | undefined;
  selectClassName?: string | undefined;
}) {
  return (
    <Label className={className}>
      {hideLabel ? <span className="sr-only">{label}</span> : label}
      <Select className={selectClassName} {...select}>
        {empty !== undefined && <option value="">{empty}</option>}
        {choices.map((c) =>
          "group" in c ? (
            c.choices.length > 0 && (
              <optgroup key={`group:${c.group}`} label={c.group}>
                {c.choices.map((o) => (
                  <ChoiceOption key={o.value} {...o} />
                ))}
              </optgroup>
            )
          ) : (
            <ChoiceOption key={c.value} {...c} />
          ),
        )}
      </Select>
    </Label>
  );
}

/** A checkbox chip: the whole pill is the label, so it is easy to hit on a phone. */
export function CheckChip({ className, children, ...props }: ComponentProps<"input"> & { children: React.ReactNode }) {
  return (
    <label
      className={cn(
        "tap inline-flex cursor-pointer items-center gap-1.5 rounded-full border bg-card px-2.5 py-1 text-xs has-[:checked]:border-primary has-[:checked]:bg-accent has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring",
        className,
      )}
    >
      <input type="checkbox" className="size-3.5 accent-[var(--primary)]" {...props} />
      {children}
    </label>
  );
}

export function Fieldset({
  className,
  legend,
  children,
}: {
  className?: string;
  legend: string;
  children: React.ReactNode;
}) {
  return (
    <fieldset className={cn("flex flex-col gap-1.5", className)}>
      <legend className="mb-1 text-xs font-medium text-muted-foreground">{legend}</legend>
      {children}
    </fieldset>
  );
}
