/**
 * The dossier as a Markdown file with footnotes, built by the API (the same text `atlas dossier
 * --format md` prints) and sent as a download from this origin, like the exports.
 */
import { TRPCClientError } from "@trpc/client";
import { type NextRequest, NextResponse } from "next/server";
import { api } from "@/trpc/client";
import { describeFailure } from "@/trpc/load";

const plain = (status: number, message: string) =>
  new NextResponse(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

export async function GET(_request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  try {
    const file = await api.actors.dossierMarkdown.query({ id });
    return new NextResponse(file.body, {
      status: 200,
      headers: {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="${file.filename}"`,
        "cache-control": "no-store",
      },
    });
  } catch (e) {
    if (e instanceof TRPCClientError && (e.data as { code?: string } | undefined)?.code === "NOT_FOUND") {
      return plain(404, `No actor with id "${id}". Find one at /actors.`);
    }
    const failure = describeFailure("the dossier", e);
    console.error(`web: dossier ${id}: ${failure.message}`);
    return plain(502, `The dossier could not be made: ${failure.message}`);
  }
}
