/** On a phone (375 × 800): a menu that shows every section, 44 px tap targets, a graph that fits, short long pages. */
import { type Browser, expect, type Page, test } from "@playwright/test";
import { exploreGraph } from "./graph";

const PHONE = { width: 375, height: 800 };

async function onPhone(browser: Browser, run: (page: Page) => Promise<void>, { javaScriptEnabled = true } = {}) {
  const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true, javaScriptEnabled });
  try {
    await run(await context.newPage());
  } finally {
    await context.close();
  }
}

test("the navigation folds into a menu that shows every section, Graph, Map and Review included", async ({
  browser,
}) => {
  await onPhone(browser, async (page) => {
    await page.goto("/actors");
    const nav = page.getByRole("navigation", { name: "Main" });
    const menu = nav.getByText(/^Menu/);
    await expect(menu).toBeVisible();
    await menu.click();
    for (const name of ["Actors", "Timeline", "Claims", "Graph", "Map", "Review", "Export"]) {
      const link = nav.getByRole("link", { name, exact: true });
      await expect(link).toBeInViewport();
    }
    await nav.getByRole("link", { name: "Map", exact: true }).click();
    await expect(page).toHaveURL(/\/map$/);
  });
});

test("tap targets are at least 44 px: Read in context, toggles, chips, buttons and menu links", async ({ browser }) => {
  await onPhone(browser, async (page) => {
    for (const path of [
      "/events/2020-01-03-baghdad-airport-strike",
      "/actors/kataib-hezbollah",
      "/timeline",
      "/search?q=Khalazi",
    ]) {
      await page.goto(path);
      const targets = page.locator(
        "main a.tap, main summary, main button:not(.explained), main label.tap, body > header summary, body > header button",
      );
      const sizes = await targets.evaluateAll((els) =>
        els
          .filter((e) => (e as HTMLElement).offsetParent !== null)
          .map((e) => {
            const r = e.getBoundingClientRect();
            return { text: (e.textContent ?? "").trim().slice(0, 40), w: r.width, h: r.height };
          }),
      );
      expect(sizes.length, path).toBeGreaterThan(3);
      expect(
        sizes.filter((s) => s.h < 43.5 || s.w < 43.5),
        path,
      ).toEqual([]);
    }
    await page.goto("/events/2020-01-03-baghdad-airport-strike");
    const read = page.getByRole("link", { name: /^Read in context/ }).first();
    expect((await read.boundingBox())?.height).toBeGreaterThanOrEqual(44);
  });
});

test("the graph opens centred on the chosen actor and fits the screen", async ({ browser }) => {
  // The server's drawing, all a reader without JavaScript gets.
  await onPhone(
    browser,
    async (page) => {
      await page.goto("/graph?actor=kataib-hezbollah");
      const graph = page.getByTestId("relation-graph");
      const box = await graph.boundingBox();
      expect(box?.x).toBeGreaterThanOrEqual(0);
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(PHONE.width);
      const focus = await graph.locator("a[href='/actors/kataib-hezbollah'] circle").boundingBox();
      const centre = (focus?.x ?? 0) + (focus?.width ?? 0) / 2;
      expect(Math.abs(centre - ((box?.x ?? 0) + (box?.width ?? 0) / 2))).toBeLessThan(20);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
        1,
      );
    },
    { javaScriptEnabled: false },
  );
  // The graph to work in: the canvas fits the screen, the actor in its middle.
  await onPhone(browser, async (page) => {
    await page.goto("/graph?actor=kataib-hezbollah");
    const canvas = await exploreGraph(page, "tap");
    const box = await canvas.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(PHONE.width);
    await expect(canvas).toHaveAttribute("data-focus", /^\d+,\d+$/);
    const [x] = ((await canvas.getAttribute("data-focus")) ?? "").split(",").map(Number);
    expect(Math.abs((x ?? 0) - (box?.width ?? 0) / 2)).toBeLessThan(20);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
  });
});

test("long pages are short to scan: in-page navigation with counts, collapsed groups", async ({ browser }) => {
  await onPhone(browser, async (page) => {
    await page.goto("/actors/kataib-hezbollah");
    const onThisPage = page.getByRole("navigation", { name: "On this page" });
    await expect(onThisPage.getByRole("link", { name: /^Claims about \d+$/ })).toBeVisible();
    // The profile carries its ego graph and events per year too (about 500 px at this width), and
    // since the workbench its size, its history and the correction section (about 700 px more).
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(9500);
    // The in-page navigation stays at hand further down.
    await page.locator("#mentions").scrollIntoViewIfNeeded();
    await expect(onThisPage).toBeInViewport();
    await page.goto("/claims/contradictions");
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(8000);
    const group = page.getByTestId("contradiction-group").first();
    await expect(group.locator("summary")).toContainText(/against \d+ claims? by/);
  });
});
