/** Export: the home page links each format; the files come through the web server, same-origin. */
import { expect, test } from "@playwright/test";

const FORMATS = [
  { format: "json", file: "militia-atlas.json", type: /application\/json/ },
  { format: "stix", file: "militia-atlas.stix.json", type: /application\/stix\+json/ },
  { format: "csv", file: "militia-atlas.csv", type: /text\/csv/ },
  { format: "ftm", file: "militia-atlas.ftm.jsonl", type: /application\/x-ndjson/ },
];

test("the home page links every export format, and a click downloads the file", async ({ page }) => {
  await page.goto("/");
  const section = page.getByRole("region", { name: "Export" });
  for (const f of FORMATS) {
    await expect(section.locator(`a[href='/export/${f.format}']`)).toHaveAttribute("download", f.file);
  }
  const download = page.waitForEvent("download");
  await section.getByRole("link", { name: /^CSV/ }).click();
  expect((await download).suggestedFilename()).toBe("militia-atlas.csv");
});

test("each export is the API's file, served as an attachment", async ({ request }) => {
  for (const f of FORMATS) {
    const response = await request.get(`/export/${f.format}`);
    expect(response.status(), f.format).toBe(200);
    expect(response.headers()["content-type"]).toMatch(f.type);
    expect(response.headers()["content-disposition"]).toBe(`attachment; filename="${f.file}"`);
    // The web server compresses its pages, not downloads: those go as the API sends them.
    expect(response.headers()["content-encoding"], f.format).toBeUndefined();
    const body = await response.text();
    if (f.format === "json") {
      const dataset = JSON.parse(body) as { actors: { id: string }[]; claims: unknown[] };
      expect(dataset.actors.map((a) => a.id)).toContain("kataib-hezbollah");
      expect(dataset.claims.length).toBeGreaterThan(100);
    } else if (f.format === "stix") {
      const bundle = JSON.parse(body) as { type: string; objects: { type: string }[] };
      expect(bundle.type).toBe("bundle");
      expect(bundle.objects.some((o) => o.type === "intrusion-set" || o.type === "identity")).toBe(true);
    } else if (f.format === "csv") {
      expect(body.split("\n")[0]).toMatch(/^event_id_cnty,event_date,/);
    } else {
      const lines = body.trim().split("\n");
      expect(lines.length).toBeGreaterThan(100);
      for (const line of lines.slice(0, 20)) expect(JSON.parse(line)).toHaveProperty("schema");
    }
  }
});

test("pages come compressed with brotli when the browser accepts it", async ({ request }) => {
  const response = await request.get("/actors/kataib-hezbollah", { headers: { "accept-encoding": "br, gzip" } });
  expect(response.status()).toBe(200);
  expect(response.headers()["content-encoding"]).toBe("br");
  expect(await response.text()).toContain("Kataib Hezbollah");
});

test("an unknown export format is a 404 that names the formats", async ({ request }) => {
  const response = await request.get("/export/xml");
  expect(response.status()).toBe(404);
  expect(await response.text()).toContain("json (JSON), stix (STIX 2.1), csv (CSV), ftm (FollowTheMoney)");
});
