/**
 * Every page renders server-side with real data from the API, with no console errors (a CSP
 * violation would be one), and leaves a full-page screenshot in test-results/screenshots.
 */
import { expect, test } from "@playwright/test";
import { PAGES } from "./pages";

for (const p of PAGES) {
  test(`${p.name} page loads with real data: ${p.path}`, async ({ page }, testInfo) => {
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(String(e)));
    // A violation the page's code catches (a library probing for eval) logs nothing by itself.
    await page.addInitScript(() =>
      document.addEventListener("securitypolicyviolation", (e) =>
        console.error(`CSP violation: ${e.violatedDirective} (${e.blockedURI || "inline"})`),
      ),
    );
    const response = await page.goto(p.path);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: p.heading })).toBeVisible();
    await expect(page.locator("main")).toContainText(p.text);
    await expect(page).toHaveTitle(/— Militia Atlas$|^Militia Atlas$/);
    await page.waitForLoadState("networkidle");
    expect(problems, "console errors").toEqual([]);
    await page.screenshot({ path: testInfo.outputPath(`${p.name}.png`), fullPage: true });
    await page.screenshot({ path: `test-results/screenshots/${p.name}.png`, fullPage: true });
  });
}

test("pages have specific titles and descriptions", async ({ page }) => {
  await page.goto("/actors/kataib-hezbollah");
  await expect(page).toHaveTitle("Kataib Hezbollah — Militia Atlas");
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /Iran-backed Iraqi Shiite militia/);
  await page.goto("/sources/2020-party-by-day-fighters-by-night");
  await expect(page).toHaveTitle(
    "Iranian-backed militias play political party by day, fighters by night — Militia Atlas",
  );
});

test("the layout holds at a phone's width", async ({ browser }, testInfo) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  for (const path of [
    "/",
    "/actors/kataib-hezbollah",
    "/sources/2020-party-by-day-fighters-by-night?span=1144-1183",
    "/timeline",
  ]) {
    await page.goto(path);
    // Nothing wider than the screen: no sideways scrolling of the page itself.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${path} overflows horizontally`).toBeLessThanOrEqual(1);
  }
  await page.screenshot({ path: testInfo.outputPath("phone-timeline.png"), fullPage: true });
  await page.screenshot({ path: "test-results/screenshots/phone-timeline.png", fullPage: true });
  await context.close();
});

test("the navigation marks the current section, also after client-side navigation", async ({ page }) => {
  await page.goto("/actors");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Actors" })).toHaveAttribute("aria-current", "page");
  await nav.getByRole("link", { name: "Timeline" }).click();
  await expect(page).toHaveURL(/\/timeline$/);
  await expect(nav.getByRole("link", { name: "Timeline" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Actors" })).not.toHaveAttribute("aria-current", "page");
});

test("the theme toggle switches light and dark, and the server paints the choice", async ({ page }) => {
  await page.goto("/");
  // The button says which theme it switches to, and which is in use.
  const toggle = page.getByRole("button", { name: "Use light theme (now: the system's theme)" });
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await toggle.click(); // system → light
  await expect(page.locator("html")).toHaveClass(/light/);
  const light = await background();
  await page.getByRole("button", { name: "Use dark theme (now: light theme)" }).click(); // light → dark
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/dark/);
  expect(await background()).not.toBe(light);
});
