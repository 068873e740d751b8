import { describe, expect, it } from "vitest";
import { localPath } from "./sign-in";

describe("localPath", () => {
  it("keeps a path on this site, with its query", () => {
    expect(localPath("/sources/iq-1?view=text#p2")).toBe("/sources/iq-1?view=text#p2");
  });
  it("refuses anything that leaves the site", () => {
    for (const raw of ["//evil.example/x", "/\\evil.example", "https://evil.example", "evil", "", null, undefined]) {
      expect(localPath(raw)).toBeNull();
    }
  });
});
