/**
 * Signing tests in as a reviewer without going through /sign-in each time: the browser gets the
 * cookie that signing in sets (src/lib/session.ts), for the test API's first admin. A file that
 * writes says `test.use({ storageState: signedInAs() })`; a context made by hand passes the same.
 * tests/sign-in.spec.ts covers signing in through the form itself.
 */
import { encodeSession, SESSION_COOKIE } from "../src/lib/session";
import { TEST_INGEST_TOKEN, WEB_URL } from "./env";

type StorageState = { cookies: Cookie[]; origins: [] };
type Cookie = {
  name: string;
  value: string;
  domain: string;
  path: string;
  expires: number;
  httpOnly: boolean;
  secure: boolean;
  sameSite: "Strict";
};

/** Signed in as `name` with `token` (by default the test API's admin, whose token is TEST_INGEST_TOKEN). */
export function signedInAs(name = "admin", token = TEST_INGEST_TOKEN, admin = name === "admin"): StorageState {
  return {
    cookies: [
      {
        name: SESSION_COOKIE,
        value: encodeSession({ name, admin, token }),
        domain: new URL(WEB_URL).hostname,
        path: "/",
        expires: -1,
        httpOnly: true,
        secure: false,
        sameSite: "Strict",
      },
    ],
    origins: [],
  };
}
