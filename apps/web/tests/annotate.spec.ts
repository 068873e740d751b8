/**
 * Annotating in the reader, as a signed-in reviewer: select words, make them a new actor, then a
 * claim by it — visible on the claims page with its words, and named in the history under the
 * reviewer; the same by keyboard alone, typing the words; and the API's refusals shown as they are.
 * Each test makes its own document and reviewer, so no curated record changes.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { API_URL, TEST_INGEST_TOKEN } from "./env";
import { newActor, newDocument, newReviewer, revoke } from "./reviewers";
import { signedInAs } from "./signed-in";

const BODY = [
  "The Dawn Sentinels Brigade announced on 4 May 2022 that it would withdraw from the border crossing.",
  "Residents said the fighters were still there a week later.",
  "The Dawn Sentinels Brigade said the withdrawal was complete.",
].join("\n\n");

/** Selects the nth occurrence (1-based) of words in the reader's text, as a mouse drag would. */
async function selectWords(page: Page, words: string, nth = 1) {
  await page.evaluate(
    ([words, nth]) => {
      const paragraphs = [...document.querySelectorAll<HTMLElement>("#doc-text p[data-s]")];
      let seen = 0;
      for (const p of paragraphs) {
        const text = p.textContent ?? "";
        for (let at = text.indexOf(words); at !== -1; at = text.indexOf(words, at + 1)) {
          if (++seen !== nth) continue;
          // Find the text nodes holding the start and end of the words.
          const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
          const range = document.createRange();
          let offset = 0;
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const length = node.textContent?.length ?? 0;
            if (at >= offset && at <= offset + length) range.setStart(node, at - offset);
            if (at + words.length >= offset && at + words.length <= offset + length) {
              range.setEnd(node, at + words.length - offset);
              break;
            }
            offset += length;
          }
          const selection = window.getSelection();
          selection?.removeAllRanges();
          selection?.addRange(range);
          return;
        }
      }
      throw new Error(`"${words}" (occurrence ${nth}) is not in the reader's text`);
    },
    [words, nth] as const,
  );
}

test("select words → a new actor → a claim by it, on the claims page with its words and under its reviewer", async ({
  browser,
  request,
}) => {
  const sourceId = await newDocument(request, "Annotate by selection", BODY);
  const reviewer = await newReviewer(request, "ann");
  const context = await browser.newContext({ storageState: signedInAs(reviewer.name, reviewer.token) });
  const page = await context.newPage();
  await page.goto(`/sources/${sourceId}`);
  await expect(page.getByTestId("signed-in-as")).toContainText(reviewer.name);

  // The brigade's name, first occurrence → a new actor.
  await selectWords(page, "Dawn Sentinels Brigade");
  await expect(page.getByRole("region", { name: "Annotate" })).toContainText("Selected: Dawn Sentinels Brigade");
  await page.getByRole("button", { name: "Annotate the selected words" }).click();
  const form = page.getByRole("form", { name: "Annotate these words" });
  await expect(form.getByLabel("The exact words (the evidence)")).toHaveValue("Dawn Sentinels Brigade");
  await expect(form).toContainText("These words occur 2 times in the document");
  await expect(form.getByLabel(/Which occurrence/)).toHaveValue("1");
  await form.getByLabel("Make them").selectOption("actor");
  await form.getByLabel("Kind").selectOption("armed_group");
  await form.getByLabel("Description").fill("An armed group at the border crossing, named in this test document.");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByRole("status")).toContainText(`Saved, as ${reviewer.name}: a new actor.`);
  await expect(form.getByRole("link", { name: "Open the new actor" })).toHaveAttribute(
    "href",
    "/actors/dawn-sentinels-brigade",
  );
  await form.getByRole("button", { name: "Close" }).click();

  // The announcement → a claim: the verb, the actor and the date are prefilled.
  const sentence = "The Dawn Sentinels Brigade announced on 4 May 2022 that it would withdraw from the border crossing";
  await selectWords(page, sentence);
  await page.getByRole("button", { name: "Annotate the selected words" }).click();
  await expect(form.getByLabel("Make them")).toHaveValue("claim");
  await expect(form.getByTestId("prefill")).toContainText("the reporting verb “announced”");
  await expect(form.getByLabel("Who makes the claim")).toHaveValue("dawn-sentinels-brigade");
  await expect(form.getByLabel("When it was said (YYYY-MM-DD, or as written)")).toHaveValue("2022-05-04");
  await form.getByLabel("What the claim says (in your words)").fill("The brigade will leave the border crossing.");
  // What else it meets: a claim the atlas holds, that this one contradicts.
  await form.getByLabel("A claim it contradicts").selectOption("aah-denies-resistance-role-in-embassy-attack");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByRole("status")).toContainText("a claim with these words as its evidence");
  await form.getByRole("link", { name: "Open the claim" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("The brigade will leave the border crossing.");
  await expect(page.locator("main")).toContainText(reviewer.name);
  await expect(
    page.locator('#contradicts a[href="/claims/aah-denies-resistance-role-in-embassy-attack"]').first(),
  ).toBeVisible();

  // On the claims page, with its evidence.
  await page.goto("/claims?claimant=dawn-sentinels-brigade");
  const claim = page.locator("article[data-claim]").filter({ hasText: "The brigade will leave the border crossing." });
  await expect(claim).toHaveCount(1);
  await expect(claim).toContainText(sentence);
  await context.close();
});

test("keyboard only: Tab to Annotate, type the words, choose their occurrence, save a claim", async ({
  browser,
  request,
}) => {
  const sourceId = await newDocument(
    request,
    "Annotate by keyboard",
    [
      "The Northern Lantern Company said it had left the valley.",
      "Residents doubted it.",
      "The Northern Lantern Company said it had left the valley.",
    ].join("\n\n"),
  );
  const actorId = await newActor(
    request,
    sourceId,
    "Northern Lantern Company",
    "An armed group of this test document.",
  );
  const reviewer = await newReviewer(request, "keys");
  const context = await browser.newContext({ storageState: signedInAs(reviewer.name, reviewer.token) });
  const page = await context.newPage();
  await page.goto(`/sources/${sourceId}`);
  const annotate = page.getByRole("button", { name: "Annotate the selected words" });
  await expect(annotate).toBeVisible();
  // Tab from the top of the page until the Annotate button has the focus.
  for (let i = 0; i < 60 && !(await annotate.evaluate((b) => b === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(annotate).toBeFocused();
  await page.keyboard.press("Enter");
  const form = page.getByRole("form", { name: "Annotate these words" });
  const quote = form.getByLabel("The exact words (the evidence)");
  await expect(quote).toBeFocused();
  await page.keyboard.type("The Northern Lantern Company said it had left the valley.");
  await expect(form).toContainText("These words occur 2 times in the document");
  await page.keyboard.press("Tab");
  await expect(form.getByLabel(/Which occurrence/)).toBeFocused();
  await page.keyboard.type("2");
  await page.keyboard.press("Tab");
  // Leaving the words prefilled the form from them: a claim, by the actor they name.
  await expect(form.getByLabel("Make them")).toBeFocused();
  await expect(form.getByLabel("Make them")).toHaveValue("claim");
  await expect(form.getByLabel("Who makes the claim")).toHaveValue(actorId);
  const statement = form.getByLabel("What the claim says (in your words)");
  while (!(await statement.evaluate((s) => s === document.activeElement))) await page.keyboard.press("Tab");
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("The company has left the valley (said a second time).");
  const save = form.getByRole("button", { name: "Save" });
  for (let i = 0; i < 20 && !(await save.evaluate((b) => b === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await page.keyboard.press("Enter");
  const open = form.getByRole("link", { name: "Open the claim" });
  await expect(open).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("The company has left the valley");
  // The evidence is the second occurrence of the words, not the first.
  const source = (await (await request.get(`${API_URL}/api/sources/${sourceId}`)).json()) as { text: string };
  const words = "The Northern Lantern Company said it had left the valley.";
  const second = source.text.lastIndexOf(words);
  expect(second).toBeGreaterThan(source.text.indexOf(words));
  await expect(page.locator(`main a[href*="span=${second}-${second + words.length}"]`).first()).toBeVisible();
  await context.close();
});

test("selected words become another name of an actor, and more evidence for an event this document reports", async ({
  browser,
  request,
}) => {
  const sourceId = await newDocument(
    request,
    "Annotate names and events",
    [
      "The Morning Falcon Brigade shelled the border post on 4 May 2022.",
      "Locals call the group the Falcon. The shelling of the border post lasted an hour.",
    ].join("\n\n"),
  );
  const actorId = await newActor(request, sourceId, "Morning Falcon Brigade", "An armed group of this test document.");
  const event = await request.post(`${API_URL}/api/records`, {
    headers: { authorization: `Bearer ${TEST_INGEST_TOKEN}` },
    data: {
      record: {
        kind: "event",
        sourceId,
        quote: "The Morning Falcon Brigade shelled the border post on 4 May 2022.",
        eventKind: "attack",
        title: "Shelling of a border post (test)",
        time: "2022-05-04",
      },
    },
  });
  expect(event.status(), await event.text()).toBe(200);
  const eventId = ((await event.json()) as { records: { recordType: string; recordId: string }[] }).records.find(
    (r) => r.recordType === "event",
  )?.recordId as string;

  const reviewer = await newReviewer(request, "names");
  const context = await browser.newContext({ storageState: signedInAs(reviewer.name, reviewer.token) });
  const page = await context.newPage();
  await page.goto(`/sources/${sourceId}`);
  const form = page.getByRole("form", { name: "Annotate these words" });

  // "the Falcon" (the second "Falcon" in the text) → another name of the brigade.
  await selectWords(page, "Falcon", 2);
  await page.getByRole("button", { name: "Annotate the selected words" }).click();
  await expect(form.getByLabel("The exact words (the evidence)")).toHaveValue("Falcon");
  await expect(form.getByLabel(/Which occurrence/)).toHaveValue("2");
  await form.getByLabel("Make them").selectOption("alias");
  await form.getByLabel("The actor this is another name of").selectOption(actorId);
  await form.getByLabel("What kind of name").selectOption("short_name");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByRole("status")).toContainText("a new name of the actor");
  await form.getByRole("button", { name: "Close" }).click();

  // The second sentence → more words for the event the document already reports (listed first).
  await selectWords(page, "The shelling of the border post lasted an hour.");
  await page.getByRole("button", { name: "Annotate the selected words" }).click();
  await form.getByLabel("Make them").selectOption("event");
  const events = form.getByLabel("The event these words are about");
  await expect(events.locator("option").nth(1)).toHaveText("Shelling of a border post (test)");
  await events.selectOption(eventId);
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByRole("status")).toContainText("these words as the event's evidence");
  await form.getByRole("link", { name: "Open the event" }).click();
  await expect(page.locator("main")).toContainText("The shelling of the border post lasted an hour.");

  // The actor has the new name, with its kind (asked of the API: its profile is a heavy page).
  await expect
    .poll(
      async () => {
        const actor = await request.get(`${API_URL}/api/actors/${actorId}`);
        return actor.ok()
          ? ((await actor.json()) as { aliasDetails: { name: string; kind: string }[] }).aliasDetails
          : null;
      },
      { timeout: 30_000 },
    )
    .toContainEqual(expect.objectContaining({ name: "Falcon", kind: "short_name" }));
  await context.close();
});

test("words not in the document, and a revoked token, are refused in the API's words; nothing is written", async ({
  browser,
  request,
}) => {
  const sourceId = await newDocument(request, "Annotate refusals", BODY);
  const reviewer = await newReviewer(request, "refused");
  const context = await browser.newContext({ storageState: signedInAs(reviewer.name, reviewer.token) });
  const page = await context.newPage();
  await page.goto(`/sources/${sourceId}`);
  await page.getByRole("button", { name: "Annotate the selected words" }).click();
  const form = page.getByRole("form", { name: "Annotate these words" });
  await form.getByLabel("The exact words (the evidence)").fill("The Dusk Sentinels Brigade retreated");
  await expect(form).toContainText("These words are not in the document's article text as typed");
  await form.getByLabel("Make them").selectOption("claim");
  await form.getByLabel("Who makes the claim").selectOption({ index: 1 });
  await form.getByLabel("What the claim says (in your words)").fill("They retreated.");
  await form.getByRole("button", { name: "Save" }).click();
  const alert = form.getByRole("alert");
  await expect(alert).toContainText(
    `quote: quote "The Dusk Sentinels Brigade retreated" is not in "${sourceId}" verbatim`,
  );
  // What was typed is still there to correct.
  await expect(form.getByLabel("What the claim says (in your words)")).toHaveValue("They retreated.");

  // The reviewer's token is revoked meanwhile: the next write is refused, naming why.
  await revoke(request, reviewer.name);
  await form
    .getByLabel("The exact words (the evidence)")
    .fill("Residents said the fighters were still there a week later.");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(alert).toContainText(`The token of reviewer "${reviewer.name}" was revoked`);
  const changes = (await (await request.get(`${API_URL}/api/changes?since=2000-01-01T00:00:00Z`)).json()) as {
    entries: { reviewer: string }[];
  };
  expect(changes.entries.filter((e) => e.reviewer === reviewer.name)).toEqual([]);
  await context.close();
});

test("the reader with the annotate form open passes axe, light and dark", async ({ browser, request }) => {
  // Several full analyses of the reader: slow when the machine is busy.
  test.slow();
  const sourceId = await newDocument(request, "Annotate axe", BODY);
  for (const scheme of ["light", "dark"] as const) {
    const context = await browser.newContext({ colorScheme: scheme, storageState: signedInAs() });
    const page = await context.newPage();
    await page.goto(`/sources/${sourceId}`);
    await selectWords(page, "The Dawn Sentinels Brigade said the withdrawal was complete.");
    await page.getByRole("button", { name: "Annotate the selected words" }).click();
    const form = page.getByRole("form", { name: "Annotate these words" });
    for (const kind of scheme === "light" ? ["claim", "event"] : ["claim"]) {
      await form.getByLabel("Make them").selectOption(kind);
      const results = await new AxeBuilder({ page }).analyze();
      const bad = results.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
      expect(bad, `${scheme}, ${kind}`).toEqual([]);
    }
    await context.close();
  }
});
