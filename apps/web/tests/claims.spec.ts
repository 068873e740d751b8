/** Claims are shown as claims: who said each, on whose behalf, when, where; contradictions side by side. */
import { expect, test } from "@playwright/test";

test("the contradiction view shows both sides, each with claimant, words and source", async ({ page }) => {
  await page.goto("/claims/contradictions?actor=iranian-officials");
  // The officials' claim is contradicted twice: one group, the claim once, both answers beside it.
  const group = page.getByTestId("contradiction-group");
  await expect(group).toHaveCount(1);
  await expect(group.locator("summary")).toContainText("Iranian officials");
  await expect(group.locator("summary")).toContainText("against 2 claims");
  await group.locator("summary").click();
  const officials = group.locator("article[data-claim='iranian-officials-claim-80-us-servicemen-killed']");
  const author = group.locator("article[data-claim='author-reports-no-casualties-in-iranian-missile-attack']");
  await expect(officials).toContainText("killed 80 American servicemen");
  await expect(author).toContainText("With no human causalities reported");
  await expect(officials.getByRole("link", { name: "Iranian officials", exact: true })).toBeVisible();
  await expect(author.getByRole("link", { name: /Unnamed author/ })).toBeVisible();
  // When each was said, and the source each comes from.
  await expect(officials).toContainText("said between 8 January 2020 and December 2021");
  // The author's own words are dated at the document's publication.
  await expect(author).toContainText("said between June and December 2021");
  for (const side of [officials, author]) {
    await expect(side.locator("cite")).toHaveText("Iraq’s militias as “hired guns” in the US–Iran rivalry");
  }
});

test("a claim page links supports and contradictions both ways", async ({ page }) => {
  await page.goto("/claims/iranian-officials-claim-80-us-servicemen-killed");
  const contradicts = page.locator("#contradicts");
  await expect(contradicts).toContainText("no human casualties");
  await contradicts
    .getByRole("link", { name: /no human casualties/ })
    .first()
    .click();
  await expect(page).toHaveURL(/author-reports-no-casualties-in-iranian-missile-attack/);
  await expect(page.locator("#contradicts")).toContainText("80 American servicemen");
});

test("claims filter by claimant and stance through the URL", async ({ page }) => {
  await page.goto("/claims");
  await page.locator("select[name=claimant]").selectOption("kataib-hezbollah");
  await page.locator("select[name=stance]").selectOption("denies");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/claimant=kataib-hezbollah/);
  await expect(page).toHaveURL(/stance=denies/);
  const cards = page.locator("article[data-claim]");
  expect(await cards.count()).toBeGreaterThan(0);
  for (const card of await cards.all()) {
    await expect(card.getByRole("link", { name: "Kataib Hezbollah" }).first()).toBeVisible();
    await expect(card).toContainText("denies");
  }
});

test("attribution shows who relayed a claim and on whose behalf it was made", async ({ page }) => {
  await page.goto("/claims/kh-statement-denies-involvement");
  const who = page.locator("dl").filter({ hasText: "Claimant" });
  await expect(who.locator("dd").nth(0)).toContainText("Kataib Hezbollah");
  await expect(who.locator("dd").nth(2)).toContainText(/IRNA/);
  await expect(who.locator("dd").nth(3)).toHaveText(/direct quote|reported speech/);
  await page.goto("/claims/kifa-haider-denies-problems-paying-pmf-martyrs");
  await expect(page.locator("dl").filter({ hasText: "Claimant" }).locator("dd").nth(1)).toContainText(
    "Martyrs Foundation",
  );
});
