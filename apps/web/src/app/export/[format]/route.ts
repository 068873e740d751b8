/**
 * Downloads, streamed from the API through this server: the whole dataset
 * (GET /api/export/{format}), or with ?of=timeline|claims|actors|search and that page's own
 * parameters, exactly what the filtered list shows (GET /api/export/{format}/{list}). The browser
 * never talks to the API (its address may be internal, and the CSP stays 'self').
 */
import { type NextRequest, NextResponse } from "next/server";
import { EXPORT_FORMATS, isExportFormat } from "@/lib/exports";
import { actorsFilter, claimsFilter, isListName, LISTS, searchFilter, timelineQuery } from "@/lib/lists";
import type { SearchParams } from "@/lib/search-params";
import { apiUrl } from "@/trpc/client";

const plain = (status: number, message: string) =>
  new NextResponse(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

type Scalar = string | number | boolean;
/** The API's query string for a filter: lists repeat their key, unset values are left out. */
function apiQuery(filter: Record<string, Scalar | Scalar[] | null | undefined>): string {
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null) continue;
    for (const v of Array.isArray(value) ? value : [value]) qs.append(key, String(v));
  }
  const s = qs.toString();
  return s ? `?${s}` : "";
}

/** The API path for what was asked: a list's filter, or the whole dataset; or why it cannot be made. */
function upstreamPath(format: string, params: SearchParams): { path: string } | { problem: string } {
  const of = typeof params.of === "string" ? params.of : undefined;
  if (of === undefined) return { path: `/api/export/${format}` };
  if (!isListName(of)) return { problem: `No list "${of}" to export. The lists are: ${LISTS.join(", ")}.` };
  switch (of) {
    case "timeline": {
      const { filter, problem } = timelineQuery(params);
      return problem ? { problem } : { path: `/api/export/${format}/events${apiQuery(filter)}` };
    }
    case "claims":
      return { path: `/api/export/${format}/claims${apiQuery(claimsFilter(params))}` };
    case "actors":
      return { path: `/api/export/${format}/actors${apiQuery(actorsFilter(params))}` };
    case "search": {
      const filter = searchFilter(params);
      return filter
        ? { path: `/api/export/${format}/search${apiQuery(filter)}` }
        : { problem: "A search export needs the search: add ?q= with what to search for." };
    }
  }
}

/**
 * Every reader's download reaches the API from this one server, which the API lets run one export
 * at a time (429) and admits to its database with a bounded wait (503): asked to come back, it
 * does, a few times, as Retry-After says, before giving up.
 */
async function fetchPatiently(url: string): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(url, { cache: "no-store" });
    if ((response.status !== 429 && response.status !== 503) || attempt === 5) return response;
    await response.body?.cancel();
    const seconds = Math.min(Number(response.headers.get("retry-after")) || 1, 5);
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  }
}

export async function GET(request: NextRequest, { params }: { params: Promise<{ format: string }> }) {
  const { format } = await params;
  if (!isExportFormat(format)) {
    return plain(
      404,
      `No export format "${format}". The formats are: ${EXPORT_FORMATS.map((f) => `${f.format} (${f.label})`).join(", ")}.`,
    );
  }
  const search: SearchParams = {};
  for (const key of new Set(request.nextUrl.searchParams.keys())) {
    search[key] = request.nextUrl.searchParams.getAll(key);
    if ((search[key] as string[]).length === 1) search[key] = (search[key] as string[])[0];
  }
  const target = upstreamPath(format, search);
  if ("problem" in target) return plain(400, target.problem);
  let upstream: Response;
  try {
    upstream = await fetchPatiently(`${apiUrl}${target.path}`);
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).message;
    console.error(`web: export ${format}: the API at ${apiUrl} did not answer (${cause})`);
    return plain(
      502,
      `The export could not be made: the API at ${apiUrl} did not answer (${cause}). Start it (pnpm --filter @atlas/api start, or pnpm start) and try again.`,
    );
  }
  if (!upstream.ok || !upstream.body) {
    const body = await upstream.text().catch(() => "");
    let message = body;
    try {
      message = (JSON.parse(body) as { error?: { message?: string } }).error?.message ?? body;
    } catch {}
    // A filter the API refuses is the reader's to fix (400); anything else is the API's failure.
    return plain(
      upstream.status === 400 ? 400 : 502,
      `The API could not export ${format} (HTTP ${upstream.status}): ${message}`,
    );
  }
  const disposition = upstream.headers.get("content-disposition") ?? "";
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `militia-atlas.${format}`;
  const headers = new Headers({
    "content-type": upstream.headers.get("content-type") ?? "application/octet-stream",
    "content-disposition": `attachment; filename="${filename}"`,
    "cache-control": "no-store",
  });
  const length = upstream.headers.get("content-length");
  if (length) headers.set("content-length", length);
  return new NextResponse(upstream.body, { status: 200, headers });
}
