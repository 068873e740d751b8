import { describe, expect, it } from "vitest";
import { actorsIn, dateIn, kindFor, reportingVerbIn, trimSpan } from "./annotate";

describe("the selected words", () => {
  const text = "Kataib Hezbollah denied it.\nCookie notice: Kataib Hezbollah\nKataib Hezbollah said so.";

  it("lose the spaces and line breaks at their ends", () => {
    expect(trimSpan(" said it \n", 0, 11)).toEqual({ start: 1, end: 8 });
    expect(trimSpan(text, 27, 28)).toBeNull();
  });
});

describe("prefill", () => {
  it("finds a date the words state, as people write it", () => {
    expect(dateIn("Halvorsen said in an interview on March 9, 2021.")).toEqual({
      words: "March 9, 2021",
      date: "2021-03-09",
    });
    expect(dateIn("on 15 February 2021 a rocket")).toEqual({ words: "15 February 2021", date: "2021-02-15" });
    expect(dateIn("since December 2019")).toEqual({ words: "December 2019", date: "2019-12" });
    expect(dateIn("the Mayor 2020 plan, 31 February 2021")).toBeNull();
  });

  it("finds a reporting verb and the stance it implies", () => {
    expect(reportingVerbIn("Asaib Ahl al-Haq denied any role")).toEqual({ word: "denied", stance: "denies" });
    expect(reportingVerbIn("“We will respond,” he warned.")).toEqual({ word: "warned", stance: "warns" });
    expect(reportingVerbIn("a spokesman said on Sunday")).toEqual({ word: "said", stance: "asserts" });
    // "added" reports speech only with a complement: not enough on its own.
    expect(reportingVerbIn("the group added fighters")).toBeNull();
  });

  const actors = [
    { id: "kataib-hezbollah", name: "Kataib Hezbollah", aliases: ["KH"] },
    { id: "asaib-ahl-al-haq", name: "Asaib Ahl al-Haq", aliases: ["AAH"] },
    { id: "iran", name: "Iran", aliases: [] },
  ];

  it("names the known actors: mentions overlapping the words, then names found in them", () => {
    const quote = "Asaib Ahl al-Haq denied, while Kataib Hezbollah and Iranian officials";
    expect(actorsIn(quote, { start: 100, end: 100 + quote.length }, [[131, 147, "kataib-hezbollah"]], actors)).toEqual([
      "asaib-ahl-al-haq",
      "kataib-hezbollah",
    ]);
    // Short aliases ("KH") are not guessed from the words; a mention names them.
    expect(actorsIn("KH fighters", null, [], actors)).toEqual([]);
  });

  it("opens a claim for reported speech, a mention for one actor's name", () => {
    expect(kindFor({ word: "said", stance: "asserts" }, ["kataib-hezbollah"], "Kataib Hezbollah said")).toBe("claim");
    expect(kindFor(null, ["kataib-hezbollah"], "Kataib Hezbollah")).toBe("mention");
    expect(kindFor(null, [], "a rocket attack on an air base")).toBe("claim");
  });
});
