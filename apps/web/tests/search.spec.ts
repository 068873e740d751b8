/** Search: a misspelled name finds the actor; results are grouped; "/" jumps to the search box. */
import { expect, test } from "@playwright/test";

test("a misspelled alias finds the actor: Khalazi → Qais al-Khazali", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("searchbox", { name: "Search the atlas" }).fill("Khalazi");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?q=Khalazi/);
  const actors = page.locator("#results-actor");
  await expect(actors.getByRole("heading", { name: /Actors/ })).toBeVisible();
  const first = actors.getByRole("listitem").first();
  await expect(first.getByRole("link", { name: "Qais al-Khazali" })).toBeVisible();
  // The matched spelling is named, and the snippet marks the hit.
  await expect(first).toContainText("Qais al-Khalazi");
  await expect(first.locator("mark", { hasText: /^Khalazi$/ })).toHaveCount(1);
  await first.getByRole("link", { name: "Qais al-Khazali" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Qais al-Khazali");
  // The profile lists the misspelling as an alias of that kind.
  const names = page.locator("#names");
  await expect(names.getByText("Qais al-Khalazi")).toBeVisible();
  await expect(names.locator("li", { hasText: "Qais al-Khalazi" })).toContainText("misspelling");
});

test("a transliteration finds the same actor", async ({ page }) => {
  await page.goto("/search?q=Khazaly&type=actor");
  await expect(page.locator("#results-actor").getByRole("link", { name: "Qais al-Khazali" })).toBeVisible();
  // Only actors were asked for.
  await expect(page.locator("#results-claim")).toHaveCount(0);
});

test("results come grouped by type with highlighted snippets", async ({ page }) => {
  await page.goto("/search?q=embassy");
  for (const group of ["event", "claim", "source"]) {
    await expect(page.locator(`#results-${group}`)).toBeVisible();
  }
  await expect(page.locator("#results-source mark").first()).toHaveText(/embass/i);
});

test('"/" focuses the global search box from anywhere', async ({ page }) => {
  await page.goto("/timeline");
  await page.locator("body").press("/");
  await expect(page.locator("#global-search")).toBeFocused();
  await page.keyboard.type("Muhandis");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=Muhandis/);
  await expect(page.locator("#results-actor")).toContainText("Abu Mahdi al-Muhandis");
});
