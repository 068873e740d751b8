/** Native form controls, styled once: filter forms are plain GET forms; review forms post to server actions. */
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

const control =
  "h-9 rounded-md border bg-card px-2.5 text-sm text-foreground placeholder:text-muted-foreground focus-visible:outline-2 focus-visible:outline-ring";

export function Input({ className, ...props }: ComponentProps<"input">) {
  return <input className={cn(control, "w-full min-w-0", className)} {...props} />;
}

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return <textarea className={cn(control, "h-auto min-h-20 w-full min-w-0 py-2", className)} {...props} />;
}

export function Select({ className, ...props }: ComponentProps<"select">) {
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
