import { expect, test } from "vitest";
import { recordPageHref } from "./links";

test("every record the history names links to the page that shows it; what has none links nowhere", () => {
  expect(recordPageHref("relation", "kataib-hezbollah.backed_by.iran")).toBe(
    "/relations/kataib-hezbollah.backed_by.iran",
  );
  expect(recordPageHref("claim", "kh-denies")).toBe("/claims/kh-denies");
  expect(recordPageHref("source", "2020-party")).toBe("/sources/2020-party/grade");
  // A mention's id is its document and offset: its document's reader.
  expect(recordPageHref("mention", "2020-party@1042")).toBe("/sources/2020-party");
  expect(recordPageHref("merge", "m-1")).toBeNull();
  expect(recordPageHref("reviewer", "dana")).toBeNull();
});
