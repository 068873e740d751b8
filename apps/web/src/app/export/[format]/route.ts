/**
 * Downloads of the whole dataset (json, stix, csv, ftm), streamed from the API's
 * GET /api/export/{format} through this server. The browser never talks to the API (its address
 * may be internal, and the CSP stays 'self'), so the links are same-origin, like every page.
 */
import { type NextRequest, NextResponse } from "next/server";
import { EXPORT_FORMATS, isExportFormat } from "@/lib/exports";
import { apiUrl } from "@/trpc/client";

const plain = (status: number, message: string) =>
  new NextResponse(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

export async function GET(_request: NextRequest, { params }: { params: Promise<{ format: string }> }) {
  const { format } = await params;
  if (!isExportFormat(format)) {
    return plain(
      404,
      `No export format "${format}". The formats are: ${EXPORT_FORMATS.map((f) => `${f.format} (${f.label})`).join(", ")}.`,
    );
  }
  let upstream: Response;
  try {
    upstream = await fetch(`${apiUrl}/api/export/${format}`, { cache: "no-store" });
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
    return plain(502, `The API could not export ${format} (HTTP ${upstream.status}): ${message}`);
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
