import { describe, expect, it } from "vitest";
import { decodeSession, encodeSession, SESSION_ENDED, sessionEndOf } from "./session";

describe("the sign-in cookie", () => {
  it("reads back what was written", () => {
    const s = { name: "dana", admin: false, token: "t0ken-with.any:characters/+=" };
    expect(decodeSession(encodeSession(s))).toEqual(s);
  });
  it("is no one for a missing, foreign or partial value", () => {
    expect(decodeSession(undefined)).toBeNull();
    expect(decodeSession("not base64 json")).toBeNull();
    expect(decodeSession(Buffer.from(JSON.stringify({ name: "dana" })).toString("base64url"))).toBeNull();
  });
});

describe("a session the API ended", () => {
  it("says why only for the reasons the proxy sets; anything else is no reason", () => {
    expect(sessionEndOf("revoked")).toBe("revoked");
    expect(SESSION_ENDED.revoked).toBe("Your token was revoked — sign in again.");
    expect(sessionEndOf("unknown")).toBe("unknown");
    expect(sessionEndOf("signed-in")).toBeNull();
    expect(sessionEndOf(null)).toBeNull();
  });
});
