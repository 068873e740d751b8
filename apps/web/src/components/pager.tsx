/** Cursor pages: a link to the next page (and back to the first), keeping every other filter. */
import { ArrowLeft, ArrowRight } from "lucide-react";
import { ButtonLink } from "./ui/button";

export function Pager({
  path,
  params,
  nextCursor,
  hasPrevious,
}: {
  path: string;
  params: URLSearchParams;
  nextCursor: string | null;
  hasPrevious: boolean;
}) {
  if (!nextCursor && !hasPrevious) return null;
  const withCursor = (cursor: string | null) => {
    const p = new URLSearchParams(params);
    p.delete("cursor");
    if (cursor) p.set("cursor", cursor);
    const s = p.toString();
    return s ? `${path}?${s}` : path;
  };
  return (
    <nav aria-label="Pages" className="flex gap-2">
      {hasPrevious && (
        <ButtonLink href={withCursor(null)} variant="outline" size="sm">
          <ArrowLeft aria-hidden />
          First page
        </ButtonLink>
      )}
      {nextCursor && (
        <ButtonLink href={withCursor(nextCursor)} variant="outline" size="sm">
          Next page
          <ArrowRight aria-hidden />
        </ButtonLink>
      )}
    </nav>
  );
}

/** The page's current query as URLSearchParams (arrays repeat their key). */
export function toUrlParams(params: Record<string, string | string[] | undefined>): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    for (const value of Array.isArray(v) ? v : v ? [v] : []) p.append(k, value);
  return p;
}
