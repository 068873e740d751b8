/**
 * A relation's own page: its two actors, type, time and quotes (each into the reader), reached
 * from an actor's profile, the graph's table and the change feed; and, signed in, the corrections every record
 * page has — an edit refused against a version someone else changed, evidence added and removed,
 * retire and restore. The writing tests make their own document, actors and relation.
 */
import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { API_URL, TEST_INGEST_TOKEN } from "./env";
import { exploreGraph } from "./graph";
import { newActor, newDocument } from "./reviewers";
import { signedInAs } from "./signed-in";

const admin = { authorization: `Bearer ${TEST_INGEST_TOKEN}` };
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`.replace(/\d/g, "");

async function noSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** A document stating a relation twice, its two actors and the relation, made through the API: their ids and words. */
async function newRelation(request: APIRequestContext) {
  const tag = unique();
  const from = `Lions ${tag} Brigade`;
  const to = `Hawks ${tag} Front`;
  const first = `The ${from} is backed by the ${to}`;
  const second = `the ${to} pays the ${from}`;
  const sourceId = await newDocument(
    request,
    "Relation page",
    `${first}, a spokesman said on 3 March 2022.\n\nOfficials added that ${second} every month.`,
  );
  const fromId = await newActor(request, sourceId, from, "An armed group in a test document.");
  const toId = await newActor(request, sourceId, to, "Another armed group in a test document.");
  const made = await request.post(`${API_URL}/api/records`, {
    headers: admin,
    data: { record: { kind: "relation", sourceId, quote: first, fromId, type: "backed_by", toId }, reason: "a test" },
  });
  expect(made.status(), await made.text()).toBe(200);
  const records = ((await made.json()) as { records: { recordType: string; recordId: string }[] }).records;
  const id = records.find((r) => r.recordType === "relation")?.recordId as string;
  return { id, sourceId, from, to, fromId, first, second };
}

test("a relation's page: its ends, type, role and quote into the reader, its history; from a profile and the graph", async ({
  page,
}) => {
  await page.goto("/actors/badr-organization");
  await page.getByRole("link", { name: "The relation's page: Hadi al-Amiri leads Badr Organization" }).click();
  await expect(page).toHaveURL(/\/relations\/hadi-al-amiri\.leads\.badr-organization$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hadi al-Amiri leads Badr Organization");
  const ends = page.getByTestId("relation-ends");
  await expect(ends.getByRole("link", { name: "Hadi al-Amiri" })).toBeVisible();
  await expect(ends.getByRole("link", { name: "Badr Organization" })).toBeVisible();
  await expect(ends).toContainText("leader");
  const evidence = page.locator("#evidence");
  await expect(evidence.locator("mark")).toContainText(["Hadi al-Amiri, the leader of the Badr Organization"]);
  await expect(page.locator("#history")).toContainText("No changes: as the curated data has it.");
  // Signed out: the corrections ask to sign in.
  await expect(page.locator("#correct").getByTestId("sign-in-to-write")).toBeVisible();
  await noSeriousViolations(page);
  await evidence
    .getByRole("link", { name: /Read in context/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/sources\/[^?]+\?span=\d+-\d+$/);

  // The graph's table of what is on screen links each relation to its page.
  await page.goto("/graph?actor=badr-organization");
  await exploreGraph(page);
  await page.getByRole("button", { name: "Table of what is on screen" }).click();
  await page.getByTestId("on-screen").getByRole("link", { name: "Hadi al-Amiri leads Badr Organization" }).click();
  await expect(page).toHaveURL(/\/relations\/hadi-al-amiri\.leads\.badr-organization$/);

  // A relation the atlas does not hold is a 404 that says how relations are named.
  const missing = await page.goto("/relations/nobody.leads.nothing");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("No relation at this address");
});

test.describe("signed in", () => {
  test.use({ storageState: signedInAs() });

  test("edit a relation: a stale version is refused naming who changed it, and what was typed stays; then saved", async ({
    page,
    request,
  }) => {
    const r = await newRelation(request);
    await page.goto(`/relations/${r.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${r.from} is backed by ${r.to}`);
    await page.locator("summary", { hasText: "Edit this relation" }).click();
    const form = page.getByRole("form", { name: "Edit this relation" });
    await expect(form.getByLabel("From (actor)")).toHaveValue(r.fromId);
    // Meanwhile the relation is corrected through the API.
    const theirs = await request.post(`${API_URL}/api/records/${encodeURIComponent(r.id)}/edit`, {
      headers: admin,
      data: { type: "relation", patch: { set: { note: "Seen in one document." } }, version: 1, reason: "a note" },
    });
    expect(theirs.status(), await theirs.text()).toBe(200);
    await form.getByLabel("Role in the document's words").fill("paymaster");
    await form.getByLabel("Why (for the history)").fill("The second paragraph says it pays them.");
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(form.getByRole("alert")).toContainText("is at version 2, changed by admin");
    await expect(form.getByLabel("Role in the document's words")).toHaveValue("paymaster");
    await page.reload();
    await page.locator("summary", { hasText: "Edit this relation" }).click();
    await form.getByLabel("Role in the document's words").fill("paymaster");
    await form.getByLabel("Why (for the history)").fill("The second paragraph says it pays them.");
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(form.getByRole("status")).toHaveText("Saved as version 3.");
    await expect(page.getByTestId("relation-ends")).toContainText("paymaster");
    await expect(page.locator("#history li").last()).toContainText("role: none → “paymaster”");

    // The change feed lists the change under its reviewer, linked to the relation's page.
    await page.goto("/changes");
    const entry = page.locator("#changes li").filter({ hasText: "role: none → “paymaster”" });
    await expect(entry).toContainText("admin");
    await noSeriousViolations(page);
    await entry.getByRole("link", { name: `relation ${r.id}` }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${r.from} is backed by ${r.to}`);
  });

  test("add and remove a relation's quotes: words not in the document are refused in the API's words", async ({
    page,
    request,
  }) => {
    const r = await newRelation(request);
    await page.goto(`/relations/${r.id}`);
    // The form offers the relation's own document.
    await page.locator("summary", { hasText: "Add evidence" }).click();
    const add = page.getByRole("form", { name: "Add evidence to this relation" });
    await expect(add.getByLabel("Document (its id, as in its address)")).toHaveValue(r.sourceId);
    await add.getByLabel("The exact words, as in the document").fill("the Hawks pay nobody");
    await add.getByLabel("Why add them (for the history)").fill("The second paragraph says it too.");
    await add.getByRole("button", { name: "Add the quote" }).click();
    await expect(add.getByRole("alert")).toContainText("the Hawks pay nobody");
    await add.getByLabel("The exact words, as in the document").fill(r.second);
    await add.getByRole("button", { name: "Add the quote" }).click();
    await expect(add.getByRole("status")).toHaveText("Added the quote.");
    await expect(page.locator("#evidence mark")).toHaveText([r.first, r.second]);
    await noSeriousViolations(page);

    await page.locator("summary", { hasText: "Remove evidence" }).click();
    const remove = page.getByRole("form", { name: "Remove evidence from this relation" });
    await remove.getByRole("checkbox", { name: new RegExp(`“${r.first}”`) }).check();
    await remove.getByLabel("Why remove them (for the history)").fill("The first words were the headline's.");
    await remove.getByRole("button", { name: "Remove the chosen quotes" }).click();
    await expect(remove.getByRole("status")).toHaveText("Removed one quote.");
    await expect(page.locator("#evidence mark")).toHaveText([r.second]);
  });

  test("retire a relation: off its actor's profile, its page says who and why; Restore brings it back", async ({
    page,
    request,
  }) => {
    const r = await newRelation(request);
    await page.goto(`/actors/${r.fromId}`);
    const link = page.getByRole("link", { name: `The relation's page: ${r.from} is backed by ${r.to}` });
    await link.click();
    await page.locator("summary", { hasText: "Retire this relation" }).click();
    const form = page.getByRole("form", { name: "Retire this relation" });
    await form.getByLabel("Why retire it (for the history)").fill("Made for a test.");
    await form.getByRole("button", { name: "Retire" }).click();
    const notice = page.getByRole("status").filter({ hasText: "This relation was retired" });
    await expect(notice).toContainText("by admin");
    await expect(notice).toContainText("“Made for a test.”");
    await page.goto(`/actors/${r.fromId}`);
    await expect(page.locator("#relations")).toContainText("No relations recorded.");

    await page.goto(`/relations/${r.id}`);
    await page.getByRole("form", { name: "Restore this relation" }).getByRole("button", { name: "Restore" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${r.from} is backed by ${r.to}`);
    await expect(page.locator("#history li").last()).toContainText("restored");
  });
});
