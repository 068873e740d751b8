/**
 * The write token stays on the server: it never reaches a page or a script. And a web server
 * started without it shows review read-only, saying how to enable it.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { expect, test } from "@playwright/test";
import { API_URL, TEST_INGEST_TOKEN } from "./env";

test("the token is never sent to the browser", async ({ page, request }) => {
  const seen: string[] = [];
  page.on("response", async (r) => {
    if (r.url().startsWith("http://127.0.0.1") && r.request().resourceType() !== "image") {
      seen.push(await r.text().catch(() => ""));
    }
  });
  await page.goto("/review");
  await page.waitForLoadState("networkidle");
  expect(seen.length).toBeGreaterThan(1);
  for (const body of seen) expect(body).not.toContain(TEST_INGEST_TOKEN);
  expect(await (await request.get("/review")).text()).not.toContain(TEST_INGEST_TOKEN);
});

test.describe("without ATLAS_INGEST_TOKEN", () => {
  let server: ChildProcess;
  let port = 0;
  test.beforeAll(async () => {
    port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port: p } = probe.address() as { port: number };
        probe.close(() => resolve(p));
      });
    });
    const { ATLAS_INGEST_TOKEN: _none, ...env } = process.env;
    server = spawn(process.execPath, ["server.mjs", "--hostname", "127.0.0.1", "--port", String(port)], {
      env: { ...env, ATLAS_API_URL: API_URL, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: "ignore",
    });
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/icon.svg`)).ok) return;
      } catch {}
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error("the read-only web server did not start");
  });
  test.afterAll(() => {
    server?.kill("SIGTERM");
  });

  test("review is read-only and says how to enable it", async ({ page }) => {
    await page.goto(`http://127.0.0.1:${port}/review`);
    const notice = page.getByTestId("read-only");
    await expect(notice).toContainText("Review is read-only on this server");
    await expect(notice).toContainText("npm start");
    await expect(notice).toContainText("ATLAS_INGEST_TOKEN");
    await expect(page.getByRole("form", { name: "Add a document" })).toHaveCount(0);
    // Reading still works: the list of added documents comes from the API.
    await expect(page.getByRole("heading", { name: /Added documents/ })).toBeVisible();
  });

  test("a document's suggestions are listed without controls", async ({ page, request }) => {
    // Added straight through the API, as the CLI would, with the token.
    const added = await request.post(`${API_URL}/api/ingest`, {
      headers: { authorization: `Bearer ${TEST_INGEST_TOKEN}` },
      data: {
        title: "Read-only check",
        published: "2020-01-06",
        text: "Read-only check\n\nKataib Hezbollah denied any role in the attack on Sunday, a spokesman said.\n",
      },
    });
    expect(added.status()).toBe(200);
    const { sourceId } = (await added.json()) as { sourceId: string };
    await page.goto(`http://127.0.0.1:${port}/review/${sourceId}`);
    await expect(page.getByTestId("read-only")).toBeVisible();
    await expect(page.locator("article[data-suggestion]").first()).toBeVisible();
    await expect(page.getByRole("button", { name: /Accept|Reject/ })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  });
});
