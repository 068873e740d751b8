/** Failure modes a user meets: unknown ids, an API that is down; and the security headers. */
import { type ChildProcess, spawn } from "node:child_process";
import { request } from "node:http";
import { createServer } from "node:net";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { API_URL, WEB_PORT } from "./env";

for (const path of ["/timeline?actor=no-such-actor", "/claims?claimant=no-such-actor", "/nowhere"]) {
  test(`an unknown id gives a real 404 page: ${path}`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nothing here by that name");
    await expect(page.getByRole("link", { name: "Search the atlas" })).toBeVisible();
  });
}

for (const [path, noun] of [
  ["/actors/no-such-actor", "actor"],
  ["/events/no-such-event", "event"],
  ["/claims/no-such-claim", "claim"],
  ["/sources/no-such-source", "document"],
] as const) {
  test(`an unknown record address gives a real 404 that offers search: ${path}`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`No ${noun} at this address`);
    await expect(page.getByRole("link", { name: /^Search for “/ })).toBeVisible();
  });
}

test("the 404 page passes axe", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/actors/no-such-actor");
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
  await context.close();
});

for (const [path, message] of [
  ["/timeline?from=last-june", "“last-june” (from) is not a date the atlas can read"],
  ["/timeline?from=2020-02-30", 'from: "2020-02-30" is not a real day; 2020-02 has 29 days'],
  ["/timeline?from=2021&to=2019", "2019 is before 2021: the window would be empty"],
] as const) {
  test(`a date the timeline cannot read is named, and the timeline still shows: ${path}`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.locator("main").getByRole("alert")).toContainText(message);
    await expect(page.locator("main ol > li").first()).toBeVisible();
  });
}

for (const [path, message] of [
  ["/actors?sort=bogus", "sort: "],
  ["/actors?involvement=bogus", "involvement: "],
  ["/actors?kind=nope", "kind"],
] as const) {
  test(`a bad filter in the URL is named, not a crash: ${path}`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    const alert = page.locator("main").getByRole("alert");
    await expect(alert).toContainText("a filter in the address is not valid");
    await expect(alert).toContainText(message);
  });
}

/** A raw GET with headers fetch would not send (another Host). */
const rawGet = (path: string, headers: Record<string, string>, method = "GET") =>
  new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: WEB_PORT, path, method, headers }, (res) => {
      let body = "";
      res.on("data", (d: Buffer) => {
        body += d;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });

for (const [path, status, says] of [
  [`/actors/${"a".repeat(10_000)}`, 400, "record ids are at most 200"],
  ["/search?q=a%00b", 400, "NUL character"],
  ["/actors/%00", 400, "NUL character"],
  ["/actors/%E0%A4%A", 400, "broken %-escape"],
  ["/actors/%", 400, "broken %-escape"],
] as const) {
  test(`an address no page can answer gets ${status}, saying why, and nothing internal: ${path.slice(0, 40)}`, async ({
    page,
  }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(status);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This address cannot be read");
    await expect(page.locator("main")).toContainText(says);
    const html = await response?.text();
    expect(html).not.toContain(API_URL);
    expect(html).not.toContain("pnpm");
  });
}

test("answers only to its own host names: another Host gets 403 with a page naming the setting", async () => {
  const rebound = await rawGet("/", { host: "attacker.example:3000" });
  expect(rebound.status).toBe(403);
  expect(rebound.body).toContain("ATLAS_WEB_HOSTS");
  expect(rebound.body).toContain("&quot;attacker.example:3000&quot;");
  const action = await rawGet("/review", { host: "attacker.example", "next-action": "x" }, "POST");
  expect(action.status).toBe(403);
  for (const host of [`127.0.0.1:${WEB_PORT}`, `localhost:${WEB_PORT}`]) {
    expect((await rawGet("/icon.svg", { host })).status, host).toBe(200);
  }
});

test("a method pages do not take gets 405 with Allow and a page; headers too large get 431 with a page", async () => {
  const put = await rawGet("/actors", { host: `127.0.0.1:${WEB_PORT}` }, "PUT");
  expect(put.status).toBe(405);
  expect(put.headers.allow).toBe("GET, HEAD");
  expect(put.body).toContain("read with GET");
  const post = await rawGet("/", { host: `127.0.0.1:${WEB_PORT}`, "content-length": "0" }, "POST");
  expect(post.status).toBe(405);
  const huge = await rawGet("/", { host: `127.0.0.1:${WEB_PORT}`, "x-filler": "a".repeat(20_000) });
  expect(huge.status).toBe(431);
  expect(huge.body).toContain("at most 16 KB of headers");
});

test("the Content-Security-Policy is strict: nonce-based scripts, no unsafe-eval", async ({ page }) => {
  const response = await page.goto("/actors/kataib-hezbollah");
  const headers = response?.headers() ?? {};
  const csp = headers["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(csp).not.toContain("unsafe-eval");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  // Every script on the page carries this response's nonce.
  const scripts = await page.locator("script").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  for (const n of scripts) expect(n).toBe(nonce);
  // A fresh nonce per response.
  const again = await page.request.get("/actors/kataib-hezbollah");
  expect(again.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBeTruthy();
  expect(headers["x-powered-by"]).toBeUndefined();
});

test("the pages make no request to any other host (no web fonts, no tiles)", async ({ page }) => {
  const foreign: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith("http://127.0.0.1") && !r.url().startsWith("data:")) foreign.push(r.url());
  });
  for (const path of ["/", "/map", "/graph", "/sources/2015-inside-iraqs-iranian-backed-militias"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  expect(foreign).toEqual([]);
});

test.describe("when the API is down", () => {
  const PORT = 3119;
  let server: ChildProcess;
  let deadPort = 0;
  test.beforeAll(async () => {
    // A port that was free a moment ago: nothing listens there, so every API call is refused.
    deadPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    server = spawn(process.execPath, ["server.mjs", "--hostname", "127.0.0.1", "--port", String(PORT)], {
      env: { ...process.env, ATLAS_API_URL: `http://127.0.0.1:${deadPort}`, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: "ignore",
    });
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${PORT}/icon.svg`)).ok) return;
      } catch {}
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error("the second web server did not start");
  });
  test.afterAll(() => {
    server?.kill("SIGTERM");
  });

  test("a page says what failed and how to start the API", async ({ page }) => {
    await page.goto(`http://127.0.0.1:${PORT}/actors/kataib-hezbollah`);
    const alert = page.locator("main").getByRole("alert");
    await expect(alert).toContainText("Could not load the actor profile");
    await expect(alert).toContainText(`http://127.0.0.1:${deadPort} did not answer (ECONNREFUSED)`);
    await expect(alert).toContainText("pnpm --filter @atlas/api start");
    await expect(alert).toContainText("ATLAS_API_URL");
  });
});
