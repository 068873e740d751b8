import { describe, expect, it } from "vitest";
import { compactTime, describeTime } from "./time.js";

// The formats themselves are @atlas/schema's (describeTime's tests); here, what the terminal adds.
describe("the terminal's time", () => {
  it("is the schema's compact style in columns and its sentence elsewhere", () => {
    expect(compactTime({ edtf: "2021-03/2021-12" })).toBe("Mar–Dec 2021");
    expect(describeTime({ edtf: "2021-03/2021-12" })).toBe("between March and December 2021");
  });

  it("says unknown for no date", () => {
    expect(compactTime(null)).toBe("unknown");
    expect(describeTime(undefined)).toBe("unknown");
  });
});
