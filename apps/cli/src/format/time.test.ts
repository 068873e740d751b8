import { describe, expect, it } from "vitest";
import { compactTime } from "./time.js";

const t = (edtf: string, part?: "early" | "mid" | "late") => compactTime({ edtf, ...(part ? { part } : {}) });

describe("compactTime never claims more precision than the data has", () => {
  it("days, months, seasons, years, decades", () => {
    expect(t("2020-01-03")).toBe("3 Jan 2020");
    expect(t("2014-06")).toBe("Jun 2014");
    expect(t("2014-23")).toBe("autumn 2014");
    expect(t("2019")).toBe("2019");
    expect(t("201X")).toBe("2010s");
  });

  it("ranges stay ranges, the year said once when shared; open ends stay open", () => {
    expect(t("2021-03/2021-12")).toBe("Mar–Dec 2021");
    expect(t("2020-01-26/2020-02-01")).toBe("26 Jan–1 Feb 2020");
    expect(t("2019-12/2020-01")).toBe("Dec 2019–Jan 2020");
    expect(t("../2019-12")).toBe("…–Dec 2019");
    expect(t("2014/..")).toBe("2014–…");
  });

  it("keeps approximate and uncertain marks, and the document's 'early'/'late'", () => {
    expect(t("2021-03~")).toBe("c. Mar 2021");
    expect(t("2019?")).toBe("2019?");
    expect(t("2020", "early")).toBe("early 2020");
  });

  it("says unknown for no date", () => {
    expect(compactTime(null)).toBe("unknown");
  });
});
