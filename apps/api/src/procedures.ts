/** Every procedure by its path ("export.as"), with what the server checks before running one. */
import type { AnyTRPCProcedure } from "@trpc/server";
import { MAX_BODY_BYTES, MAX_IMPORT_BODY_BYTES, MAX_INGEST_BODY_BYTES } from "./limits.js";
import { appRouter } from "./root.js";
import type { RestMeta } from "./trpc.js";

export const procedures = appRouter._def.procedures as unknown as Record<string, AnyTRPCProcedure>;

export const metaOf = (path: string): RestMeta | undefined =>
  (procedures[path]?._def as { meta?: RestMeta } | undefined)?.meta;

/** Writes need the bearer token, which the server checks before it reads a body. */
export const isProtected = (path: string) => metaOf(path)?.rest?.protected === true;

export const isExpensive = (path: string) => metaOf(path)?.expensive !== undefined;

/** The largest body a call may send: a document for ingest, else MAX_BODY_BYTES. */
export const bodyLimitOf = (path: string) => {
  const meta = metaOf(path);
  return meta?.takesImport ? MAX_IMPORT_BODY_BYTES : meta?.takesDocument ? MAX_INGEST_BODY_BYTES : MAX_BODY_BYTES;
};
