/**
 * The graph to work in loads its canvas library only when the reader reaches for it (see
 * graph-explorer.tsx): until then the server's drawing stands. This opens it the ways a reader
 * does: the pointer over the graph, a tap on the "Explore" button, or the button from the keyboard.
 */
import { expect, type Page } from "@playwright/test";

export async function exploreGraph(page: Page, how: "hover" | "tap" | "keyboard" = "hover") {
  const explorer = page.getByTestId("graph-explorer");
  const button = explorer.getByRole("button", { name: "Explore: pan, zoom, grow" });
  // Hydrated, and still the server's drawing: nothing has loaded the library yet.
  await expect(button).toBeVisible();
  await expect(explorer).toHaveAttribute("data-ready", "false");
  if (how === "hover") await explorer.locator("svg").first().hover();
  else if (how === "tap") await button.tap();
  else {
    await button.focus();
    await page.keyboard.press("Enter");
  }
  await expect(explorer).toHaveAttribute("data-ready", "true");
  const canvas = page.getByTestId("graph-canvas");
  await expect(canvas).toBeVisible();
  return canvas;
}
