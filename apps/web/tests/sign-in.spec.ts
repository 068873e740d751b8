/**
 * Signing in: the header's "Sign in" leads to a form that checks the token with the API; a wrong
 * or revoked token is refused in the API's words; a good one names the reviewer in the header and
 * lives in an HttpOnly, SameSite=Strict cookie that no script can read; signing out forgets it; a
 * token revoked (or unknown) while signed in shows signed out on the next page, saying why.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { newReviewer, revoke } from "./reviewers";
import { signedInAs } from "./signed-in";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
}

test("a wrong token is refused with the API's message, and nobody is signed in", async ({ page }) => {
  await page.goto("/claims");
  await page.getByRole("banner").getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fclaims$/);
  await page.getByLabel("Your reviewer token").fill("not-anyones-token-0000000000");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).toContainText(
    "This token is no reviewer's",
  );
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  expect((await page.context().cookies()).map((c) => c.name)).not.toContain("atlas-reviewer");
  expect(await seriousViolations(page)).toEqual([]);
});

test("sign in from any page, come back to it named; the cookie is HttpOnly and Strict; sign out", async ({
  page,
  request,
}) => {
  const reviewer = await newReviewer(request, "signin");
  await page.goto("/review");
  await expect(page.getByTestId("sign-in-to-write")).toContainText("Sign in to write");
  await page.getByTestId("sign-in-to-write").getByRole("link", { name: "Sign in to write" }).click();
  await page.getByLabel("Your reviewer token").fill(reviewer.token);
  await page.getByLabel("Your reviewer token").press("Enter");
  await expect(page).toHaveURL(/\/review$/);
  await expect(page.getByTestId("signed-in-as")).toHaveText(`Signed in as ${reviewer.name}`);
  await expect(page.getByRole("form", { name: "Add a document" })).toBeVisible();

  const [cookie] = (await page.context().cookies()).filter((c) => c.name === "atlas-reviewer");
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe("Strict");
  expect(await page.evaluate(() => document.cookie)).not.toContain("atlas-reviewer");
  // The token itself is in no page the browser was sent.
  expect(await page.content()).not.toContain(reviewer.token);

  await page.goto("/sign-in");
  await expect(page.getByRole("status")).toContainText(`Signed in as ${reviewer.name}`);
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/review");
  await expect(page.getByTestId("sign-in-to-write")).toBeVisible();
  await expect(page.getByRole("form", { name: "Add a document" })).toHaveCount(0);
});

test("a revoked token cannot sign in", async ({ page, request }) => {
  const reviewer = await newReviewer(request, "gone");
  await revoke(request, reviewer.name);
  await page.goto("/sign-in");
  await page.getByLabel("Your reviewer token").fill(reviewer.token);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).toContainText(
    `The token of reviewer "${reviewer.name}" was revoked`,
  );
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("a token revoked while signed in: the next page shows signed out and says why, and the cookie is gone", async ({
  browser,
  request,
}) => {
  const reviewer = await newReviewer(request, "revoked");
  const context = await browser.newContext({ storageState: signedInAs(reviewer.name, reviewer.token) });
  const page = await context.newPage();
  await page.goto("/sources");
  await expect(page.getByTestId("signed-in-as")).toHaveText(`Signed in as ${reviewer.name}`);
  await revoke(request, reviewer.name);
  await page.reload();
  const banner = page.getByRole("banner");
  await expect(banner.getByTestId("session-ended")).toHaveText("Your token was revoked — sign in again.");
  await expect(banner.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
  expect((await context.cookies()).map((c) => c.name)).not.toContain("atlas-reviewer");
  expect(await seriousViolations(page)).toEqual([]);
  // Said once: the next page is simply signed out.
  await page.goto("/review");
  await expect(banner.getByTestId("session-ended")).toHaveCount(0);
  await expect(page.getByTestId("sign-in-to-write")).toBeVisible();
  await context.close();
});

test("a token the API does not know shows signed out too, saying so", async ({ browser }) => {
  const context = await browser.newContext({ storageState: signedInAs("ghost", "no-reviewers-token-000000000") });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.getByRole("banner").getByTestId("session-ended")).toHaveText(
    "The API does not know your token any more — sign in again.",
  );
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
  await context.close();
});
