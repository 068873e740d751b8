/**
 * The explorer answers an analyst's questions in few steps: search that ranks and says why,
 * timeline windows in plain words that zoom, sources side by side, roles that say how they ended,
 * export where you are, and no internal notation on the way.
 */
import { expect, type Page, test } from "@playwright/test";

test.describe("search ranks and explains", () => {
  test("partial matches are found and ranked: the Katyusha attack on the US embassy comes first", async ({ page }) => {
    for (const q of ["rocket attack US embassy", "rocket attack embassy"]) {
      await page.goto(`/search?q=${encodeURIComponent(q)}`);
      const events = page.locator("#results-event");
      await expect(events.getByRole("listitem").first()).toContainText("Katyusha rockets hit the US embassy compound");
    }
  });

  test("each result says why it matched, and which words it lacks", async ({ page }) => {
    await page.goto("/search?q=rocket%20attack%20US%20embassy");
    const first = page.locator("#results-event").getByRole("listitem").first();
    await expect(first.getByTestId("why")).toContainText("3 of 4 words: rocket, US, embassy in the title");
    await expect(first.getByTestId("why")).toContainText("Not found: attack");
    // A synonym says what it matched: a strike is found as an air strike.
    await page.goto("/search?q=airstrike&type=event");
    await expect(page.locator("#results-event").getByTestId("why").first()).toContainText("as “strike”");
  });

  test("a misspelled name's top result names what it matched: Khazaly matched Khazali", async ({ page }) => {
    await page.goto("/search?q=Khazaly&type=actor");
    const first = page.locator("#results-actor").getByRole("listitem").first();
    await expect(first.getByRole("link", { name: "Qais al-Khazali" })).toBeVisible();
    await expect(first.getByTestId("why")).toContainText("Matched Khazali (a close spelling of “Khazaly”)");
  });

  test("a quoted phrase still has to match exactly", async ({ page }) => {
    await page.goto(`/search?q=${encodeURIComponent('"act of sabotage"')}&type=claim`);
    await expect(page.locator("#results-claim").getByRole("listitem")).toHaveCount(1);
  });
});

test.describe("the timeline window", () => {
  test("accepts plain dates, names how it read them, and zooms the axis to the window", async ({ page }) => {
    await page.goto("/timeline");
    await page.getByLabel("From").fill("Dec 2019 – Jan 2020");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByTestId("window-reading")).toContainText(
      "Window: December 2019 to January 2020 (read from “Dec 2019 – Jan 2020”)",
    );
    await expect(page.locator("main").getByRole("alert")).toHaveCount(0);
    // The axis is in days and weeks of that window, not in years.
    const ticks = await page.getByTestId("axis").first().locator("span").allTextContents();
    expect(ticks[0]).toBe("1 Dec 2019");
    expect(ticks).not.toContain("2020");
    await page.goto("/timeline?from=December%202019&to=January%202020");
    await expect(page.getByTestId("window-reading")).toContainText("December 2019 to January 2020");
    await page.goto("/timeline?from=2019");
    await expect(page.getByTestId("window-reading")).toContainText("2019 onwards");
  });

  test("one switch hides events that merely span the window, and says how many", async ({ page }) => {
    await page.goto("/timeline?from=2019-12&to=2020-01");
    const background = page.locator("a[href='/events/pmf-groups-absorbed-into-iraqi-security-state']");
    await expect(background).toHaveCount(1);
    const toggle = page.getByRole("switch", { name: "Only events that fall inside the window" });
    await expect(toggle).toHaveAttribute("aria-checked", "false");
    const before = await page.locator("main ol > li").count();
    await toggle.click();
    await expect(page.getByRole("switch", { name: "Only events that fall inside the window" })).toHaveAttribute(
      "aria-checked",
      "true",
    );
    const hidden = Number(
      /on: (\d+) events? that only span the window/.exec(
        (await page.getByTestId("timeline-view").textContent()) ?? "",
      )?.[1],
    );
    expect(hidden).toBeGreaterThan(0);
    await expect(page.locator("main ol > li")).toHaveCount(before - hidden);
    await expect(background).toHaveCount(0);
  });

  test("filters to events reported by several sources, and sorts by how many", async ({ page }) => {
    await page.goto("/timeline");
    await page.getByRole("switch", { name: /Only events reported by several sources \(16\)/ }).click();
    await expect(page.locator("main ol > li")).toHaveCount(16);
    await page.getByRole("link", { name: "by number of sources" }).click();
    await expect(page).toHaveURL(/several=1.*sort=sources|sort=sources.*several=1/);
    await expect(page.getByRole("link", { name: "by number of sources" })).toHaveAttribute("aria-current", "true");
    const counts = (await page.locator("main ol > li").allInnerTexts()).map((t) =>
      Number(/(\d+) sources/.exec(t)?.[1]),
    );
    expect(counts.every((n) => n >= 2)).toBe(true);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });
});

test.describe("sources side by side", () => {
  test("an event told by several sources sets them in a table, each cell with its quote, and says whether they agree", async ({
    page,
  }) => {
    await page.goto("/events/2019-12-us-strikes-on-kataib-hezbollah");
    await expect(page.getByTestId("deaths-agreement")).toHaveText(
      /^Sources differ on deaths: “dozens” \(24 or more\) killed \(“Iranian-backed militias.*\) vs 25 killed/,
    );
    const table = page.getByTestId("sources-table");
    await expect(table.locator("thead th")).toHaveText(["Source", "Date", "Deaths", "Perpetrator", "Place"]);
    const hired = table.locator("tbody tr", { hasText: "hired guns" });
    await expect(hired.locator("td").nth(1)).toContainText("25 — Kataib Hezbollah militia members");
    await expect(hired.locator("td").nth(1)).toContainText("“killing 25 militia members”");
    await expect(hired.locator("td").nth(2)).toContainText("U.S. forces");
    await expect(hired.locator("td").nth(3)).toContainText("western Iraq");
    await page.goto("/events/2019-12-27-rocket-attack-kills-us-contractor");
    await expect(page.getByTestId("deaths-agreement")).toHaveText("3 sources agree: 1 killed.");
  });

  test("an event's claims are grouped by stance", async ({ page }) => {
    await page.goto("/events/2020-01-26-us-embassy-rocket-attack");
    const claims = page.locator("#claims");
    await expect(claims.locator("[data-stance-group='denials'] h3").first()).toHaveText(/^Denials \d+$/);
    await expect(claims.locator("[data-stance-group='denials']")).toContainText(
      "Kataib Hezbollah denied involvement in the Sunday rocket attack",
    );
    for (const group of await claims.locator("[data-stance-group]").all()) {
      const name = await group.getAttribute("data-stance-group");
      for (const stance of await group
        .locator("article [data-stance]")
        .evaluateAll((els) => els.map((e) => e.getAttribute("data-stance")))) {
        if (name === "denials") expect(stance).toBe("denies");
        else expect(stance).not.toBe("denies");
      }
    }
    await claims.getByRole("link", { name: "See the contradictions about this event" }).click();
    await expect(page).toHaveURL(/\/claims\/contradictions\?event=2020-01-26-us-embassy-rocket-attack/);
    await expect(page.locator("main")).toContainText("About the event Katyusha rockets hit the US embassy compound");
  });

  test("contradictions can be narrowed, and no claim is repeated down the page", async ({ page }) => {
    await page.goto("/claims/contradictions");
    const all = await page.getByTestId("contradiction-group").count();
    // Every claim appears once: open every group and read the statements.
    for (const summary of await page.locator("[data-testid=contradiction-group] summary").all()) await summary.click();
    const statements = await page.locator("[data-testid=contradiction-group] article h3").allTextContents();
    expect(new Set(statements).size).toBe(statements.length);
    await page.locator("select[name=source]").selectOption("2015-inside-iraqs-iranian-backed-militias");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/source=2015-inside-iraqs-iranian-backed-militias/);
    const narrowed = await page.getByTestId("contradiction-group").count();
    expect(narrowed).toBeGreaterThan(0);
    expect(narrowed).toBeLessThan(all);
    await page.goto("/claims/contradictions?about=kataib-hezbollah");
    expect(await page.getByTestId("contradiction-group").count()).toBeGreaterThan(0);
  });
});

test.describe("saying what the documents do not", () => {
  test("a role that ended says so in words, and its reasoning opens by keyboard", async ({ page }) => {
    await page.goto("/actors/kataib-hezbollah");
    const leadership = page.getByTestId("leadership");
    await expect(leadership).toContainText("Current leader: not stated in the documents");
    const formerly = leadership.locator("p", { hasText: "Formerly" });
    await expect(formerly).toContainText("Abu Mahdi al-Muhandis (leader)");
    await expect(formerly.getByRole("button", { name: "until 3 January 2020" })).toBeVisible();
    await expect(formerly).toContainText(", when Abu Mahdi al-Muhandis was killed (US drone strike kills");
    const until = leadership.getByRole("button", { name: "until 3 January 2020" });
    await until.focus();
    await page.keyboard.press("Enter");
    const why = page.locator(".explanation:popover-open");
    await expect(why).toBeVisible();
    await expect(why).toContainText("Until he was killed in the US strike of January 3, 2020");
  });

  test("dates underlined for their reasoning are reached by Tab and open on Enter", async ({ page }) => {
    await page.goto("/timeline?from=2020-01&to=2020-01");
    const date = page.locator("main ol > li").first().getByRole("button").first();
    await page
      .locator("main ol")
      .first()
      .focus()
      .catch(() => {});
    for (let i = 0; i < 200 && !(await date.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press("Tab");
    }
    await expect(date).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator(".explanation:popover-open")).toContainText("How we know this date");
  });

  test("no internal notation reaches readers: no EDTF, offsets, file names or ids for titles", async ({ page }) => {
    const internal = /\.\.\/\d{4}|\d{4}\/\.\.|\b\d{3}X\b|\bEDTF\b|characters \d+–\d+|\.yaml\b|\b\d{4}-\d{2}-\d{2}\b/;
    for (const path of [
      "/events/2019-12-us-strikes-on-kataib-hezbollah",
      "/events/before-2019-12-kataib-hezbollah-sends-units-to-syria",
      "/actors/kataib-hezbollah",
      "/actors/qais-al-khazali",
      "/timeline?from=2019-12&to=2020-01",
      "/sources/2020-party-by-day-fighters-by-night?span=1144-1183",
      "/claims/kh-denies-embassy-rocket-attack",
    ]) {
      await page.goto(path);
      const text = (await page.locator("main").textContent()) ?? "";
      expect(internal.exec(text)?.[0] ?? null, path).toBeNull();
    }
    // A spelling limited to some documents names their titles, not their ids.
    await page.goto("/actors/qais-al-khazali");
    await expect(page.locator("#names")).not.toContainText("2015-inside-iraqs-iranian-backed-militias");
  });
});

test.describe("export where you are", () => {
  test("export is in the main navigation, and its page says what each format is for and which tool reads it", async ({
    page,
  }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Export" }).click();
    await expect(page).toHaveURL(/\/export$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Export");
    await expect(page.locator("[data-format=stix]")).toContainText("OpenCTI");
    await expect(page.locator("[data-format=csv]")).toContainText("ACLED");
    await expect(page.locator("[data-format=ftm]")).toContainText("Aleph");
  });

  const exported = async (page: Page, format: string) => {
    const link = page.locator("main").getByRole("link", { name: format, exact: true });
    const response = await page.request.get((await link.getAttribute("href")) as string);
    expect(response.status()).toBe(200);
    return response.text();
  };

  test("every filtered list exports what it shows, with the filter kept", async ({ page }) => {
    await page.goto("/timeline?kind=strike&from=Dec%202019&to=Jan%202020");
    const rows = await page.locator("main ol > li").count();
    expect(rows).toBeGreaterThan(0);
    const csv = await exported(page, "CSV");
    expect(csv.trimEnd().split("\r\n")).toHaveLength(rows + 1);
    const dataset = JSON.parse(await exported(page, "JSON")) as { events: { kind: string }[] };
    expect(dataset.events).toHaveLength(rows);
    expect(dataset.events.every((e) => e.kind === "strike")).toBe(true);
    expect((JSON.parse(await exported(page, "STIX 2.1")) as { type: string }).type).toBe("bundle");

    await page.goto("/claims?claimant=kataib-hezbollah");
    const claims = await page.locator("main article[data-claim]").count();
    expect((await exported(page, "CSV")).trimEnd().split("\r\n")).toHaveLength(claims + 1);

    await page.goto("/actors?kind=armed_group");
    const actors = await page.locator("main ul > li").count();
    const groups = JSON.parse(await exported(page, "JSON")) as { actors: { kind: string }[] };
    expect(groups.actors.filter((a) => a.kind === "armed_group")).toHaveLength(actors);

    await page.goto("/search?q=rocket%20attack%20embassy");
    expect(await exported(page, "CSV")).toContain("2020-01-26-us-embassy-rocket-attack");
  });
});

test.describe("small things", () => {
  test("a mistyped actor address answers 404 with “Did you mean”, found by the search's own matching", async ({
    page,
  }) => {
    const response = await page.goto("/actors/kataib-hezbolah");
    expect(response?.status()).toBe(404);
    await expect(page.getByTestId("did-you-mean")).toContainText("Did you mean Kataib Hezbollah?");
    await page.getByTestId("did-you-mean").getByRole("link", { name: "Kataib Hezbollah" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kataib Hezbollah");
    // Its siblings too: an event address with a typo.
    const event = await page.goto("/events/2020-01-03-baghdad-airport-strik");
    expect(event?.status()).toBe(404);
    await expect(page.getByTestId("did-you-mean")).toContainText("US drone strike kills Qasem Soleimani");
  });

  test("on the map, a place's count in the table matches its panel", async ({ page }) => {
    await page.goto("/map");
    const row = page.locator("table tr", { has: page.getByRole("link", { name: "Baghdad", exact: true }) });
    const count = Number(await row.getByTestId("events-within").textContent());
    await row.getByRole("link", { name: "Baghdad", exact: true }).click();
    const panel = page.getByTestId("place-panel");
    await expect(panel.getByRole("heading", { name: /events here/ })).toContainText(`${count} events here`);
    await expect(panel.locator("ul li")).toHaveCount(count);
  });
});
