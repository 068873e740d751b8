/**
 * The review page's filters: a chip per kind and per status, each with how many suggestions it
 * would show under the other filter; the one in the URL is current.
 */
import type { ReactNode } from "react";
import Link from "@/components/ui/link";
import { query } from "@/lib/links";
import { KIND_INFO, SUGGESTION_STATUSES } from "@/lib/review";
import type { SuggestionStatus } from "@/lib/types";
import { cn } from "@/lib/utils";
import { KINDS, type Review, suggestionCount } from "./review-data";

const STATUS_LABELS: Record<SuggestionStatus, string> = {
  suggested: "Waiting",
  accepted: "Accepted",
  rejected: "Rejected",
};

function Chip({ href, current, children }: { href: string; current: boolean; children: ReactNode }) {
  return (
    <li>
      <Link
        href={href}
        aria-current={current ? "page" : undefined}
        className={cn(
          "inline-flex items-center gap-1 rounded-full border bg-card px-2.5 py-1 text-xs hover:border-primary",
          current && "border-primary bg-accent font-medium",
        )}
      >
        {children}
      </Link>
    </li>
  );
}

export function ReviewFilters({ sourceId, doc, kind, status }: Pick<Review, "sourceId" | "doc" | "kind" | "status">) {
  const count = (k: Review["kind"], st: Review["status"]) => suggestionCount(doc, k, st);
  const filterHref = (next: { kind?: string; status?: string }) =>
    `/review/${encodeURIComponent(sourceId)}${query({ kind, status, ...next })}`;
  return (
    <nav aria-label="Filter suggestions" className="flex flex-col gap-2 rounded-lg border bg-card p-3 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <span className="w-14 text-xs font-medium text-muted-foreground">Kind</span>
        <ul className="flex flex-wrap gap-1.5">
          <Chip href={filterHref({ kind: undefined })} current={!kind}>
            All <span className="tabular-nums">{count(undefined, status)}</span>
          </Chip>
          {KINDS.map((k) => (
            <Chip key={k} href={filterHref({ kind: k })} current={kind === k}>
              {KIND_INFO[k].title} <span className="tabular-nums">{count(k, status)}</span>
            </Chip>
          ))}
        </ul>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <span className="w-14 text-xs font-medium text-muted-foreground">Status</span>
        <ul className="flex flex-wrap gap-1.5">
          <Chip href={filterHref({ status: undefined })} current={!status}>
            All <span className="tabular-nums">{count(kind, undefined)}</span>
          </Chip>
          {SUGGESTION_STATUSES.map((st) => (
            <Chip key={st} href={filterHref({ status: st })} current={status === st}>
              {STATUS_LABELS[st]} <span className="tabular-nums">{count(kind, st)}</span>
            </Chip>
          ))}
        </ul>
      </div>
    </nav>
  );
}
