import { describe, expect, it } from "vitest";
import { UsageError } from "../errors.js";
import { checkRange, collectList, parseChoices, parseDate, parseLimit } from "./options.js";
import { breakId } from "./table.js";

const message = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error("no error");
};

describe("flag values", () => {
  it("accepts YYYY, YYYY-MM and YYYY-MM-DD, and names the flag when a date is wrong", () => {
    expect(parseDate("2020", "--from")).toBe("2020");
    expect(parseDate("2020-02-29", "--from")).toBe("2020-02-29");
    expect(message(() => parseDate("2020-13", "--from"))).toBe('--from: "2020-13" has no month 13; months run 01–12');
    expect(message(() => parseDate("2019-02-29", "--to"))).toBe(
      '--to: "2019-02-29" is not a real day; 2019-02 has 28 days',
    );
    expect(message(() => parseDate("Jan 2020", "--to"))).toMatch(/^--to: "Jan 2020" is not a date; write YYYY/);
  });

  it("refuses a --to before the --from, comparing partial dates by the days they cover", () => {
    expect(() => checkRange("2020-01-15", "2020-01")).not.toThrow();
    expect(message(() => checkRange("2020-02", "2020-01"))).toBe("--to: 2020-01 is before --from 2020-02");
  });

  it("limits are whole numbers of 1 or more, within a maximum when there is one", () => {
    expect(parseLimit("5")).toBe(5);
    expect(message(() => parseLimit("0"))).toBe('--limit: "0" is not a whole number of 1 or more');
    expect(message(() => parseLimit("2.5"))).toMatch(/^--limit:/);
    expect(message(() => parseLimit("51", "--limit", 50))).toBe("--limit: 51 is more than the most allowed, 50");
  });

  it("lists take commas and repeats, and unknown values name the choices", () => {
    expect(collectList("b,c", collectList("a"))).toEqual(["a", "b", "c"]);
    expect(parseChoices(["person"], ["person", "state"], "--kind", "an actor kind")).toEqual(["person"]);
    expect(message(() => parseChoices(["militia"], ["person", "state"], "--kind", "an actor kind"))).toBe(
      '--kind: "militia" is not an actor kind; choose from person, state',
    );
  });
});

describe("ids in tables", () => {
  it("break after a hyphen and are never cut", () => {
    expect(breakId("covert-elite-groups-hand-picked-by-irgc", 16)).toBe("covert-elite-\ngroups-hand-\npicked-by-irgc");
    expect(breakId("iran", 16)).toBe("iran");
    expect(breakId("covert-elite-groups", 16).replaceAll("\n", "")).toBe("covert-elite-groups");
  });
});
