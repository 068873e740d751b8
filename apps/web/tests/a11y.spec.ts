/** axe on every page, light and dark, at desktop and phone sizes: no serious or critical violations. */
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { PAGES } from "./pages";

const SIZES = {
  desktop: { viewport: { width: 1280, height: 800 } },
  phone: { viewport: { width: 375, height: 800 }, hasTouch: true, isMobile: true },
} as const;

for (const [scheme, size] of [
  ["light", "desktop"],
  ["dark", "desktop"],
  ["light", "phone"],
] as const) {
  for (const p of PAGES) {
    test(`axe (${scheme}, ${size}): ${p.name}`, async ({ browser }) => {
      const context = await browser.newContext({ colorScheme: scheme, ...SIZES[size] });
      const page = await context.newPage();
      await page.goto(p.path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const results = await new AxeBuilder({ page }).analyze();
      const bad = results.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map(
          (v) =>
            `${v.id} (${v.impact}): ${v.help} — ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(" "))
              .join(" | ")}`,
        );
      expect(bad, `${p.path} in ${scheme} at ${size} size`).toEqual([]);
      await context.close();
    });
  }
}

test("axe (phone): the open menu and an open date explanation", async ({ browser }) => {
  const context = await browser.newContext(SIZES.phone);
  const page = await context.newPage();
  await page.goto("/actors/kataib-hezbollah");
  await page.getByRole("navigation", { name: "Main" }).getByText(/^Menu/).click();
  await page.getByTestId("leadership").getByRole("button").first().click();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
  await context.close();
});
