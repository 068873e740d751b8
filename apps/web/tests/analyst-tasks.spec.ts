/**
 * Eight everyday questions of an analyst new to the atlas, each done as a reader would, from the
 * page they start on, counting the steps: page loads (full or in-app) and clicks (a press of
 * Enter that submits counts as one; typing does not). Each test also checks the answer is on the
 * screen. With ATLAS_TASKS_REPORT set, the counts are written there: `pnpm bench` prints them
 * (bench/tasks.mjs). Fewer steps is the goal.
 */
import { appendFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";

interface Steps {
  loads: number;
  clicks: number;
}

/** Counts main-frame navigations on the page, and the clicks made through `click`/`submit`. */
function counter(page: Page) {
  const steps: Steps = { loads: 0, clicks: 0 };
  // A page counts once: Next's router also reports a same-address update after each load.
  let at = "";
  page.on("framenavigated", (frame) => {
    if (frame !== page.mainFrame() || frame.url() === at) return;
    at = frame.url();
    steps.loads++;
  });
  return {
    steps,
    click: async (target: ReturnType<Page["locator"]>) => {
      steps.clicks++;
      await target.click();
    },
    submit: async (box: ReturnType<Page["locator"]>, text: string) => {
      await box.fill(text);
      steps.clicks++;
      await box.press("Enter");
    },
  };
}

function record(question: string, steps: Steps) {
  const file = process.env.ATLAS_TASKS_REPORT;
  if (file) appendFileSync(file, `${JSON.stringify({ question, ...steps })}\n`);
}

const TASKS: { question: string; run(page: Page, c: ReturnType<typeof counter>): Promise<void> }[] = [
  {
    question: "What happened between December 2019 and January 2020?",
    async run(page, c) {
      await page.goto("/");
      await c.click(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Timeline" }));
      await page.getByLabel("From").fill("Dec 2019 – Jan 2020");
      await c.click(page.getByRole("button", { name: "Apply" }));
      await c.click(page.getByRole("switch", { name: "Only events that fall inside the window" }));
      await expect(page.getByTestId("window-reading")).toContainText("December 2019 to January 2020");
      await expect(page.getByRole("switch", { name: "Only events that fall inside the window" })).toHaveAttribute(
        "aria-checked",
        "true",
      );
    },
  },
  {
    question: "Do the sources agree on the deaths in the US strikes on Kataib Hezbollah?",
    async run(page, c) {
      await page.goto("/");
      await c.submit(page.getByRole("searchbox", { name: "Search the atlas" }), "strikes on Kataib Hezbollah");
      await c.click(page.locator("#results-event").getByRole("link").first());
      await expect(page.getByTestId("deaths-agreement")).toContainText("Sources differ on deaths");
    },
  },
  {
    question: "Who leads Kataib Hezbollah now?",
    async run(page, c) {
      await page.goto("/");
      await c.submit(page.getByRole("searchbox", { name: "Search the atlas" }), "Kataib Hezbollah");
      await c.click(page.locator("#results-actor").getByRole("link", { name: "Kataib Hezbollah", exact: true }));
      await expect(page.getByTestId("leadership")).toContainText("Current leader: not stated in the documents");
    },
  },
  {
    question: "Export what I am looking at (the strikes of that window, as CSV)",
    async run(page, c) {
      await page.goto("/timeline?kind=strike&from=Dec%202019&to=Jan%202020");
      const download = page.waitForEvent("download");
      await c.click(page.locator("main").getByRole("link", { name: "CSV", exact: true }));
      expect((await download).suggestedFilename()).toBe("militia-atlas-events.csv");
    },
  },
  {
    question: "Find the man a document calls Qais al-Khalazi",
    async run(page, c) {
      await page.goto("/");
      await c.submit(page.getByRole("searchbox", { name: "Search the atlas" }), "Khalazi");
      await c.click(page.locator("#results-actor").getByRole("link").first());
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Qais al-Khazali");
    },
  },
  {
    question: "Find the rocket attack on the US embassy",
    async run(page, c) {
      await page.goto("/");
      await c.submit(page.getByRole("searchbox", { name: "Search the atlas" }), "rocket attack embassy");
      await c.click(page.locator("#results-event").getByRole("link").first());
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(
        "Katyusha rockets hit the US embassy compound in Baghdad",
      );
    },
  },
  {
    question: "Who contradicts Kataib Hezbollah's denial of the embassy attack?",
    async run(page, c) {
      await page.goto("/");
      await c.submit(
        page.getByRole("searchbox", { name: "Search the atlas" }),
        "Kataib Hezbollah denied rocket attack",
      );
      await c.click(page.locator("#results-claim").getByRole("link").first());
      await expect(page.locator("#contradicts article").first()).toBeVisible();
    },
  },
  {
    question: "How many events happened in Baghdad?",
    async run(page, c) {
      await page.goto("/");
      await c.click(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Map" }));
      await c.click(page.locator("table").getByRole("link", { name: "Baghdad", exact: true }));
      await expect(page.getByTestId("place-panel").getByRole("heading", { name: /events here/ })).toContainText(
        "5 events here or in places inside it",
      );
    },
  },
];

test.describe.configure({ mode: "serial" });
for (const task of TASKS) {
  test(`analyst task: ${task.question}`, async ({ page }) => {
    const c = counter(page);
    await task.run(page, c);
    record(task.question, c.steps);
  });
}
