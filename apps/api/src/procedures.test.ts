/**
 * The one reader of tRPC's internals (procedures.ts): it finds every procedure the router serves,
 * with its meta and input, and an upgrade that changes what it reads fails here by name.
 */
import { describe, expect, it } from "vitest";
import { describeProcedures, procedures } from "./procedures.js";
import { createCaller } from "./root.js";

describe("the router's procedures, as REST reads them", () => {
  it("are every procedure a caller can call, by path, with its kind, meta and input schema", () => {
    // A caller is built, not called: it needs no context.
    const caller: unknown = createCaller({} as never);
    const step = (at: unknown, key: string) =>
      at !== null && (typeof at === "object" || typeof at === "function") ? Reflect.get(at, key) : undefined;
    const callable = (path: string) => typeof path.split(".").reduce(step, caller) === "function";
    expect(procedures.size).toBeGreaterThan(40);
    for (const path of procedures.keys()) expect(callable(path), path).toBe(true);

    const contradictions = procedures.get("claims.contradictions");
    expect(contradictions).toMatchObject({ type: "query", meta: { rest: { method: "GET", path: "/contradictions" } } });
    expect(contradictions?.input?.safeParse({ limit: 2 }).success).toBe(true);
    expect(contradictions?.input?.safeParse({ limit: "two" }).success).toBe(false);
    expect(procedures.get("ingest.add")).toMatchObject({
      type: "mutation",
      meta: { takesDocument: true, rest: { method: "POST", protected: true } },
    });
  });

  it("refuses, naming the procedure and what changed, a shape it does not know", () => {
    const changed = { _def: { procedures: { "claims.list": { _def: { procedure: true, type: "query", meta: {} } } } } };
    expect(() => describeProcedures(changed)).toThrow(/"claims\.list".*inputs.*update apps\/api\/src\/procedures\.ts/);
    const nested = { _def: { procedures: { claims: { list: {} } } } };
    expect(() => describeProcedures(nested)).toThrow(/"claims" no longer has the shape/);
  });
});
