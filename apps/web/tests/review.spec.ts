/**
 * Ingest and review, as an analyst does it: paste a new document, land on its suggestions,
 * accept some (the records then exist, quoting the new document), reject others; refusals are
 * shown next to the form with what was typed still there. The document is new writing built
 * from the corpus's sentences, so it is not a duplicate, and it names a known actor, a new
 * "Lt. Gen." and dates.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page, test } from "@playwright/test";
// The test PDF is written by the data package's helper (a hand-built PDF, no binary fixture).
import { makePdf } from "../../../packages/data/src/testing/documents";
import { API_URL } from "./env";
import { signedInAs } from "./signed-in";

// Reviewing is writing: these tests are signed in as the test API's admin.
test.use({ storageState: signedInAs() });

// An ingest reads the whole document and looks for every kind of suggestion: on a loaded two-core
// machine that can take longer than a click's usual wait, and the form says "Working…" meanwhile.
const INGESTED = { timeout: 30_000 };

const TITLE = "Coalition general warns Iraq's militias may outgrow the state";
const DOCUMENT = `Iraq's militias may outgrow the state, a coalition general warns

BAGHDAD — “Two things threaten Iraq most today: the armed factions and the economy,” said Lt. Gen. Robert Halvorsen, the deputy commander of the coalition mission in Iraq and Syria.

The government in Baghdad exerts “very little” control over the armed factions, according to Halvorsen. Kataib Hezbollah, in particular, may be turning into a regional proxy aligned to Iran rather than a group that fights only in Iraq, Halvorsen said in an interview on March 9, 2021.

A rocket attack on an air base in Erbil on February 15, 2021 killed a contractor working for the U.S.-led coalition. Asaib Ahl al-Haq denied any role in the attack.
`;

async function fillDocument(page: Page, text: string, title: string) {
  await page.getByLabel("The document’s text").fill(text);
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Publisher").fill("Atlas test desk");
  await page.getByLabel("Published").fill("2021-03-12");
  await page.getByLabel("Address (URL)").fill("https://example.org/militias-outgrow-the-state");
}

const card = (page: Page, kind: string, label: RegExp) =>
  page.locator(`article[data-kind='${kind}']`).filter({ has: page.getByRole("heading", { name: label }) });

async function expectNoSeriousViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
  expect(bad, what).toEqual([]);
}

async function accept(c: Locator) {
  await c.getByRole("button", { name: "Accept", exact: true }).click();
  await expect(c).toHaveAttribute("data-status", "accepted");
}

test.describe("a new document, from the form to accepted records", () => {
  test.describe.configure({ mode: "serial" });
  let reviewPath = "";

  test("the pasted document lands on its review page with suggestions of every kind", async ({ page }, testInfo) => {
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(m.text());
    });
    await page.goto("/review");
    await fillDocument(page, DOCUMENT, TITLE);
    await page.getByRole("button", { name: "Add and find suggestions" }).click();
    await expect(page).toHaveURL(/\/review\/2021-coalition-general-warns/, INGESTED);
    reviewPath = new URL(page.url()).pathname;
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
    for (const [id, min] of [
      ["kind-mention", 5],
      ["kind-actor", 1],
      ["kind-date", 2],
      ["kind-statement", 3],
    ] as const) {
      expect(await page.locator(`#${id} article`).count(), id).toBeGreaterThanOrEqual(min);
    }
    // Everything found is marked as a suggestion, not shown as a fact.
    const cards = page.locator("article[data-suggestion]");
    expect(await cards.count()).toBe(await page.locator("article[data-status='suggested']").count());
    await expect(cards.first().getByText("Suggestion", { exact: true })).toBeVisible();
    // The quote in context, as text, with what accepting would create.
    const actor = card(page, "actor", /Robert Halvorsen/);
    await expect(actor.locator("mark")).toHaveText(
      "Lt. Gen. Robert Halvorsen, the deputy commander of the coalition mission in Iraq and Syria",
    );
    await expect(actor.getByRole("heading", { level: 3 })).toHaveText("New actor? Robert Halvorsen (person)");
    await expect(actor).toContainText("title “Lt. Gen.”");
    await expect(actor.locator("[data-preview]")).toContainText(
      "Accepting creates the actor “Robert Halvorsen” (person)",
    );
    await expect(card(page, "date", /^15 February 2021: /).locator("[data-preview]")).toContainText(
      "Accepting creates an event (other)",
    );
    await page.waitForLoadState("networkidle");
    expect(problems, "console errors").toEqual([]);
    await page.screenshot({ path: testInfo.outputPath("review-document.png"), fullPage: true });
    await page.screenshot({ path: "test-results/screenshots/review-document.png", fullPage: true });
  });

  test("a statement by someone who is not an actor yet is refused with the API's reason", async ({ page }) => {
    await page.goto(reviewPath);
    const statement = card(page, "statement", /Two things threaten Iraq/);
    await expect(statement.locator("[data-blocked]")).toContainText("“Robert Halvorsen” is not an actor yet");
    await expect(statement.getByRole("link", { name: "Go to that candidate actor" })).toBeVisible();
    await statement.getByRole("button", { name: "Accept", exact: true }).click();
    const alert = statement.getByRole("alert");
    await expect(alert).toContainText("“Robert Halvorsen” is not an actor yet");
    await expect(alert).toContainText("Accept the candidate actor suggestion");
    await expect(statement).toHaveAttribute("data-status", "suggested");
  });

  test("accepting a mention and a new actor creates them, quoting the new document", async ({ page }) => {
    await page.goto(reviewPath);
    const mention = card(page, "mention", /Mention of Kataib Hezbollah/);
    await accept(mention);
    const inReader = mention.getByRole("link", { name: /Kataib Hezbollah/ }).last();
    await expect(inReader).toHaveAttribute("href", /^\/sources\/2021-coalition-general-warns[^?]*\?span=\d+-\d+$/);

    const actor = card(page, "actor", /Robert Halvorsen/);
    await accept(actor);
    await expect(actor).toContainText("Created the actor");
    await actor.getByRole("link", { name: /Robert Halvorsen/ }).click();
    await expect(page).toHaveURL(/\/actors\/robert-halvorsen$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Robert Halvorsen");
    const evidence = page.locator("details", { hasText: "How the documents describe it" });
    await evidence.locator("summary").click();
    await expect(evidence.locator("blockquote mark")).toHaveText(
      "Lt. Gen. Robert Halvorsen, the deputy commander of the coalition mission in Iraq and Syria",
    );
    await expect(evidence.locator("cite")).toHaveText(TITLE);
    // Its later short name became mentions in the document too.
    await expect(page.locator("#mentions")).toContainText(TITLE);
  });

  test("once the speaker is an actor, the statement becomes a claim with its words", async ({ page }) => {
    await page.goto(reviewPath);
    const statement = card(page, "statement", /Two things threaten Iraq/);
    await expect(statement).not.toContainText("not an actor yet");
    await accept(statement);
    await statement.getByRole("link", { name: /“Two things threaten Iraq/ }).click();
    await expect(page).toHaveURL(/\/claims\/robert-halvorsen-asserts/);
    await expect(page.locator("main")).toContainText("Robert Halvorsen");
    await expect(page.locator("blockquote mark").first()).toContainText("Two things threaten Iraq most today");
  });

  test("a rejected suggestion is shown as rejected and creates nothing", async ({ page }) => {
    await page.goto(reviewPath);
    const odd = card(page, "statement", /on March 9, 2021”$/);
    await odd.getByRole("button", { name: "Reject" }).click();
    await expect(odd).toHaveAttribute("data-status", "rejected");
    await expect(odd).toContainText("Rejected: nothing was created");
    await expect(odd.getByRole("button")).toHaveCount(0);
    await page.reload();
    await expect(card(page, "statement", /on March 9, 2021”$/)).toHaveAttribute("data-status", "rejected");
  });

  test("a date edited before accepting becomes an event with the reviewer's kind and title", async ({ page }) => {
    await page.goto(reviewPath);
    const date = card(page, "date", /^15 February 2021: /);
    await date.getByRole("link", { name: "Edit", exact: true }).click();
    await expect(page).toHaveURL(/edit=/);
    const form = page.getByRole("form", { name: /^Edit:/ });
    await form.getByLabel("Kind of event").selectOption("attack");
    await form.getByLabel("Title").fill("Rocket attack on an air base in Erbil");
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(form.getByRole("status")).toContainText("Saved");
    // Every label shows the edited values: the title, the details and what accepting creates.
    const title = date.getByRole("heading", { level: 3 });
    await expect(title).toHaveText("15 February 2021: Rocket attack on an air base in Erbil (attack)");
    await expect(date.locator("[data-preview]")).toContainText(
      "Accepting creates an event (attack), “Rocket attack on an air base in Erbil”",
    );
    await expect(date).toContainText("edited");
    await form.getByRole("button", { name: "Accept with these values" }).click();
    await expect(date).toHaveAttribute("data-status", "accepted");
    await date.getByRole("link", { name: "Rocket attack on an air base in Erbil" }).click();
    await expect(page).toHaveURL(/\/events\/2021-02-15-rocket-attack-on-an-air-base-in-erbil$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rocket attack on an air base in Erbil");
    await expect(page.locator("main")).toContainText("15 February 2021");
  });

  test("accept all mentions, then filter by kind and status in the URL", async ({ page }) => {
    await page.goto(reviewPath);
    const waiting = await page.locator("article[data-kind='mention'][data-status='suggested']").count();
    expect(waiting).toBeGreaterThan(0);
    await page.getByRole("button", { name: `Accept all ${waiting} waiting mentions` }).click();
    await expect(page.locator("article[data-kind='mention'][data-status='suggested']")).toHaveCount(0);
    const filters = page.getByRole("navigation", { name: "Filter suggestions" });
    await filters.getByRole("link", { name: /^Statements/ }).click();
    await expect(page).toHaveURL(/kind=statement/);
    await expect(page.locator("article[data-kind='mention']")).toHaveCount(0);
    await filters.getByRole("link", { name: /^Rejected/ }).click();
    await expect(page).toHaveURL(/kind=statement&status=rejected|status=rejected&kind=statement/);
    await expect(page.locator("article[data-suggestion]")).toHaveCount(1);
    await expect(page.locator("article[data-suggestion]")).toHaveAttribute("data-status", "rejected");
  });

  test("the same document again is refused as a duplicate, keeping what was typed", async ({ page }) => {
    await page.goto("/review");
    await fillDocument(page, DOCUMENT, `${TITLE} (again)`);
    await page.getByRole("button", { name: "Add and find suggestions" }).click();
    const alert = page.getByRole("form", { name: "Add a document" }).getByRole("alert");
    await expect(alert).toContainText("already in the atlas");
    await expect(alert).toContainText(TITLE);
    await expect(page).toHaveURL(/\/review$/);
    await expect(page.getByLabel("Title")).toHaveValue(`${TITLE} (again)`);
    await expect(page.getByLabel("The document’s text")).toHaveValue(DOCUMENT);
    // The list shows the document and how far its review has come.
    const listed = page.locator("li[data-document]").filter({ hasText: TITLE }).first();
    await expect(listed.locator("tr[data-kind='mention'] td").nth(1)).not.toHaveText("0");
  });

  test("both review pages pass axe, light and dark", async ({ browser }, testInfo) => {
    // Six full analyses, one of a long page: slow when the machine is busy.
    test.slow();
    for (const scheme of ["light", "dark"] as const) {
      const context = await browser.newContext({ colorScheme: scheme, storageState: signedInAs() });
      const page = await context.newPage();
      for (const path of [
        "/review",
        reviewPath,
        `${reviewPath}?edit=${encodeURIComponent(await firstWaiting(page))}`,
      ]) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await expectNoSeriousViolations(page, `${path} in ${scheme}`);
      }
      if (scheme === "light") {
        await page.goto("/review");
        await page.screenshot({ path: testInfo.outputPath("review.png"), fullPage: true });
        await page.screenshot({ path: "test-results/screenshots/review.png", fullPage: true });
      }
      await context.close();
    }
  });

  /** A suggestion still waiting in the document, to open its edit form. */
  async function firstWaiting(page: Page) {
    await page.goto(reviewPath);
    const id = await page.locator("article[data-status='suggested']").first().getAttribute("data-suggestion");
    if (!id) throw new Error("no suggestion is waiting");
    return id;
  }
});

test("an empty submission is refused with a message, keeping the title", async ({ page }) => {
  await page.goto("/review");
  await page.getByLabel("Title").fill("Nothing here");
  await page.getByRole("button", { name: "Add and find suggestions" }).click();
  const alert = page.getByRole("form", { name: "Add a document" }).getByRole("alert");
  await expect(alert).toContainText(/empty/i);
  await expect(page.getByLabel("Title")).toHaveValue("Nothing here");
  await expect(page).toHaveURL(/\/review$/);
});

test("an uploaded file that is not UTF-8 is refused, naming the byte", async ({ page }) => {
  await page.goto("/review");
  await page.getByLabel("…or a file").setInputFiles({
    name: "latin1.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("Kataib Hezbollah said on Sunday \xe9 it was not involved.", "latin1"),
  });
  await page.getByRole("button", { name: "Add and find suggestions" }).click();
  const alert = page.getByRole("form", { name: "Add a document" }).getByRole("alert");
  await expect(alert).toContainText("not valid UTF-8");
  await expect(alert).toContainText(/byte \d+/);
});

test("a file over the size limit is refused before it is uploaded", async ({ page }) => {
  await page.goto("/review");
  await page.getByLabel("…or a file").setInputFiles({
    name: "archive.txt",
    mimeType: "text/plain",
    buffer: Buffer.alloc(17 * 1024 * 1024, "a"),
  });
  await page.getByRole("button", { name: "Add and find suggestions" }).click();
  const alert = page.getByRole("form", { name: "Add a document" }).getByRole("alert");
  await expect(alert).toContainText("The document is 17.0 MB; the limit is 16.0 MB");
});

test("without JavaScript the forms still work: a refusal, then a document and a rejection", async ({
  browser,
}, testInfo) => {
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: signedInAs() });
  const page = await context.newPage();
  // A title and a text of this attempt's own: a retry must not meet the document its first attempt added.
  const title = `Plain forms check ${testInfo.retry + 1}`;
  await page.goto("/review");
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Add and find suggestions" }).click();
  await expect(page.getByRole("form", { name: "Add a document" }).getByRole("alert")).toContainText(/empty/);
  await expect(page.getByLabel("Title")).toHaveValue(title);
  await page
    .getByLabel("The document’s text")
    .fill(`${title}\n\nAsaib Ahl al-Haq denied any part in the attack, a spokesman said on Monday.\n`);
  await page.getByLabel("Published").fill("2020-01-07");
  await page.getByRole("button", { name: "Add and find suggestions" }).click();
  await expect(page).toHaveURL(new RegExp(`/review/2020-plain-forms-check-${testInfo.retry + 1}$`), INGESTED);
  // A page the atlas was too busy to answer says so and asks for a reload; without JavaScript the
  // reader reloads it, as it says.
  const busy = page.getByText("The atlas is answering more requests than it can right now");
  for (let tries = 0; tries < 5 && (await busy.isVisible()); tries++) {
    await page.waitForTimeout(1000);
    await page.reload();
  }
  const mention = card(page, "mention", /Asaib Ahl al-Haq/).first();
  await mention.getByRole("button", { name: "Reject" }).click();
  await expect(card(page, "mention", /Asaib Ahl al-Haq/).first()).toHaveAttribute("data-status", "rejected");
  await context.close();
});

test("an uploaded .txt file is added and reviewed like pasted text", async ({ page }) => {
  await page.goto("/review");
  await page.getByLabel("…or a file").setInputFiles({
    name: "pmf-budget.txt",
    mimeType: "text/plain",
    buffer: Buffer.from(
      "The PMF budget grows again\n\nThe Popular Mobilization Forces received an annual budget of $2.6 billion in 2020, officials in Baghdad said on Tuesday.\n",
    ),
  });
  await page.getByLabel("Published").fill("2021-02-02");
  await page.getByRole("button", { name: "Add and find suggestions" }).click();
  await expect(page).toHaveURL(/\/review\/2021-the-pmf-budget-grows-again/, INGESTED);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The PMF budget grows again");
  await expect(page.locator("main")).toContainText("pmf-budget.txt");
  await expect(card(page, "mention", /Popular Mobilization Forces/).first()).toBeVisible();
});

test("an uploaded PDF is read page by page, and the reader says which page a quote is on", async ({ page }) => {
  const line = (y: number, text: string, size = 11) => ({ x: 72, y, text, size });
  const running = line(760, "Gulf Security Notes | Iraq", 9);
  await page.goto("/review");
  await page.getByLabel("…or a file").setInputFiles({
    name: "gulf-notes.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from(
      makePdf([
        [running, line(700, "Militia rockets and the embassy", 20), line(660, "Rockets struck near the embassy.")],
        [running, line(700, "Kataib Hezbollah denied any part in the rocket attack, a spokesman said.")],
      ]),
    ),
  });
  await page.getByLabel("Published").fill("2021-02-20");
  await page.getByRole("button", { name: "Add and find suggestions" }).click();
  await expect(page).toHaveURL(/\/review\/2021-militia-rockets-and-the-embassy/, INGESTED);
  const id = new URL(page.url()).pathname.split("/").at(-1) as string;

  const source = (await (await fetch(`${API_URL}/api/sources/${id}`)).json()) as { text: string };
  const start = source.text.indexOf("Kataib Hezbollah denied");
  await page.goto(`/sources/${id}?span=${start}-${start + 23}`);
  await expect(page.locator("[data-page]")).toHaveText(["Page 1", "Page 2"]);
  await expect(page.getByTestId("span-banner")).toContainText("on page 2 of the original");
  await expect(page.locator("[data-role='page-header']").first()).toContainText("Running header");
});

test("a curated document is not a review page", async ({ page }) => {
  const response = await page.goto("/review/2020-party-by-day-fighters-by-night");
  expect(response?.status()).toBe(404);
});
