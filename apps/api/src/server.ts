/**
 * The HTTP server: the one owner of the database. tRPC at /trpc, REST + OpenAPI at /api, a
 * health check at /health. CORS only for the web app's origins; no stack traces to clients.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Database } from "@atlas/data";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { createContextInner } from "./context.js";
import { handleRest } from "./rest.js";
import { appRouter } from "./root.js";

export interface ServerOptions {
  database: Database;
  /** Origins allowed to call from a browser (the web app). */
  webOrigins: string[];
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

export function createServer({ database, webOrigins }: ServerOptions): Server {
  const context = (req: IncomingMessage) => createContextInner({ database, token: bearer(req) });
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: "/trpc/",
    createContext: ({ req }) => context(req),
  });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const origin = req.headers.origin;
    if (origin && webOrigins.includes(origin)) {
      res.setHeader("access-control-allow-origin", origin);
      res.setHeader("vary", "Origin");
      res.setHeader("access-control-allow-methods", "GET, POST, OPTIONS");
      res.setHeader("access-control-allow-headers", "content-type, authorization, trpc-accept, x-trpc-source");
      res.setHeader("access-control-max-age", "600");
    }
    if (req.method === "OPTIONS") {
      res.writeHead(origin && webOrigins.includes(origin) ? 204 : 403).end();
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
    res.writeHead(404, { "content-type": "application/json" }).end(
      JSON.stringify({
        error: { code: "NOT_FOUND", message: `No route ${url.pathname}. See /api/openapi.json.`, issues: null },
      }),
    );
  };

  return createHttpServer((req, res) => {
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
}
