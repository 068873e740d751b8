/**
 * Writes go through a client that carries the signed-in reviewer's token. A reviewer signs in
 * once (/sign-in): the API checks the token (reviewers.me) and the web server keeps it in an
 * HttpOnly, SameSite=Strict cookie (Secure over https), never readable by a script. Only server
 * code imports this. Nobody signed in means no writer at all: the write pages say "sign in to
 * write" — a write is never made under anyone else's name.
 */
import "server-only";
import { cookies, headers } from "next/headers";
import {
  decodeSession,
  encodeSession,
  SESSION_COOKIE,
  SESSION_ENDED_HEADER,
  type Session,
  type SessionEnd,
  sessionEndOf,
} from "@/lib/session";
import { describeFailure } from "./load";
import { checkToken, clientFor, codeOf } from "./reviewer";

export { codeOf };

/** How long a sign-in lasts in this browser. */
const SESSION_DAYS = 30;

/** Who is signed in in this browser. */
export interface SignedIn {
  name: string;
  admin: boolean;
}

/** The reader a write is made for, as the web server named them (server.mjs), for the API's per-client limits. */
async function readerHeader(): Promise<Record<string, string>> {
  try {
    const reader = (await headers()).get("x-atlas-client");
    return reader ? { "x-atlas-client": reader } : {};
  } catch {
    return {};
  }
}

const clientOf = (token: string) => clientFor(token, readerHeader);

export type Writer = ReturnType<typeof clientOf>;

/** The cookie's session, unless proxy.ts found its token refused on this request (revoked, or nobody's). */
async function session(): Promise<Session | null> {
  if (await sessionEnded()) return null;
  return decodeSession((await cookies()).get(SESSION_COOKIE)?.value);
}

/** Why this browser was just signed out (its token refused by the API), or null. */
export async function sessionEnded(): Promise<SessionEnd | null> {
  return sessionEndOf((await headers()).get(SESSION_ENDED_HEADER));
}

/**
 * Who is signed in, as the API named them at sign-in. proxy.ts checks the token with the API on
 * every request, so a token revoked since shows signed out; the API still checks every write.
 */
export async function signedIn(): Promise<SignedIn | null> {
  const s = await session();
  return s ? { name: s.name, admin: s.admin } : null;
}

/** A client that writes as the signed-in reviewer, or null when nobody is signed in. */
export async function writer(): Promise<{ reviewer: SignedIn; client: Writer } | null> {
  const s = await session();
  return s ? { reviewer: { name: s.name, admin: s.admin }, client: clientOf(s.token) } : null;
}

/** What a write action answers when nobody is signed in. */
export const SIGN_IN_TO_WRITE =
  "Sign in to write: writes are made under a reviewer's name. Sign in (top right) with your reviewer token, then try again.";

/**
 * Signs in with a reviewer's token: the API must know it (reviewers.me). Returns who it belongs
 * to, or the API's refusal (a wrong or revoked token) in its own words. Only a server action calls it.
 */
export async function signIn(
  token: string,
): Promise<{ ok: true; reviewer: SignedIn } | { ok: false; message: string }> {
  const trimmed = token.trim();
  if (!trimmed)
    return { ok: false, message: "Paste your reviewer token (an admin makes one with atlas reviewers add NAME)." };
  const check = await checkToken(trimmed, readerHeader);
  // A wrong or revoked token: the API's words say which, and what to do.
  if (check.ok === false) return { ok: false, message: check.message };
  if (check.ok === null) return { ok: false, message: writeFailure("the sign-in", check.error) };
  const reviewer = check.reviewer;
  const proto = (await headers()).get("x-forwarded-proto")?.split(",")[0]?.trim();
  (await cookies()).set(SESSION_COOKIE, encodeSession({ name: reviewer.name, admin: reviewer.admin, token: trimmed }), {
    httpOnly: true,
    sameSite: "strict",
    secure: proto === "https",
    path: "/",
    maxAge: SESSION_DAYS * 24 * 60 * 60,
  });
  return { ok: true, reviewer: { name: reviewer.name, admin: reviewer.admin } };
}

/** Forgets the signed-in reviewer in this browser. Only a server action calls it. */
export async function signOut(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
}

/**
 * What a refused write tells the user. The API's own refusals (empty, binary, duplicate, a
 * speaker who is not an actor yet, a token that is wrong or revoked…) are shown as they are:
 * they already say what to do. An API that is down is explained in terms of how to fix it.
 */
export function writeFailure(what: string, e: unknown): string {
  const code = codeOf(e);
  if (code === "BAD_REQUEST" || code === "CONFLICT" || code === "PAYLOAD_TOO_LARGE" || code === "NOT_FOUND") {
    return (e as Error).message;
  }
  if (code === "UNAUTHORIZED" || code === "FORBIDDEN") {
    return `${(e as Error).message} (Sign out, then sign in with a reviewer's token that the API accepts.)`;
  }
  const failure = describeFailure(what, e);
  console.error(`web: ${what}: ${failure.message}`);
  return failure.kind === "unreachable"
    ? `${failure.message} Start it (pnpm --filter @atlas/api start, or pnpm start) and try again.`
    : failure.message;
}
