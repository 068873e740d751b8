/** What the API's tests share: a seeded fixture atlas served over HTTP on loopback, and tRPC refusals. */
import type { AddressInfo } from "node:net";
import { buildDataset, seedDatabase } from "@atlas/data";
import { type EngineCase, makeFixture } from "@atlas/data/testing";
import { TRPCError } from "@trpc/server";
import { createServer } from "./server.js";

/** The error a call was refused with; fails the test when the call succeeds or throws anything else. */
export async function trpcError(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof TRPCError) return e;
    throw e;
  }
  throw new Error("expected the call to fail");
}

export interface Served {
  database: Awaited<ReturnType<EngineCase["open"]>>;
  server: ReturnType<typeof createServer>;
  url: string;
  close(): Promise<void>;
}

/** The fixture's dataset seeded into a new database of `engine`, and the API serving it on a free port. */
export async function serveFixture(engine: EngineCase): Promise<Served> {
  const fixture = makeFixture();
  const { dataset } = buildDataset({ corpusDir: fixture.corpusDir, annotationsDir: fixture.annotationsDir });
  fixture.cleanup();
  const database = await engine.open();
  await seedDatabase(database, dataset);
  const server = createServer({ database, webOrigins: [] });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    database,
    server,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.drop();
    },
  };
}
