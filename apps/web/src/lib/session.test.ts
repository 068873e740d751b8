import { describe, expect, it } from "vitest";
import { decodeSession, encodeSession } from "./session";

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
