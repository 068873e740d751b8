/** Provenance: every fact's evidence is one click away and lands on the exact words in the reader. */
import { expect, test } from "@playwright/test";

test("actor → claim → reader lands on the highlighted quote", async ({ page }) => {
  await page.goto("/actors/kataib-hezbollah");
  const claims = page.locator("#claims-by");
  const card = claims.locator("[data-claim='kh-denies-embassy-rocket-attack']");
  await card.getByRole("link", { name: /denied involvement in the Sunday rocket attack/ }).click();

  await expect(page).toHaveURL(/\/claims\/kh-denies-embassy-rocket-attack$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Kataib Hezbollah denied involvement");
  const quote = (await page.locator("blockquote mark").first().textContent()) ?? "";
  expect(quote).toContain("Kataib Hezbollah denied its involvement");
  await page
    .getByRole("link", { name: /Read in context/ })
    .first()
    .click();

  await expect(page).toHaveURL(/\/sources\/2020-party-by-day-fighters-by-night\?span=\d+-\d+/);
  const start = page.locator("#span-start");
  await expect(start).toBeInViewport();
  await expect(start).toBeFocused();
  // The emphasised pieces spell out exactly the quote.
  const emphasised = (await page.locator("#doc-text .in-span").allTextContents()).join("");
  expect(emphasised).toBe(quote);
  const banner = page.getByTestId("span-banner");
  await expect(banner).toContainText("Kataib Hezbollah denied its involvement");
  // The banner names the record the link came from, and links back to it.
  await expect(banner.getByRole("link", { name: /Kataib Hezbollah/ }).first()).toHaveAttribute(
    "href",
    /kh-denies-embassy-rocket-attack/,
  );
});

test("relations, events and descriptions show their quote and source on expand", async ({ page }) => {
  await page.goto("/actors/kataib-hezbollah");
  const relation = page.locator("[id='relation-kataib-hezbollah.backed_by.iran']");
  const toggle = relation.locator("summary");
  await expect(toggle).toContainText("1 quote");
  await expect(relation.getByText("the Iran-backed Kataib Hezbollah militia")).toBeHidden();
  await toggle.click();
  await expect(relation.getByText("the Iran-backed Kataib Hezbollah militia")).toBeVisible();
  await expect(relation.locator("cite")).toHaveText("Iraq’s militias as “hired guns” in the US–Iran rivalry");
  const link = relation.getByRole("link", { name: /Read in context/ });
  await expect(link).toHaveAttribute("href", "/sources/2021-iraqi-militias-hired-guns?span=2159-2199");
  // Hovering the toggle previews the quote.
  await expect(toggle).toHaveAttribute("title", /the Iran-backed Kataib Hezbollah militia/);
});

test("an event lists every source that reports it, quote by quote", async ({ page }) => {
  await page.goto("/events/2020-01-03-baghdad-airport-strike");
  const sources = page.locator("#sources article");
  expect(await sources.count()).toBeGreaterThan(1);
  await expect(page.getByText(/Corroborated/)).toBeVisible();
  await expect(sources.first().locator("blockquote").first()).toBeVisible();
});

test("fatalities are shown as reported: who reported them, and not-reported is not zero", async ({ page }) => {
  await page.goto("/events/2020-01-08-iranian-missile-attack-on-us-hosting-bases");
  const tolls = page.locator("#fatalities li");
  await expect(tolls.filter({ hasText: "80" })).toContainText("Iranian officials");
  // A toll in the document's own voice names its document, not "the document's own voice".
  const own = tolls.filter({ hasText: "0 (none reported)" });
  await expect(own).toContainText("Reported in Iraq’s militias as “hired guns” in the US–Iran rivalry");
  await expect(page.locator("#fatalities")).not.toContainText("own voice");
  await expect(tolls.filter({ hasText: "80" })).toContainText("Given by Iranian officials, as reported in");
  // A count given in words is shown in those words first.
  await page.goto("/events/2019-12-us-strikes-on-kataib-hezbollah");
  await expect(page.locator("#fatalities li").first()).toContainText("“dozens” (24 or more)");
  await page.goto("/events/2014-pmf-formed");
  await expect(page.locator("#fatalities")).toContainText("Not reported");
  await expect(page.locator("#fatalities")).toContainText("unknown, not zero");
});
