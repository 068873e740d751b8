/** The offline map: the frame around Iraq, its countries, and points projected into it. */
import { expect, test } from "vitest";
import { countryShapes, IRAQ_ID, MAP_HEIGHT, MAP_WIDTH, project } from "./map";

test("Baghdad lands inside Iraq's part of the frame; Basra south-east of it", () => {
  const baghdad = project(44.366, 33.315);
  const basra = project(47.78, 30.508);
  expect(baghdad).not.toBeNull();
  expect(basra).not.toBeNull();
  if (!baghdad || !basra) return;
  for (const p of [baghdad, basra]) {
    expect(p.x).toBeGreaterThan(0);
    expect(p.x).toBeLessThan(MAP_WIDTH);
    expect(p.y).toBeGreaterThan(0);
    expect(p.y).toBeLessThan(MAP_HEIGHT);
  }
  expect(basra.x).toBeGreaterThan(baghdad.x);
  expect(basra.y).toBeGreaterThan(baghdad.y);
});

test("a point outside the frame has no position, rather than one at the edge", () => {
  expect(project(2.35, 48.86)).toBeNull(); // Paris
  expect(project(60, 33)).toBeNull(); // east of the frame
});

test("the frame's countries are drawn, Iraq among them, and only the main ones are labelled", () => {
  const shapes = countryShapes();
  const names = shapes.map((s) => s.name);
  expect(names).toEqual(expect.arrayContaining(["Iraq", "Iran", "Syria", "Turkey", "Kuwait", "Jordan"]));
  expect(names).not.toContain("France");
  const iraq = shapes.find((s) => s.id === IRAQ_ID);
  expect(iraq?.name).toBe("Iraq");
  expect(iraq?.d).toMatch(/^M[\d.]+,[\d.]+/);
  expect(iraq?.label).not.toBeNull();
  expect(
    shapes
      .filter((s) => s.label)
      .every((s) =>
        ["Iraq", "Iran", "Syria", "Turkey", "Saudi Arabia", "Jordan", "Kuwait", "Lebanon"].includes(s.name),
      ),
  ).toBe(true);
});
