/**
 * Ingest: adding a document (a write: needs the bearer token) and reading what was ingested
 * and suggested (open, like every read). The CLI's `atlas ingest` and the web review page
 * call these; `ctx.onIngestProgress` lets an in-process caller show progress.
 */
import {
  ImportError,
  ImportFormat,
  ImportReport,
  IngestError,
  IngestedDocument,
  IngestMetadata,
  IngestReport,
  importFile,
  ingestDocument,
  listIngested,
  listSuggestions,
  type OnIngestProgress,
  pageOf,
  ReviewError,
  SuggestionListInput,
  SuggestionView,
} from "@atlas/data";
import { MAX_DOCUMENT_SIZE, MAX_IMPORT_BYTES } from "@atlas/schema";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { protectedProcedure, publicProcedure, router, unlessUnknown } from "../trpc.js";

const INGEST_CODES = {
  empty: "BAD_REQUEST",
  binary: "BAD_REQUEST",
  encoding: "BAD_REQUEST",
  no_text: "BAD_REQUEST",
  unreadable: "BAD_REQUEST",
  invalid: "BAD_REQUEST",
  too_large: "PAYLOAD_TOO_LARGE",
  too_complex: "UNPROCESSABLE_CONTENT",
  duplicate: "CONFLICT",
} as const;
const IMPORT_CODES = {
  empty: "BAD_REQUEST",
  not_json: "BAD_REQUEST",
  unknown_format: "BAD_REQUEST",
  invalid: "BAD_REQUEST",
  references: "BAD_REQUEST",
  too_large: "PAYLOAD_TOO_LARGE",
  duplicate: "CONFLICT",
} as const;
const REVIEW_CODES = { not_found: "NOT_FOUND", conflict: "CONFLICT", invalid: "BAD_REQUEST" } as const;

/** The data layer's refusals as client errors with their message; anything else stays internal. */
export async function clientErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof IngestError) throw new TRPCError({ code: INGEST_CODES[e.code], message: e.message, cause: e });
    if (e instanceof ImportError) throw new TRPCError({ code: IMPORT_CODES[e.code], message: e.message, cause: e });
    if (e instanceof ReviewError) throw new TRPCError({ code: REVIEW_CODES[e.code], message: e.message, cause: e });
    throw e;
  }
}

const PROGRESS_LOG_MS = 5000;

/** A long ingest over HTTP says how far it is in the server's log, every few seconds. */
function logProgress(name: string | undefined): OnIngestProgress {
  let last = performance.now();
  return ({ phase, done, total }) => {
    const now = performance.now();
    if (now - last < PROGRESS_LOG_MS || total === 0) return;
    last = now;
    console.log(`api: ingest${name ? ` of ${name}` : ""}: ${phase} ${Math.round((done / total) * 100)}%`);
  };
}

const base64 = z.string().regex(/^[A-Za-z0-9+/\s]*={0,2}\s*$/, "must be base64 (A–Z, a–z, 0–9, +, /, = padding)");

export const IngestInput = IngestMetadata.extend({
  text: z.string().optional().describe("The document as text (UTF-8 text or HTML)."),
  base64: base64
    .optional()
    .describe(
      "The document's bytes, base64-encoded: a PDF or a Word file must come this way; for text and HTML it lets the server check the encoding and hash the exact file.",
    ),
})
  .refine((i) => (i.text === undefined) !== (i.base64 === undefined), {
    message: "give the document as exactly one of text or base64",
    path: ["text"],
  })
  .meta({
    id: "IngestInput",
    description: `A document and its metadata. At most ${MAX_DOCUMENT_SIZE}.`,
  });

export const ImportInput = z
  .object({
    text: z.string().optional().describe("The file as text (JSON)."),
    base64: base64
      .optional()
      .describe("The file's bytes, base64-encoded: lets the server check the encoding and hash the exact file."),
    fileName: z.string().trim().min(1).max(255).optional().describe("The file's name, for the import's id."),
    format: ImportFormat.optional().describe("json or stix (default: told from the content)."),
  })
  .refine((i) => (i.text === undefined) !== (i.base64 === undefined), {
    message: "give the file as exactly one of text or base64",
    path: ["text"],
  })
  .meta({
    id: "ImportInput",
    description: `An atlas dataset or a STIX 2.1 bundle to import. At most ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`,
  });

export const ingestRouter = router({
  importFile: protectedProcedure
    .meta({
      expensive: "an import",
      takesImport: true,
      rest: {
        method: "POST",
        path: "/import",
        summary:
          "Import an atlas dataset (JSON) or a STIX 2.1 bundle in one transaction: records the atlas surely holds are matched, new ones added, the uncertain ones and every STIX object become suggestions to review; refuses what is not JSON, of another schema, with dangling references, oversized or imported before, writing nothing",
        tags: ["ingest"],
        output: ImportReport,
        protected: true,
      },
    })
    .input(ImportInput)
    .mutation(({ ctx, input }) => {
      const { text, base64: bytes, ...rest } = input;
      const content = text ?? new Uint8Array(Buffer.from(bytes as string, "base64"));
      return clientErrors(() =>
        importFile(ctx.db, { ...rest, content }, { onProgress: ctx.onImportProgress ?? undefined, by: ctx.reviewer }),
      );
    }),

  add: protectedProcedure
    .meta({
      expensive: "an ingest",
      takesDocument: true,
      rest: {
        method: "POST",
        path: "/ingest",
        summary:
          "Add a document (text, HTML, PDF or Word) and find suggestions in it; refuses empty, unreadable, scanned (no text layer), non-UTF-8, oversized or duplicate input",
        tags: ["ingest"],
        output: IngestReport,
        protected: true,
        errors: {
          409: "The document is already in the atlas (same text or same file).",
          422: "The document is too complex to read (HTML nested too deep, or its analysis ran past its time limit).",
        },
      },
    })
    .input(IngestInput)
    .mutation(({ ctx, input }) => {
      const { text, base64, ...metadata } = input;
      const content = text ?? new Uint8Array(Buffer.from(base64 as string, "base64"));
      const onProgress =
        ctx.onIngestProgress ?? (ctx.threads ? logProgress(metadata.fileName ?? metadata.title) : undefined);
      return clientErrors(() =>
        ingestDocument(ctx.db, { ...metadata, content }, { onProgress, thread: ctx.threads, by: ctx.reviewer }),
      );
    }),
  documents: publicProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/ingest/documents",
        summary: "Ingested documents, newest first, with suggestion counts by kind and status",
        tags: ["ingest"],
        output: z.array(IngestedDocument),
      },
    })
    .input(z.object({}).optional())
    .query(({ ctx }) => listIngested(ctx.db)),
  suggestions: publicProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/ingest/documents/{sourceId}/suggestions",
        summary:
          "A document's suggestions (mentions, candidate actors, dates, statements), marked suggested until reviewed",
        tags: ["ingest"],
        output: pageOf(SuggestionView),
      },
    })
    .input(SuggestionListInput)
    .query(async ({ ctx, input }) => {
      const page = await listSuggestions(ctx.db, input);
      return unlessUnknown(ctx.db, page, page.items.length === 0, [["sourceId", "source", input.sourceId]]);
    }),
});
