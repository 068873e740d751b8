/**
 * Nobody signed in: reading is open, writing is not. The write pages say "sign in to write" with
 * a link, show no write controls, and a write posted anyway (signed out in another tab) is
 * refused — never made under someone else's name. The token never reaches a page or a script.
 */
import { expect, test } from "@playwright/test";
import { API_URL, TEST_INGEST_TOKEN } from "./env";
import { signedInAs } from "./signed-in";

test("signed in, the token is never sent to the browser", async ({ browser }) => {
  const context = await browser.newContext({ storageState: signedInAs() });
  const page = await context.newPage();
  const seen: string[] = [];
  page.on("response", async (r) => {
    if (r.url().startsWith("http://127.0.0.1") && r.request().resourceType() !== "image") {
      seen.push(await r.text().catch(() => ""));
    }
  });
  await page.goto("/review");
  await page.waitForLoadState("networkidle");
  await page.goto("/sources/2021-iraqi-militias-hired-guns");
  await page.waitForLoadState("networkidle");
  expect(seen.length).toBeGreaterThan(2);
  for (const body of seen) expect(body).not.toContain(TEST_INGEST_TOKEN);
  expect(await page.evaluate(() => document.cookie)).not.toContain(TEST_INGEST_TOKEN);
  await context.close();
});

test("signed out, review says sign in to write, with a link back", async ({ page }) => {
  await page.goto("/review");
  const notice = page.getByTestId("sign-in-to-write");
  await expect(notice).toContainText("Sign in to write");
  await expect(notice.getByRole("link", { name: "Sign in to write" })).toHaveAttribute(
    "href",
    "/sign-in?next=%2Freview",
  );
  await expect(page.getByRole("form", { name: "Add a document" })).toHaveCount(0);
  // Reading still works: the list of added documents comes from the API.
  await expect(page.getByRole("heading", { name: /Added documents/ })).toBeVisible();
});

test("signed out, a document's suggestions and text are listed without write controls", async ({ page, request }) => {
  // Added straight through the API, as the CLI would, with the admin's token.
  const added = await request.post(`${API_URL}/api/ingest`, {
    // Its own client, so an ingest of the other worker's tests does not make this one wait (429).
    headers: { authorization: `Bearer ${TEST_INGEST_TOKEN}`, "x-atlas-client": `read-only-${Date.now()}` },
    data: {
      title: "Read-only check",
      published: "2020-01-06",
      text: "Read-only check\n\nKataib Hezbollah denied any role in the attack on Sunday, a spokesman said.\n",
    },
  });
  expect(added.status()).toBe(200);
  const { sourceId } = (await added.json()) as { sourceId: string };
  await page.goto(`/review/${sourceId}`);
  await expect(page.getByTestId("sign-in-to-write")).toBeVisible();
  await expect(page.locator("article[data-suggestion]").first()).toBeVisible();
  await expect(page.getByRole("button", { name: /Accept|Reject/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await page.goto(`/sources/${sourceId}`);
  await expect(page.getByTestId("sign-in-to-write")).toContainText("Annotating this document's words");
  await expect(page.getByRole("button", { name: "Annotate the selected words" })).toHaveCount(0);
});

test("a write posted after signing out elsewhere is refused, not made as anyone", async ({ browser, request }) => {
  const context = await browser.newContext({ storageState: signedInAs() });
  const page = await context.newPage();
  await page.goto("/review");
  const title = `Signed out meanwhile ${Date.now()}`;
  await page.getByLabel("The document’s text").fill(`${title}\n\nThe Popular Mobilization Forces said nothing.`);
  await page.getByLabel("Title").fill(title);
  await context.clearCookies();
  await page.getByRole("button", { name: "Add and find suggestions" }).click();
  await expect(page.getByRole("form", { name: "Add a document" }).getByRole("alert")).toContainText("Sign in to write");
  const documents = await (await request.get(`${API_URL}/api/ingest/documents`)).text();
  expect(documents).not.toContain(title);
  await context.close();
});
