/**
 * Grading and correcting records on their pages, through the real forms: a grade shows beside
 * the claim in the claims list and filters it; an edit appears in the history; an edit made
 * against a version someone else has since changed is refused with the API's words, naming them,
 * and what was typed stays; a retired claim leaves the list, its page says who retired it, and
 * Restore brings it back. Each test makes its own claim, so they share nothing with other tests.
 */
import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { API_URL, TEST_INGEST_TOKEN } from "./env";
import { newActor, newDocument } from "./reviewers";
import { signedInAs } from "./signed-in";

// Grading and correcting are writes: the browser is signed in as the test API's admin.
test.use({ storageState: signedInAs() });

const admin = { authorization: `Bearer ${TEST_INGEST_TOKEN}` };

/** A claim made by hand through the API from words of a curated document; its id. */
async function newClaim(request: APIRequestContext, statement: string): Promise<string> {
  const response = await request.post(`${API_URL}/api/records`, {
    headers: admin,
    data: {
      record: {
        kind: "claim",
        sourceId: "2021-militias-may-be-tearing-iraq-apart",
        quote: "Iraq may be headed for another civil war",
        claimantId: "paul-calvert",
        stance: "warns",
        statement,
      },
      reason: "made for a browser test",
    },
  });
  expect(response.status(), await response.text()).toBe(200);
  const result = (await response.json()) as { records: { recordType: string; recordId: string }[] };
  const claim = result.records.find((r) => r.recordType === "claim");
  if (!claim) throw new Error(`no claim in ${JSON.stringify(result)}`);
  return claim.recordId;
}

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function noSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("grade a claim on its page, keyboard only: shown on the claims list and filterable by it", async ({
  page,
  request,
}) => {
  const statement = `Calvert warns of civil war (grade ${unique()})`;
  const id = await newClaim(request, statement);
  await page.goto(`/claims/${id}`);
  const grade = page.locator("#grade");
  await expect(grade).toContainText("Credibility: not graded");
  await noSeriousViolations(page);

  // Keyboard only: focus the grade, choose 2, type the reason, submit with Enter on the button.
  const select = grade.getByLabel("Credibility (1–6)");
  await select.focus();
  await select.selectOption("2");
  await page.keyboard.press("Tab");
  await expect(grade.getByLabel("Why this grade (for the history)")).toBeFocused();
  await page.keyboard.type("Matches the general's own words in the interview.");
  await page.keyboard.press("Tab");
  await expect(grade.getByRole("button", { name: "Save grade" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(grade.getByRole("status")).toHaveText("Graded 2 (probably true).");
  await expect(grade).toContainText("Credibility: 2 (probably true)");
  await expect(grade).toContainText("Matches the general's own words in the interview.");
  await expect(page.locator("#history")).toContainText("graded");

  // The list shows it beside the claim, and the credibility filter finds it; another grade does not.
  await page.goto("/claims?credibility=2");
  const card = page.locator(`article[data-claim="${id}"]`);
  await expect(card.locator("[data-credibility]")).toContainText("2 (probably true)");
  // Its source's reliability beside it (the source test may grade that source at the same time).
  await expect(card.locator("[data-reliability]")).toContainText(/not graded|B \(usually reliable\)/);
  for (const c of await page.locator("article[data-claim] [data-credibility]").all()) {
    await expect(c).toHaveAttribute("data-credibility", "2");
  }
  // "Export these" keeps the grade filter: the CSV holds exactly the claims shown.
  const csvHref = await page.locator("main").getByRole("link", { name: "CSV", exact: true }).getAttribute("href");
  expect(csvHref).toContain("credibility=2");
  const csv = await (await page.request.get(csvHref as string)).text();
  expect(csv).toContain(id);
  expect(csv.trimEnd().split("\r\n")).toHaveLength((await page.locator("main article[data-claim]").count()) + 1);
  await page.goto("/claims");
  await page.locator("select[name=credibility]").selectOption("3");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/credibility=3/);
  await expect(page.locator(`article[data-claim="${id}"]`)).toHaveCount(0);
  await page.locator("select[name=credibility]").selectOption("2");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.locator(`article[data-claim="${id}"]`)).toBeVisible();
  await noSeriousViolations(page);
});

test("a source's reliability is set on its grade page and shown beside its claims", async ({ page, request }) => {
  const id = await newClaim(request, `Calvert warns of civil war (reliability ${unique()})`);
  await page.goto("/sources");
  await noSeriousViolations(page);
  await page.getByRole("link", { name: "Grade Militias in Iraq Provide Security" }).click();
  await expect(page).toHaveURL(/\/sources\/2021-militias-may-be-tearing-iraq-apart\/grade$/);
  await noSeriousViolations(page);
  const grade = page.locator("#grade");
  await grade.getByLabel("Reliability (A–F)").selectOption("B");
  await grade.getByLabel("Why this grade (for the history)").fill("A newspaper that names its sources.");
  await grade.getByRole("button", { name: "Save grade" }).click();
  await expect(grade.getByRole("status")).toHaveText("Graded B (usually reliable).");
  await expect(page.locator("#history")).toContainText("graded");

  // Beside this source's account of an event it reports, too.
  await page.goto("/events/2021-02-erbil-air-base-rocket-attack");
  await expect(page.locator('#sources [data-reliability="B"]')).toHaveText("Reliability B (usually reliable)");

  await page.goto("/claims?reliability=B");
  await expect(page.locator(`article[data-claim="${id}"] [data-reliability]`)).toHaveAttribute("data-reliability", "B");
  await page.goto("/claims?reliability=none");
  await expect(page.locator(`article[data-claim="${id}"]`)).toHaveCount(0);
});

test("edit a claim with a reason: the page and its history show the change", async ({ page, request }) => {
  const id = await newClaim(request, `Calvert warns of civil war (edit ${unique()})`);
  await page.goto(`/claims/${id}`);
  await page.locator("summary", { hasText: "Edit this claim" }).click();
  const form = page.getByRole("form", { name: "Edit this claim" });
  await noSeriousViolations(page);
  // A claimant the atlas does not hold: the API refuses, in its words, and nothing is written.
  await form.getByLabel("Claimant").fill("no-such-actor");
  await form.getByLabel("Why (for the history)").fill("Read the paragraph again.");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByRole("alert")).toContainText("no-such-actor");
  await expect(form.getByLabel("Claimant")).toHaveValue("no-such-actor");
  await form.getByLabel("Claimant").fill("paul-calvert");
  await form.getByLabel("Note").fill("He said it at a press briefing.");
  await form.getByLabel("Stance").selectOption("predicts");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved as version 2.");
  await expect(page.locator("main")).toContainText("Note: He said it at a press briefing.");
  const last = page.locator("#history li").last();
  await expect(last).toContainText("admin · version 2");
  await expect(last).toContainText("stance: “warns” → “predicts”");
  await expect(last).toContainText("note: none → “He said it at a press briefing.”");
  await expect(last).toContainText("Why: Read the paragraph again.");
  // The form now holds the new version: a second correction, without reloading, is saved on top.
  await form.getByLabel("Setting").fill("a press briefing");
  await form.getByLabel("Why (for the history)").fill("The setting, from the same paragraph.");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved as version 3.");
  await expect(page.locator("#history li").last()).toContainText("setting: none → “a press briefing”");
});

test("an edit against a version someone else changed is refused, naming them, and what was typed stays", async ({
  page,
  request,
}) => {
  const id = await newClaim(request, `Calvert warns of civil war (stale ${unique()})`);
  const name = `colleague-${unique()}`;
  const added = await request.post(`${API_URL}/api/reviewers`, { headers: admin, data: { name } });
  expect(added.status(), await added.text()).toBe(200);
  const { token } = (await added.json()) as { token: string };

  await page.goto(`/claims/${id}`);
  await page.locator("summary", { hasText: "Edit this claim" }).click();
  const form = page.getByRole("form", { name: "Edit this claim" });
  // Meanwhile a colleague corrects the same claim.
  const theirs = await request.post(`${API_URL}/api/records/${id}/edit`, {
    headers: { authorization: `Bearer ${token}` },
    data: { patch: { set: { setting: "a press briefing" } }, version: 1, reason: "the setting" },
  });
  expect(theirs.status(), await theirs.text()).toBe(200);

  await form.getByLabel("Note").fill("My note, typed before I knew.");
  await form.getByLabel("Why (for the history)").fill("My reason.");
  await form.getByRole("button", { name: "Save changes" }).click();
  const alert = form.getByRole("alert");
  await expect(alert).toContainText(`is at version 2, changed by ${name}`);
  await expect(alert).toContainText("this change was made against version 1");
  await expect(form.getByLabel("Note")).toHaveValue("My note, typed before I knew.");
  await expect(form.getByLabel("Why (for the history)")).toHaveValue("My reason.");
  // Nothing of it was written: the history ends with the colleague's change.
  await page.reload();
  await expect(page.locator("#history li").last()).toContainText(`${name} · version 2`);
  await expect(page.locator("main")).not.toContainText("My note, typed before I knew.");
});

test("remove a quote from a claim's evidence, keyboard only: one checkbox left, in the history, the last one kept", async ({
  page,
  request,
}) => {
  const id = await newClaim(request, `Calvert warns of civil war (evidence ${unique()})`);
  // A second quote for it, from the same document, through the API.
  const more = await request.post(`${API_URL}/api/records/${id}/edit`, {
    headers: admin,
    data: {
      patch: {
        addEvidence: [{ sourceId: "2021-militias-may-be-tearing-iraq-apart", quote: "The top U.S. commander there" }],
      },
      version: 1,
      reason: "a second quote",
    },
  });
  expect(more.status(), await more.text()).toBe(200);

  await page.goto(`/claims/${id}`);
  const summary = page.locator("summary", { hasText: "Remove evidence" });
  await summary.focus();
  await page.keyboard.press("Enter");
  const form = page.getByRole("form", { name: "Remove evidence from this claim" });
  await expect(form.getByRole("checkbox")).toHaveCount(2);
  await noSeriousViolations(page);
  // Nothing chosen: refused, nothing written.
  await form.getByLabel("Why remove them (for the history)").fill("The short quote says nothing of a warning.");
  await form.getByRole("button", { name: "Remove the chosen quotes" }).press("Enter");
  await expect(form.getByRole("alert")).toContainText("Choose at least one quote");
  await form.getByRole("checkbox", { name: /“The top U.S. commander there”/ }).press("Space");
  await form.getByRole("button", { name: "Remove the chosen quotes" }).press("Enter");
  await expect(form.getByRole("status")).toHaveText("Removed one quote.");
  const last = page.locator("#history li").last();
  await expect(last).toContainText("admin · version 3");
  await expect(last).toContainText("Why: The short quote says nothing of a warning.");
  await expect(form.getByRole("checkbox")).toHaveCount(1);
  // The last quote stays: a claim keeps its evidence, and the API says so.
  await form.getByRole("checkbox").press("Space");
  await form.getByLabel("Why remove them (for the history)").fill("Trying to remove the last one.");
  await form.getByRole("button", { name: "Remove the chosen quotes" }).press("Enter");
  await expect(form.getByRole("alert")).toContainText(/at least one|last/i);
  await page.reload();
  await expect(page.locator("#history li").last()).toContainText("admin · version 3");
});

test("retire a claim: it leaves the list, its page says who retired it, and Restore brings it back", async ({
  page,
  request,
}) => {
  const statement = `Calvert warns of civil war (retire ${unique()})`;
  const id = await newClaim(request, statement);
  await page.goto("/claims?claimant=paul-calvert");
  await expect(page.locator(`article[data-claim="${id}"]`)).toBeVisible();

  await page.goto(`/claims/${id}`);
  await page.locator("summary", { hasText: "Retire this claim" }).click();
  const form = page.getByRole("form", { name: "Retire this claim" });
  await form.getByLabel("Why retire it (for the history)").fill("Made for a test; not a claim of the document.");
  await form.getByRole("button", { name: "Retire" }).click();
  const notice = page.getByRole("status").filter({ hasText: "This claim was retired" });
  await expect(notice).toContainText("by admin");
  await expect(notice).toContainText("“Made for a test; not a claim of the document.”");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(statement);
  await noSeriousViolations(page);

  await page.goto("/claims?claimant=paul-calvert");
  await expect(page.locator("article[data-claim]").first()).toBeVisible();
  await expect(page.locator(`article[data-claim="${id}"]`)).toHaveCount(0);

  await page.goto(`/claims/${id}`);
  const restore = page.getByRole("form", { name: "Restore this claim" });
  await restore.getByLabel("Why restore it (optional, for the history)").fill("Needed after all.");
  await restore.getByRole("button", { name: "Restore" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(statement);
  await expect(page.locator("#history li").last()).toContainText("restored");
  await page.goto("/claims?claimant=paul-calvert");
  await expect(page.locator(`article[data-claim="${id}"]`)).toBeVisible();
});

test("an actor's page corrects it: an empty name or description is refused naming the field, a right one saved", async ({
  page,
}) => {
  await page.goto("/actors/paul-calvert");
  await page.locator("summary", { hasText: "Edit this actor" }).click();
  const form = page.getByRole("form", { name: "Edit this actor" });
  await noSeriousViolations(page);
  const description = form.getByLabel("Description");
  const was = await description.inputValue();
  await description.fill("");
  await form.getByLabel("Why (for the history)").fill("Testing a refusal.");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByRole("alert")).toContainText("description: must not be empty");
  await description.fill(`${was} (checked)`);
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByRole("status")).toHaveText(/^Saved as version \d+\.$/);
  await expect(page.getByRole("main")).toContainText(`${was} (checked)`);
  await expect(page.locator("#history li").last()).toContainText("edited: description:");
  await expect(page.locator("#history li").last()).toContainText("Why: Testing a refusal.");
});

test("an event's page offers the same corrections, labelled and reachable by keyboard", async ({ page }) => {
  await page.goto("/events/2020-01-26-us-embassy-rocket-attack");
  const summary = page.locator("summary", { hasText: "Edit this event" });
  await summary.focus();
  await page.keyboard.press("Enter");
  const form = page.getByRole("form", { name: "Edit this event" });
  await expect(form.getByLabel("Title")).toHaveValue(/./);
  await expect(form.getByLabel("When", { exact: false }).first()).toHaveValue(/^20/);
  await expect(form.getByLabel("Participants (actor:role)")).toHaveValue(/:/);
  await noSeriousViolations(page);
});

test("remove an actor's name with a reason: gone from its names, in the history; its primary name is refused", async ({
  page,
  request,
}) => {
  const tag = unique().replace(/\d/g, "");
  const name = `Cedar ${tag} Battalion`;
  const short = `CB${tag.toUpperCase()}`;
  const sourceId = await newDocument(request, "Names", `The ${name} (${short}) held the bridge.`);
  const actorId = await newActor(request, sourceId, name, "A battalion in a test document.");
  const alias = await request.post(`${API_URL}/api/records`, {
    headers: admin,
    data: {
      record: { kind: "alias", sourceId, quote: short, actorId, aliasKind: "abbreviation" },
      reason: "its abbreviation",
    },
  });
  expect(alias.status(), await alias.text()).toBe(200);

  await page.goto(`/actors/${actorId}`);
  await expect(page.locator("#names")).toContainText(short);
  await page.locator("summary", { hasText: "Remove a name" }).click();
  const form = page.getByRole("form", { name: "Remove a name of this actor" });
  await noSeriousViolations(page);
  // Its own name cannot go: an actor keeps a name, and the form says how to change it instead.
  await form.getByRole("radio", { name: new RegExp(`^${name}`) }).check();
  await form.getByLabel("Why remove it (for the history)").fill("Trying the primary name.");
  await form.getByRole("button", { name: "Remove the name" }).click();
  await expect(form.getByRole("alert")).toContainText(`“${name}” is this actor's primary name and cannot be removed`);
  await form.getByRole("radio", { name: short }).check();
  await form.getByLabel("Why remove it (for the history)").fill("Not its abbreviation: the document's own shorthand.");
  await form.getByRole("button", { name: "Remove the name" }).click();
  await expect(form.getByRole("status")).toHaveText(`Removed the name “${short}”.`);
  await expect(page.locator("#names")).not.toContainText(short);
  const last = page.locator("#history li").last();
  await expect(last).toContainText("admin · version");
  await expect(last).toContainText("Why: Not its abbreviation: the document's own shorthand.");
});
