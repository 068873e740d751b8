/** Growing and collapsing the graph explorer, and which relations hold in a month. */
import { describe, expect, it } from "vitest";
import { collapse, expand, hiddenNeighbours } from "./graph-explore";
import { holdsIn } from "./graph-time";

describe("graph explorer", () => {
  it("grows from an actor by relation type; collapsing takes back only those hanging on it", () => {
    const links = [
      { id: "1", from: "kh", to: "iran", type: "backed_by" },
      { id: "2", from: "aah", to: "iran", type: "backed_by" },
      { id: "3", from: "aah", to: "pmf", type: "part_of" },
      { id: "4", from: "kh", to: "pmf", type: "part_of" },
      { id: "5", from: "badr", to: "iran", type: "linked_to" },
    ];
    const shown = new Set(["kh", "iran"]);
    expect(hiddenNeighbours(links, shown, "iran")).toEqual({
      byType: new Map([
        ["backed_by", 1],
        ["linked_to", 1],
      ]),
      total: 2,
    });
    expect(expand(links, shown, "iran", "backed_by")).toEqual(["aah"]);
    const grown = new Set([...shown, ...expand(links, shown, "iran", null), "pmf"]);
    // Badr hangs on Iran alone; AAH is tied to the PMF too; the focus (KH) never goes.
    expect(collapse(links, grown, "iran", new Set(["kh"]))).toEqual(["badr"]);
  });

  it("holds a relation in a month its dates allow; open ends run on; undated is its own answer", () => {
    const edge = (earliest: string | null, latest: string | null, time: unknown = {}) => ({ earliest, latest, time });
    expect(holdsIn(edge("2018-01-01", null), "2021-06")).toBe("holds");
    expect(holdsIn(edge(null, "2020-01-03"), "2020-01")).toBe("holds");
    expect(holdsIn(edge(null, "2020-01-03"), "2020-02")).toBe("outside");
    expect(holdsIn(edge("1980-01-01", "1989-12-31"), "1979-12")).toBe("outside");
    expect(holdsIn(edge(null, null, null), "2020-01")).toBe("undated");
  });
});
