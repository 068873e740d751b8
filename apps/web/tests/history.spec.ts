/** Every record's page shows its history: a change made through the API appears with who, what and why. */
import { expect, test } from "@playwright/test";
import { API_URL, TEST_INGEST_TOKEN } from "./env";

const CLAIM = "pmu-condemns-embassy-attack";

test("a claim's page shows its history: unchanged, then the edit with its reviewer and reason", async ({
  page,
  request,
}) => {
  await page.goto(`/claims/${CLAIM}`);
  const history = page.locator("#history");
  await expect(history).toContainText("No changes: as the curated data has it.");
  const edit = await request.post(`${API_URL}/api/records/${CLAIM}/edit`, {
    headers: { authorization: `Bearer ${TEST_INGEST_TOKEN}` },
    data: { patch: { set: { note: "Checked against the text." } }, version: 1, reason: "read the paragraph again" },
  });
  expect(edit.status()).toBe(200);
  await page.reload();
  await expect(history.getByRole("heading", { name: /History/ })).toContainText("1");
  const entry = history.getByRole("listitem");
  await expect(entry).toContainText("admin · version 2");
  await expect(entry).toContainText("edited: note: none → “Checked against the text.”");
  await expect(entry).toContainText("Why: read the paragraph again");
});

test("an actor's, an event's and a source's page show their history too", async ({ page }) => {
  for (const path of [
    "/actors/iran",
    "/events/2020-01-26-us-embassy-rocket-attack",
    "/sources/2020-party-by-day-fighters-by-night",
  ]) {
    await page.goto(path);
    await expect(page.locator("#history").getByRole("heading", { name: /History/ })).toBeVisible();
  }
});
