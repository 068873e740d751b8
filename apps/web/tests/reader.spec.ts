/** The reader: text as text, annotations in togglable layers, boilerplate labelled, records on click. */
import { expect, test } from "@playwright/test";

const READER = "/sources/2020-party-by-day-fighters-by-night";

test("clicking a highlight shows its records and links to them", async ({ page }) => {
  await page.goto(`${READER}?span=1144-1183`);
  await page.locator("#span-start").click();
  const card = page.getByRole("dialog", { name: "Records for these words" });
  await expect(card).toBeVisible();
  await expect(card.getByRole("link", { name: /Kataib Hezbollah/ }).first()).toBeVisible();
  const claim = card.getByRole("link", { name: /denied/ }).first();
  await expect(claim).toHaveAttribute("href", /^\/claims\//);
  await page.keyboard.press("Escape");
  await expect(card).toBeHidden();
});

test("the keyboard reaches highlights: arrows move between them, Enter opens one", async ({ page }) => {
  await page.goto(READER);
  await page.locator("#doc-text").focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.locator("#doc-text mark[data-a]").first()).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(page.locator("#doc-text mark[data-a]").nth(1)).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog", { name: "Records for these words" })).toBeFocused();
});

test("layers switch on and off through the URL", async ({ page }) => {
  await page.goto(READER);
  const all = await page.locator("#doc-text mark.hl-claims").count();
  expect(all).toBeGreaterThan(10);
  await page.locator("a[data-layer='claims']").click();
  await expect(page).toHaveURL(/layers=/);
  await expect(page.locator("#doc-text mark.hl-claims")).toHaveCount(0);
  await expect(page.locator("#doc-text mark.hl-mentions").first()).toBeVisible();
  await page.goto(`${READER}?layers=claims`);
  await expect(page.locator("#doc-text mark.hl-mentions")).toHaveCount(0);
  expect(await page.locator("#doc-text mark.hl-claims").count()).toBeGreaterThan(10);
  await expect(page.locator("a[data-layer='claims']")).toHaveAttribute("data-on", "true");
  await expect(page.locator("a[data-layer='mentions']")).toHaveAttribute("data-on", "false");
});

test("boilerplate is labelled as such, and can be hidden", async ({ page }) => {
  await page.goto(READER);
  const boilerplate = page.locator("[data-boilerplate]");
  await expect(boilerplate.first()).toContainText("Boilerplate · Photo credit");
  await expect(boilerplate.first()).toContainText("(photo credit: REUTERS/STRINGER)");
  await page.getByRole("link", { name: "Hide boilerplate" }).click();
  await expect(page).toHaveURL(/boilerplate=hide/);
  await expect(page.locator("[data-boilerplate]")).toHaveCount(0);
  await expect(page.getByRole("link", { name: /Show boilerplate \(3 hidden\)/ })).toBeVisible();
});

test("a long notice is folded, labelled, and opens on click", async ({ page }) => {
  await page.goto("/sources/2021-militias-may-be-tearing-iraq-apart");
  const notice = page.locator("details[data-boilerplate]");
  await expect(notice).toHaveCount(1);
  await expect(notice.locator("summary")).toContainText(/Boilerplate · .* characters, folded/);
  await expect(notice).not.toHaveAttribute("open");
  await notice.locator("summary").click();
  await expect(notice).toHaveAttribute("open");
});

test("the inferred publication date shows its basis", async ({ page }) => {
  await page.goto(READER);
  const about = page.getByRole("complementary", { name: "Document details" });
  await expect(about).toContainText("between 26 January and 1 February 2020");
  await expect(about).toContainText("inferred from other facts in the text");
  await expect(about).toContainText("The Sundays of January 2020 were the 5th, 12th, 19th and 26th");
});

test("document text is rendered as text, never as HTML", async ({ page, request }) => {
  // This document's cookie notice contains "&": it must arrive escaped once and read as "&".
  const path = "/sources/2021-militias-may-be-tearing-iraq-apart";
  await page.goto(path);
  await expect(page.locator("#doc-text")).toContainText("Targeting & Social Media");
  const html = await (await request.get(path)).text();
  expect(html).toContain("Targeting &amp; Social Media");
  expect(html).not.toContain("&amp;amp;");
});

test("a span outside the document says so", async ({ page }) => {
  await page.goto(`${READER}?span=999999-1000000`);
  await expect(page.locator("main").getByRole("alert")).toContainText("words this document does not have");
});
