/** Page scaffolding: a heading block and titled sections, the same on every page. */
import { type ReactNode, useId } from "react";
import { cn } from "@/lib/utils";

export function PageHeader({
  title,
  eyebrow,
  children,
  actions,
}: {
  title: ReactNode;
  eyebrow?: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-2">
      {eyebrow && <div className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">{eyebrow}</div>}
      <div className="flex flex-wrap items-start justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight text-balance sm:text-3xl">{title}</h1>
        {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
      </div>
      {children && <div className="max-w-3xl text-muted-foreground">{children}</div>}
    </div>
  );
}

export function Section({
  id,
  title,
  count,
  description,
  children,
  className,
}: {
  id?: string;
  title: string;
  count?: number;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const generated = useId();
  const headingId = id ? `${id}-heading` : `section-${generated}`;
  return (
    <section id={id} aria-labelledby={headingId} className={cn("flex scroll-mt-16 flex-col gap-3", className)}>
      <div className="flex flex-col gap-0.5">
        <h2 id={headingId} className="text-lg font-semibold tracking-tight">
          {title}
          {count !== undefined && (
            <span className="ml-2 text-sm font-normal text-muted-foreground tabular-nums">{count}</span>
          )}
        </h2>
        {description && <p className="text-sm text-muted-foreground">{description}</p>}
      </div>
      {children}
    </section>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="rounded-md border border-dashed p-4 text-sm text-muted-foreground">{children}</p>;
}
