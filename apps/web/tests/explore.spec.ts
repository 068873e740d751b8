/**
 * Exploration an analyst works in: the graph (pan and zoom, grow, collapse, undo, the month slider,
 * what connects two actors), the dossier (footnotes, Markdown, print) and the counts over time
 * against their table.
 */
import { expect, type Page, test } from "@playwright/test";
import { exploreGraph } from "./graph";

async function openGraph(page: Page, path: string) {
  await page.goto(path);
  return exploreGraph(page);
}

const zoomOf = async (page: Page) => Number(await page.getByTestId("graph-canvas").getAttribute("data-zoom"));

test("the graph pans and zooms by keyboard, wheel and buttons; grows, collapses and undoes", async ({ page }) => {
  const canvas = await openGraph(page, "/graph?actor=kataib-hezbollah");
  await expect(canvas).toHaveAttribute("data-actors", "5");
  const start = await zoomOf(page);
  await canvas.focus();
  await page.keyboard.press("+");
  expect(await zoomOf(page)).toBeGreaterThan(start);
  const pan = await canvas.getAttribute("data-pan");
  await page.keyboard.press("ArrowLeft");
  await expect(canvas).not.toHaveAttribute("data-pan", pan ?? "");
  const zoomed = await zoomOf(page);
  // The wheel zooms out where the pointer is (once the page has stopped scrolling).
  await canvas.scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  const box = await canvas.boundingBox();
  await page.mouse.move((box?.x ?? 0) + 150, (box?.y ?? 0) + 150);
  await expect
    .poll(async () => {
      await page.mouse.wheel(0, 300);
      return zoomOf(page);
    })
    .toBeLessThan(zoomed);
  await page.getByRole("button", { name: "Zoom in" }).click();
  await page.getByRole("button", { name: "Fit" }).click();

  // The table lists exactly what is on screen; an actor picked there can grow the view.
  await page.getByRole("button", { name: "Table of what is on screen" }).click();
  const table = page.getByTestId("on-screen");
  const relations = Number(await canvas.getAttribute("data-relations"));
  await expect(table.locator("table").first().locator("tbody tr")).toHaveCount(relations);
  await table.getByRole("button", { name: "Iran", exact: true }).click();
  const selection = page.getByTestId("selection");
  await expect(selection).toContainText("Iran");
  const all = selection.getByRole("button", { name: /^All \((\d+)\)$/ });
  const added = Number(/\((\d+)\)/.exec((await all.textContent()) ?? "")?.[1]);
  await all.click();
  await expect(canvas).toHaveAttribute("data-actors", String(5 + added));
  await expect(table.locator("table").nth(1).locator("tbody tr")).toHaveCount(5 + added);
  // Collapsing Iran hides the actors that hang on it alone; undo brings them back, twice over.
  const collapseButton = selection.getByRole("button", { name: /^Collapse \(hide \d+ actors?\)$/ });
  const hidden = Number(/hide (\d+)/.exec((await collapseButton.textContent()) ?? "")?.[1]);
  expect(hidden).toBeGreaterThan(0);
  await collapseButton.click();
  await expect(canvas).toHaveAttribute("data-actors", String(5 + added - hidden));
  await page.getByRole("button", { name: /^Undo/ }).click();
  await expect(canvas).toHaveAttribute("data-actors", String(5 + added));
  await page.getByRole("button", { name: /^Undo/ }).click();
  await expect(canvas).toHaveAttribute("data-actors", "5");
});

test("the month slider draws relations only within their dates, and plays", async ({ page }) => {
  const canvas = await openGraph(page, "/graph?actor=abu-mahdi-al-muhandis");
  const everything = Number(await canvas.getAttribute("data-relations"));
  await page.getByLabel("At a chosen month").check();
  await page.getByLabel(/Keep relations the sources do not date/).uncheck();
  const slider = page.getByTestId("time-slider");
  // Months are counted from year 0: June 1985 is 1985 × 12 + 5.
  await slider.fill(String(1985 * 12 + 5));
  await expect(page.getByTestId("time-month")).toHaveText("June 1985");
  await expect(page).toHaveURL(/at=1985-06/);
  await page.getByRole("button", { name: "Table of what is on screen" }).click();
  const when = await page
    .getByTestId("on-screen")
    .locator("table")
    .first()
    .locator("tbody tr td:last-child")
    .allTextContents();
  expect(when.length).toBeGreaterThan(0);
  expect(when.length).toBeLessThan(everything);
  // Undated relations are left out: each one drawn has dates, and they allow June 1985.
  for (const w of when) expect(w).not.toBe("not dated");
  expect(when).toContain("until 3 January 2020");
  await slider.fill(String(2021 * 12 + 5));
  await expect(page.getByTestId("time-month")).toHaveText("June 2021");
  const later = await page.getByTestId("on-screen").locator("table").first().textContent();
  expect(later).not.toContain("Abu Mahdi al-Muhandis");
  // Playback moves the month on, and stops where it is paused.
  await slider.fill((await slider.getAttribute("min")) ?? "");
  const first = await page.getByTestId("time-month").textContent();
  await page.getByRole("button", { name: "Play" }).click();
  await expect.poll(async () => page.getByTestId("time-month").textContent()).not.toBe(first);
  await page.getByRole("button", { name: "Pause" }).click();
  const paused = await page.getByTestId("time-month").textContent();
  await page.waitForTimeout(800);
  await expect(page.getByTestId("time-month")).toHaveText(paused ?? "");
});

test("what connects two actors: the shortest paths, each step with its relation and its quote", async ({ page }) => {
  await page.goto("/graph");
  const form = page.getByRole("form", { name: "Graph filters" });
  await form.locator("select[name=from]").selectOption("kataib-hezbollah");
  await form.locator("select[name=to]").selectOption("asaib-ahl-al-haq");
  await form.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "What connects Kataib Hezbollah and Asaib Ahl al-Haq",
  );
  await expect(page.getByTestId("path-summary")).toHaveText("2 shortest paths of 2 steps.");
  const hops = page.getByTestId("path-hop");
  for (const hop of await hops.all()) await expect(hop.locator("blockquote").first()).toBeVisible();
  await expect(hops.first()).toContainText("Kataib Hezbollah is backed by Iran");
  // Each step's relation is a link to its page.
  await expect(hops.first().getByRole("link", { name: "Kataib Hezbollah is backed by Iran" })).toHaveAttribute(
    "href",
    "/relations/kataib-hezbollah.backed_by.iran",
  );
  await exploreGraph(page, "keyboard");
  // From the keyboard, the canvas takes the button's focus.
  await expect(page.getByTestId("graph-canvas")).toBeFocused();
  await expect(page.getByTestId("graph-canvas")).toHaveAttribute("data-actors", "4");
});

test("a dossier footnotes every line, downloads as Markdown and prints without the site", async ({ page }) => {
  await page.goto("/actors/kataib-hezbollah/dossier");
  const dossier = page.getByTestId("dossier");
  const notes = page.getByTestId("dossier-notes").locator("li");
  const count = await notes.count();
  expect(count).toBeGreaterThan(10);
  // Every footnote mark leads to a note that exists.
  for (const href of await dossier.locator("sup a").evaluateAll((as) => as.map((a) => a.getAttribute("href")))) {
    await expect(page.locator(href as string)).toHaveCount(1);
  }
  await expect(
    dossier.locator("section", { has: page.getByRole("heading", { name: "Units and components" }) }),
  ).toContainText("Not reported in the sources.");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Markdown with footnotes" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("kataib-hezbollah.dossier.md");
  const markdown = await (await download.createReadStream()).toArray();
  const text = Buffer.concat(markdown).toString("utf8");
  expect(text).toMatch(/^# Kataib Hezbollah\n/);
  expect(text.match(/^\[\^\d+\]: “/gm)).toHaveLength(count);
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("body > header")).toBeHidden();
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
  await expect(dossier.getByRole("heading", { name: "Notes" })).toBeVisible();
});

test("a group's profile gives its size as each source reports it, with the quote, and says when none does", async ({
  page,
}) => {
  await page.goto("/actors/popular-mobilization-forces");
  const sizes = page.getByTestId("sizes").locator("li");
  await expect(sizes).toHaveCount(2);
  const born = sizes.filter({ hasText: "tens of thousands answered calls" });
  // The words, the numbers they allow and when, as the dossier has them.
  await expect(born).toContainText("“tens of thousands answered calls” (20,000 or more; 2014)");
  await born.getByText("Evidence").click();
  await expect(born.locator("blockquote")).toContainText("after tens of thousands answered calls");
  await expect(
    page.getByRole("navigation", { name: "On this page" }).getByRole("link", { name: /Size/ }),
  ).toHaveAttribute("href", "#size");

  await page.goto("/actors/kataib-hezbollah");
  await expect(page.locator("#size")).toContainText("Not reported in the sources.");
  // A person has no size to report: no empty field either.
  await page.goto("/actors/qais-al-khazali");
  await expect(page.getByRole("heading", { name: "Names" })).toBeVisible();
  await expect(page.locator("#size")).toHaveCount(0);
});

test("the counts over time agree with their table, follow the timeline's filters, and never count unknown as zero", async ({
  page,
}) => {
  await page.goto("/timeline?actor=kataib-hezbollah&per=year");
  const chart = page.getByTestId("event-counts");
  await chart.getByText("The chart as a table").click();
  const rows = chart.getByTestId("event-counts-table").locator("tbody tr");
  expect(await rows.count()).toBeGreaterThan(2);
  for (const row of await rows.all()) {
    const period = await row.getAttribute("data-period");
    const [within, spanning, deaths] = await row.locator("td").allTextContents();
    const title = await chart.locator(`svg g[data-period='${period}'] > title`).textContent();
    expect(title).toContain(`${within} event${within === "1" ? "" : "s"} dated within`);
    if (spanning !== "0") expect(title).toContain(`${spanning} more may fall in it`);
    expect(title).toContain(`deaths ${deaths}`);
  }
  // The timeline's own filter: every event listed under the chart involves Kataib Hezbollah.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Timeline: Kataib Hezbollah");
  // 2020 holds the airport strike, whose sources give "1 or more": no upper bound, not a sum with zeros.
  await page.goto("/timeline?kind=strike&from=2020-01&to=2020-01&per=month");
  await page.getByTestId("event-counts").getByText("The chart as a table").click();
  await expect(page.getByTestId("event-counts-table").locator("tr[data-period='2020-01'] td").nth(2)).toHaveText(
    "1 or more",
  );
});
