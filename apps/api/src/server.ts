/**
 * The HTTP server: the one owner of the database. tRPC at /trpc, REST + OpenAPI at /api, a
 * health check at /health. CORS only for the web app's origins; no stack traces to clients.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { availableParallelism } from "node:os";
import type { Database } from "@atlas/data";
import { TRPCError } from "@trpc/server";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { createContextInner } from "./context.js";
import { Admission, type AdmissionOptions, MAX_IMPORT_BODY_BYTES, PerClient } from "./limits.js";
import { bodyLimitOf, isExpensive, isProtected } from "./procedures.js";
import { handleRest, tooLarge } from "./rest.js";
import { appRouter } from "./root.js";
import { batchRefusal, retryAfterSeconds, writeCheck } from "./trpc.js";

export interface ServerOptions {
  database: Database;
  /** Origins allowed to call from a browser (the web app). */
  webOrigins: string[];
  /** Admission to the database; by default sized for the engine. */
  admission?: AdmissionOptions;
}

/**
 * PGlite runs one statement at a time: two requests at once keep it busy (one's statements run
 * while the other's answer travels) without making either wait on many others. PostgreSQL runs
 * several at once, one per core: more only share the cores, so each answer comes later (six on two
 * cores put the storm's p99 at 2.9 s, its searches taking turns on the CPU). Either way a request is answered within about 1 s (the
 * answer-time goal: a slow machine still serves one reader's page): it waits for its turn at most
 * 0.8 s less the time requests take once admitted (see Admission), leaving room for its own
 * answer, then gets 503 + Retry-After: a client told to come back does not wait long to hear it.
 */
export const defaultAdmission = (database: Database): AdmissionOptions => ({
  active: database.engine === "pglite" ? 2 : Math.max(2, availableParallelism()),
  maxWaitMs: 800,
  maxWaiting: 1000,
});

/**
 * Who is asking, for per-client limits: the remote address; for a request from this host (the
 * web server, answering many readers), the reader it names in X-Atlas-Client, so two readers'
 * ingests through one web server are two clients. Only a loopback caller is believed.
 */
export function clientOf(req: IncomingMessage): string {
  const address = req.socket.remoteAddress ?? "unknown";
  const named = req.headers["x-atlas-client"];
  const loopback = address === "127.0.0.1" || address === "::1" || address === "::ffff:127.0.0.1";
  return loopback && typeof named === "string" && named.trim()
    ? `${address} for ${named.trim().slice(0, 100)}`
    : address;
}

const bearer = (req: IncomingMessage) => {
  const header = req.headers.authorization;
  return header?.startsWith("Bearer ") ? header.slice(7).trim() : null;
};

const SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
  "cross-origin-resource-policy": "same-site",
} as const;

const json = (
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
) =>
  res
    .writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers })
    .end(JSON.stringify({ error: { code, message, issues: null } }));

/** Requests Node refuses before they reach a handler (headers too large, malformed) still get a body saying why. */
function onClientError(error: NodeJS.ErrnoException, socket: Socket) {
  if (!socket.writable) return socket.destroy();
  const [status, reason, message] =
    error.code === "HPE_HEADER_OVERFLOW"
      ? [431, "Request Header Fields Too Large", "The request's headers are larger than the 16 KB this server reads."]
      : [400, "Bad Request", "The request is not valid HTTP."];
  const body = JSON.stringify({ error: { code: "BAD_REQUEST", message, issues: null } });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}

export function createServer({ database, webOrigins, admission }: ServerOptions): Server {
  const gate = new Admission(admission ?? defaultAdmission(database));
  const perClient = new PerClient();
  const context = (req: IncomingMessage) =>
    createContextInner({
      database,
      token: bearer(req),
      client: clientOf(req),
      admission: gate,
      perClient,
      threads: true,
    });
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: "/trpc/",
    maxBodySize: MAX_IMPORT_BODY_BYTES,
    // Refusals that need no procedure to run: a batch too large or mixing in an expensive call, a
    // write without the token, a body over its limit. Nothing of the body has been read yet.
    createContext: async ({ req, res, info }) => {
      const paths = info.calls.map((c) => c.path);
      const batch = batchRefusal(paths, isExpensive);
      if (batch) throw new TRPCError({ code: "BAD_REQUEST", message: batch });
      if (req.method === "POST") {
        const check = paths.some(isProtected) ? await writeCheck(database.db, bearer(req)) : null;
        const early =
          check && !check.ok
            ? new TRPCError({ code: check.code, message: check.message })
            : tooLarge(req, Math.max(...paths.map(bodyLimitOf)));
        if (early) {
          res.setHeader("connection", "close");
          throw early;
        }
      }
      return context(req);
    },
    responseMeta: ({ errors }) => {
      const seconds = errors.map((e) => retryAfterSeconds(e.code)).find((n) => n !== null);
      return seconds ? { headers: { "retry-after": String(seconds) } } : {};
    },
  });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const origin = req.headers.origin;
    const allowedOrigin = origin !== undefined && webOrigins.includes(origin);
    if (allowedOrigin) {
      res.setHeader("access-control-allow-origin", origin);
      res.setHeader("vary", "Origin");
      res.setHeader("access-control-allow-methods", "GET, POST, OPTIONS");
      res.setHeader("access-control-allow-headers", "content-type, authorization, trpc-accept, x-trpc-source");
      res.setHeader("access-control-max-age", "600");
    }
    if (req.method === "OPTIONS") {
      if (allowedOrigin) res.writeHead(204).end();
      else {
        json(
          res,
          403,
          "FORBIDDEN",
          `Browsers may call this API only from ${webOrigins.join(", ") || "no origin"}${origin ? `, not ${origin}` : ""}; the API's ATLAS_WEB_ORIGINS lists them.`,
        );
      }
      return;
    }
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/health") {
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ ok: true, engine: database.engine }));
      return;
    }
    if (url.pathname === "/") {
      res.writeHead(200, { "content-type": "application/json" }).end(
        JSON.stringify({
          name: "Militia Atlas API",
          openapi: "/api/openapi.json",
          rest: "/api",
          trpc: "/trpc",
          example: "/api/search?q=Khazali",
        }),
      );
      return;
    }
    if (await handleRest(req, res, url, () => context(req))) return;
    if (url.pathname.startsWith("/trpc/")) {
      trpc(req, res);
      return;
    }
    json(res, 404, "NOT_FOUND", `No route ${url.pathname}. See /api/openapi.json.`);
  };

  const server = createHttpServer((req, res) => {
    handle(req, res).catch((e) => {
      console.error(e);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          error: {
            code: "INTERNAL_SERVER_ERROR",
            message: "The server failed to answer; the error is in its log.",
            issues: null,
          },
        }),
      );
    });
  });
  server.on("clientError", onClientError);
  return server;
}
