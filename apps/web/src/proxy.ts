/**
 * Per-request Content-Security-Policy with a nonce: Next reads the nonce from the request's CSP
 * header and puts it on its own scripts and inline styles, so no script runs unless this
 * response vouched for it. No 'unsafe-eval' outside development (React uses eval there for
 * error overlays). Style attributes (percent positions on the timeline) are allowed; style
 * elements need the nonce or, for the build's own inlined stylesheet, its hash.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { type NextRequest, NextResponse } from "next/server";
import { decodeSession, SESSION_COOKIE, SESSION_ENDED_HEADER } from "@/lib/session";
import { checkToken } from "@/trpc/reviewer";

/**
 * The production build inlines its stylesheet in a <style> element that Next does not give the
 * nonce, so the policy allows exactly that stylesheet by its hash (read once from the build).
 */
function inlinedStyleHashes(): string[] {
  const dir = path.join(process.cwd(), ".next", "static", "chunks");
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith(".css"))
      .map(
        (f) =>
          `'sha256-${createHash("sha256")
            .update(readFileSync(path.join(dir, f)))
            .digest("base64")}'`,
      );
  } catch {
    return [];
  }
}
const styleHashes = process.env.NODE_ENV === "production" ? inlinedStyleHashes().join(" ") : "";

function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Development injects its styles without a nonce (hot reloading); production does not.
    dev
      ? "style-src 'self' 'unsafe-inline'"
      : `style-src 'self' 'nonce-${nonce}'${styleHashes ? ` ${styleHashes}` : ""}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * A signed-in browser's token, checked with the API on each request: one it refuses (revoked, or
 * nobody's) ends the session here — the cookie is cleared and the page told why — so no page
 * says "Signed in as" a reviewer who can no longer write. An API that does not answer says
 * nothing about the token: the session stays, and the page reports the API.
 */
async function endedSession(request: NextRequest) {
  // A form's write (a server action) goes to the API, which refuses a revoked token in its own
  // words — more than "signed out" says; the next page then finds the session ended.
  if (request.headers.has("next-action")) return null;
  const session = decodeSession(request.cookies.get(SESSION_COOKIE)?.value);
  if (!session) return null;
  const reader = request.headers.get("x-atlas-client");
  const extra: Record<string, string> = reader ? { "x-atlas-client": reader } : {};
  const check = await checkToken(session.token, () => extra);
  return check.ok === false ? check.end : null;
}

export async function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  // The path asked for, for pages that cannot see it otherwise (a 404 suggesting what was meant).
  headers.set("x-atlas-path", request.nextUrl.pathname);
  // Only this proxy says a session ended: the same header sent by a browser is dropped.
  headers.delete(SESSION_ENDED_HEADER);
  const ended = await endedSession(request);
  if (ended) headers.set(SESSION_ENDED_HEADER, ended);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  if (ended) response.cookies.delete(SESSION_COOKIE);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico|icon.svg).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
