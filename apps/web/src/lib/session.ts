/**
 * The sign-in cookie: who is signed in (as the API named them when the token was checked) and
 * their token, as one base64url value. The web server reads it (trpc/write.ts); the browser
 * tests make it the same way. Tampering with the name fools only the header: every write is
 * checked, and named in the history, by the token.
 */
export const SESSION_COOKIE = "atlas-reviewer";

/**
 * Set on the request by proxy.ts when the API refused the cookie's token (the cookie is cleared
 * in the same response): the page then shows the browser signed out, and why.
 */
export const SESSION_ENDED_HEADER = "x-atlas-session-ended";
export type SessionEnd = "revoked" | "unknown";
export const SESSION_ENDED: Record<SessionEnd, string> = {
  revoked: "Your token was revoked — sign in again.",
  unknown: "The API does not know your token any more — sign in again.",
};
export const sessionEndOf = (value: string | null | undefined): SessionEnd | null =>
  value === "revoked" || value === "unknown" ? value : null;

export interface Session {
  name: string;
  admin: boolean;
  token: string;
}

export const encodeSession = (s: Session): string =>
  Buffer.from(JSON.stringify({ name: s.name, admin: s.admin, token: s.token })).toString("base64url");

/** The session a cookie holds, or null for none or a value this site did not make. */
export function decodeSession(value: string | undefined): Session | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as Partial<Session>;
    if (typeof parsed.name !== "string" || typeof parsed.token !== "string" || parsed.token.length === 0) return null;
    return { name: parsed.name, admin: parsed.admin === true, token: parsed.token };
  } catch {
    return null;
  }
}
