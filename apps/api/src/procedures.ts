/**
 * Every procedure by its path ("export.as"), with what the server checks before running one.
 *
 * This is the one place that reads tRPC's internals, which REST and the OpenAPI document are built
 * from. tRPC types `_def.procedures` as the nested router yet holds it flat, by path, at run time,
 * and keeps a procedure's meta untyped. `describeProcedures` checks that shape as it reads it, so a
 * tRPC upgrade that changes it fails here by name — at start-up and in procedures.test.ts — instead
 * of quietly breaking a route.
 */
import { z } from "zod";
import { MAX_BODY_BYTES, MAX_IMPORT_BODY_BYTES, MAX_INGEST_BODY_BYTES } from "./limits.js";
import { appRouter } from "./root.js";
import type { RestMeta } from "./trpc.js";

export interface ProcedureInfo {
  path: string;
  type: "query" | "mutation" | "subscription";
  /** What `.meta()` gave the procedure (typed RestMeta by the builder in trpc.ts). */
  meta: RestMeta | undefined;
  /** Its input schema, when it takes input. */
  input: z.ZodType | undefined;
}

const ProcedureDef = z.object({
  procedure: z.literal(true),
  type: z.enum(["query", "mutation", "subscription"]),
  meta: z.unknown(),
  inputs: z.array(z.custom<z.ZodType>((v) => v instanceof z.ZodType, "not a Zod schema")),
});

/** The procedures of a router, flat by path, each checked against the shape this module reads. */
export function describeProcedures(router: { _def: { procedures: object } }): ProcedureInfo[] {
  return Object.entries(router._def.procedures).map(([path, procedure]: [string, unknown]) => {
    const def = ProcedureDef.safeParse((procedure as { _def?: unknown } | null)?._def);
    if (!def.success) {
      throw new Error(
        `tRPC's procedure "${path}" no longer has the shape the REST routes read (${def.error.issues.map((i) => `${i.path.join(".") || "_def"}: ${i.message}`).join("; ")}). A tRPC upgrade changed its internals: update apps/api/src/procedures.ts.`,
      );
    }
    const { type, meta, inputs } = def.data;
    if (inputs.length > 1) throw new Error(`Procedure "${path}" chains ${inputs.length} inputs; REST reads one.`);
    // Meta is what the typed builder (`.meta<RestMeta>()`) took; tRPC only forgets its type.
    return { path, type, meta: (meta ?? undefined) as RestMeta | undefined, input: inputs[0] };
  });
}

export const procedures: ReadonlyMap<string, ProcedureInfo> = new Map(
  describeProcedures(appRouter).map((p) => [p.path, p]),
);

export const metaOf = (path: string): RestMeta | undefined => procedures.get(path)?.meta;

/** Writes need the bearer token, which the server checks before it reads a body. */
export const isProtected = (path: string) => metaOf(path)?.rest?.protected === true;

export const isExpensive = (path: string) => metaOf(path)?.expensive !== undefined;

/** The largest body a call may send: a document for ingest, else MAX_BODY_BYTES. */
export const bodyLimitOf = (path: string) => {
  const meta = metaOf(path);
  return meta?.takesImport ? MAX_IMPORT_BODY_BYTES : meta?.takesDocument ? MAX_INGEST_BODY_BYTES : MAX_BODY_BYTES;
};
