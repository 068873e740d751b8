/**
 * A client that carries a reviewer's token, and the one check of a token against the API
 * (reviewers.me): at sign-in (trpc/write.ts) and on every request of a signed-in browser
 * (proxy.ts), so a token revoked since is noticed at once and the browser shown signed out.
 */
import type { AppRouter } from "@atlas/api";
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import type { SessionEnd } from "@/lib/session";
import { apiUrl } from "./client";

export const clientFor = (token: string, extra: () => Promise<Record<string, string>> | Record<string, string>) =>
  createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${apiUrl}/trpc`,
        headers: async () => ({ authorization: `Bearer ${token}`, ...(await extra()) }),
      }),
    ],
  });

/** The API's error code for a failed call ("CONFLICT", "UNAUTHORIZED"…), or null if it never answered. */
export const codeOf = (e: unknown): string | null => {
  if (!(e instanceof TRPCClientError)) return null;
  const data = e.data as { code?: unknown } | undefined;
  return typeof data?.code === "string" ? data.code : null;
};

export type TokenCheck =
  | { ok: true; reviewer: { name: string; admin: boolean } }
  /** The API refused the token, in its words; `end` says whether it was revoked or is nobody's. */
  | { ok: false; end: SessionEnd; message: string }
  /** The API did not answer as it should (down, busy): nothing can be said about the token. */
  | { ok: null; error: unknown };

export async function checkToken(
  token: string,
  extra: () => Promise<Record<string, string>> | Record<string, string> = () => ({}),
): Promise<TokenCheck> {
  try {
    return { ok: true, reviewer: await clientFor(token, extra).reviewers.me.query({}) };
  } catch (e) {
    const code = codeOf(e);
    if (code !== "UNAUTHORIZED" && code !== "FORBIDDEN") return { ok: null, error: e };
    const message = (e as Error).message;
    return { ok: false, end: /\brevoked\b/.test(message) ? "revoked" : "unknown", message };
  }
}
