/**
 * Review of every kind of suggestion, keyboard only: a document whose events, relations,
 * statements and an ambiguous mention meet records the atlas already holds (prepared by
 * tests/fixtures/review-kinds.ts before the API starts). Each is shown beside what the atlas
 * holds; merging into it or making a new one is one key; what is shown is what the API says
 * accepting would do, edits included.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { HELD, REVIEW_KINDS_SOURCE, REVIEW_KINDS_TITLE } from "./fixtures/review-kinds";
import { signedInAs } from "./signed-in";

// Reviewing is writing: these tests are signed in as the test API's admin.
test.use({ storageState: signedInAs() });

const PATH = `/review/${REVIEW_KINDS_SOURCE}`;

const card = (page: Page, kind: string, name: RegExp) =>
  page.locator(`article[data-kind='${kind}']`).filter({ has: page.getByRole("heading", { name }) });

/** The suggestion the keyboard is on. */
const focused = (page: Page) => page.locator("article[data-suggestion]:focus");

/**
 * Moves to the first suggestion by keyboard, once the page listens for keys: a key pressed before
 * the page has hydrated goes nowhere, so "n" is pressed again only while nothing has the focus.
 */
async function toFirst(page: Page) {
  await expect(async () => {
    if ((await focused(page).count()) === 0) await page.keyboard.press("n");
    await expect(focused(page)).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
}

async function press(page: Page, key: string, on: Locator) {
  await expect(on).toBeFocused();
  await page.keyboard.press(key);
}

test.describe("every kind, by keyboard", () => {
  test.describe.configure({ mode: "serial" });

  test("each kind shows what was found beside what the atlas holds", async ({ page }, testInfo) => {
    await page.goto(PATH);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(REVIEW_KINDS_TITLE);

    const strike = card(page, "event", /^Another account of US drone strike kills Qasem Soleimani/);
    const table = strike.locator("table");
    await expect(table.locator("caption")).toHaveText(
      "The atlas holds this event: accepting adds this document's account to it",
    );
    await expect(table.getByRole("columnheader").nth(0)).toHaveText(
      "US drone strike kills Qasem Soleimani and Abu Mahdi al-Muhandis",
    );
    await expect(table.getByRole("row", { name: /^Deaths/ })).toContainText(
      "2 (Abu Mahdi al-Muhandis and Qasem Soleimani)",
    );
    await expect(strike).toContainText("Why they match: same kind (strike) · the same day");
    await expect(strike.locator("[data-preview]")).toHaveText(
      `Accepting adds this sentence to the event ${HELD.event} as this document's account.`,
    );

    const protest = card(page, "event", /^Protests after the airport strike/);
    await expect(protest.locator("[data-blocked]")).toContainText(
      "The text gives no date near it: give the event's time",
    );
    await expect(protest).toContainText("Dozens were wounded");

    const merge = card(page, "relation", /^Abu Mahdi al-Muhandis leads Kataib Hezbollah/);
    await expect(merge.getByRole("button", { name: /Add these words as evidence of/ })).toBeVisible();
    const rival = card(page, "relation", /^Abu Fadak al-Mohammedawi leads Kataib Hezbollah/);
    await expect(rival.locator("table caption")).toHaveText(
      "It disagrees with a relation the atlas holds: both are kept as each source reports them",
    );
    await expect(rival.locator("[data-blocked]")).toContainText("“Abu Fadak al-Mohammedawi” is not an actor yet");
    await expect(rival.getByRole("link", { name: "Go to that candidate actor" })).toHaveAttribute(
      "href",
      new RegExp(`kind=actor#s-${REVIEW_KINDS_SOURCE}\\.actor-\\d+$`),
    );

    const denial = card(page, "statement", /^Kataib Hezbollah denies/);
    await expect(denial).toContainText("found from a name in the text · confidence 85 %");
    await expect(denial.getByRole("definition").filter({ hasText: "Reuters" })).toContainText("the channel");
    const link = denial.locator("table");
    await expect(link.locator("caption")).toHaveText("Proposed: these words contradict a claim the atlas holds");
    await expect(link.getByRole("row", { name: /^Words/ })).toContainText("The US alleges that Kataib");

    const hezbollah = card(page, "mention", /^Mention of Kataib Hezbollah or Harakat Hezbollah al-Nujaba\?$/);
    await expect(hezbollah).toContainText("as a short form after the full name · confidence 50 %");
    await expect(hezbollah.getByRole("button", { name: /^Accept as Kataib Hezbollah/ })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("review-kinds.png"), fullPage: true });
    await page.screenshot({ path: "test-results/screenshots/review-kinds.png", fullPage: true });
  });

  test("the review page with every kind, and an edit form open, passes axe", async ({ browser }) => {
    // Four full analyses of a long page: slow when the machine is busy.
    test.slow();
    for (const scheme of ["light", "dark"] as const) {
      const context = await browser.newContext({ colorScheme: scheme, storageState: signedInAs() });
      const page = await context.newPage();
      for (const path of [PATH, `${PATH}?edit=${REVIEW_KINDS_SOURCE}.statement-1`]) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        const results = await new AxeBuilder({ page }).analyze();
        const bad = results.violations
          .filter((v) => v.impact === "serious" || v.impact === "critical")
          .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
        expect(bad, `${path} in ${scheme}`).toEqual([]);
      }
      await context.close();
    }
  });

  test("accept all mentions above a confidence leaves the unsure one for a look", async ({ page }) => {
    await page.goto(`${PATH}?kind=mention`);
    const waiting = page.locator("article[data-kind='mention'][data-status='suggested']");
    const before = await waiting.count();
    const form = page.getByRole("form", { name: "Accept all mentions" });
    await form.getByLabel("At confidence at least").fill("0.9");
    await form.getByLabel("At confidence at least").press("Enter");
    await expect(form.getByRole("status")).toHaveText(`Accepted ${before - 1} mentions at confidence 0.9 or more.`);
    await expect(waiting).toHaveCount(1);
    await expect(waiting.getByRole("heading", { level: 3 })).toHaveText(
      /Kataib Hezbollah or Harakat Hezbollah al-Nujaba/,
    );
  });

  test("an ambiguous mention is accepted as the actor the reviewer picks, with a number key", async ({ page }) => {
    await page.goto(`${PATH}?kind=mention`);
    await toFirst(page);
    const hezbollah = focused(page);
    await expect(hezbollah).toHaveAttribute("data-kind", "mention");
    await press(page, "1", hezbollah);
    await expect(page.locator("article[data-kind='mention'][data-status='suggested']")).toHaveCount(0);
    await expect(page.locator("article[data-kind='mention']").last().getByRole("heading", { level: 3 })).toHaveText(
      "Mention of Kataib Hezbollah",
    );
  });

  test("m adds this document's account to the event the atlas holds; a blocked event is fixed in its form", async ({
    page,
  }) => {
    await page.goto(`${PATH}?kind=event`);
    await toFirst(page);
    const strike = focused(page);
    await expect(strike.getByRole("heading", { level: 3 })).toHaveText(/^Another account of US drone strike/);
    await press(page, "m", strike);
    const accepted = page.locator("article[data-kind='event'][data-status='accepted']");
    await expect(accepted.locator("a[data-record='event-evidence']")).toHaveAttribute("href", `/events/${HELD.event}`);
    // Focus moves on to the next one waiting: the protest, which has no date yet.
    const protest = focused(page);
    await expect(protest.getByRole("heading", { level: 3 })).toHaveText(/^Protests after the airport strike/);
    await press(page, "e", protest);
    await expect(page).toHaveURL(/edit=/);
    const date = page.getByRole("form", { name: /^Edit: Protests/ }).getByLabel("Date");
    await expect(date).toBeFocused();
    await page.keyboard.type("2020-01-04");
    await page.keyboard.press("Enter");
    const made = page.locator("article[data-kind='event']").filter({ hasText: "Created the event" });
    await expect(made.getByRole("link", { name: "Protests after the airport strike" })).toHaveAttribute(
      "href",
      /^\/events\/2020-01-04-protests-after-the-airport-strike$/,
    );
    // The atlas's event now has this document among its sources.
    await page.goto(`/events/${HELD.event}`);
    await expect(page.locator("#sources")).toContainText(REVIEW_KINDS_TITLE);
  });

  test("an edit shows everywhere at once: title, details and what accepting creates", async ({ page }) => {
    await page.goto(`${PATH}?kind=actor`);
    const hezbollah = card(page, "actor", /^New actor\? Hezbollah/);
    await hezbollah.getByRole("link", { name: "Edit" }).click();
    const form = page.getByRole("form", { name: /^Edit: New actor\? Hezbollah/ });
    await form.getByLabel("Kind").selectOption("political_party");
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(form.getByRole("status")).toContainText("Saved");
    await expect(hezbollah.getByRole("heading", { level: 3 })).toHaveText("New actor? Hezbollah (political party)");
    await expect(hezbollah.locator("dl")).toContainText("Political party");
    await expect(hezbollah.locator("[data-preview]")).toContainText("“Hezbollah” (political party)");
    await expect(hezbollah).toContainText("edited");
    // Not a new actor after all (it is a short form of two known ones): r rejects it.
    await hezbollah.focus();
    await page.keyboard.press("r");
    await expect(hezbollah).toHaveAttribute("data-status", "rejected");
  });

  test("once its candidate actor is accepted, a relation that waited for it can be accepted; m merges the other", async ({
    page,
  }) => {
    await page.goto(`${PATH}?kind=actor`);
    await toFirst(page);
    const fadak = focused(page);
    await expect(fadak.getByRole("heading", { level: 3 })).toHaveText("New actor? Abu Fadak al-Mohammedawi (person)");
    await press(page, "a", fadak);
    await expect(page.locator("article[data-kind='actor'][data-status='suggested']")).toHaveCount(0);

    await page.goto(`${PATH}?kind=relation`);
    await toFirst(page);
    const held = focused(page);
    await expect(held.getByRole("heading", { level: 3 })).toHaveText("Abu Mahdi al-Muhandis leads Kataib Hezbollah");
    await press(page, "m", held);
    const rival = focused(page);
    await expect(rival.locator("[data-preview]")).toHaveText(
      "Accepting creates the relation abu-fadak-al-mohammedawi leads kataib-hezbollah (new leader).",
    );
    await press(page, "a", rival);
    await expect(page.locator("article[data-kind='relation'][data-status='suggested']")).toHaveCount(0);
    await page.goto("/actors/abu-fadak-al-mohammedawi");
    await expect(page.locator("main")).toContainText("Kataib Hezbollah");
  });

  test("a statement becomes a claim through its channel, contradicting the claim it answers", async ({ page }) => {
    await page.goto(`${PATH}?kind=statement`);
    await toFirst(page);
    await press(page, "a", focused(page));
    const claim = page.locator("article[data-kind='statement'] a[data-record='claim']");
    await claim.click();
    await expect(page).toHaveURL(/\/claims\/kataib-hezbollah-denies/);
    await expect(page.locator("main")).toContainText("Reuters");
    await expect(page.locator("main")).toContainText("The US alleges that Kataib Hezbollah");
  });
});
