import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { boilerplateRole, classifyText } from "./blocks.js";
import { IngestError } from "./errors.js";
import { extractArticle, MAX_HTML_DEPTH } from "./html.js";

const page = readFileSync(join(import.meta.dirname, "fixtures", "bloomberg-article.html"), "utf8");

describe("extracting the article from a web page", () => {
  const x = extractArticle(page);

  it("keeps the headline, byline and every paragraph of the article, verbatim", () => {
    expect(x.title).toBe("Inside Iraq's Iranian-Backed Militias");
    expect(x.text.startsWith("Inside Iraq's Iranian-Backed Militias\n\nEli Lake\n\n")).toBe(true);
    expect(x.text).toContain(
      "But last June, Sistani took on a new public role, urging Iraqis to volunteer to defend Iraq against Islamic State's offensive.",
    );
    expect(x.text).toContain(
      "Hadi al-Amiri, the leader of the Badr Organization, the most powerful militia,\u00a0told me this week",
    );
    expect(x.text).toContain("is not as hostile as many other Shiite militia leaders to a U.S. presence in Iraq.");
    expect(x.segments.filter((s) => s.role === "body").length).toBeGreaterThanOrEqual(9);
    for (const s of x.segments) expect(x.text.slice(s.start, s.end).trim()).toBe(x.text.slice(s.start, s.end));
  });

  it("takes the headline from the article's <h1>, not a <title> written for search engines", () => {
    const paragraph = "Kataib Hezbollah denied any role in the attack, its spokesman said on Monday. ".repeat(4);
    const html = `<html><head><title>Militia news: latest updates, analysis | Example News</title></head>
      <body><header><h1>Example News</h1></header>
      <article><h1>Militias regroup near Baghdad</h1><p>${paragraph}</p><p>${paragraph}</p></article></body></html>`;
    expect(extractArticle(html).title).toBe("Militias regroup near Baghdad");
  });

  it("drops navigation, the cookie banner, the photo credit, related links, the disclaimer and the footer", () => {
    for (const gone of [
      "Markets",
      "Technology",
      "We use cookies",
      "Accept cookies",
      "Photographer: Ali Mohammed",
      "Getty Images",
      "Iran's Man in Iraq Is Winning the War",
      "Why Mosul Fell So Fast",
      "Read more",
      "does not necessarily reflect",
      "All Rights Reserved",
      "Terms of Service",
      "window.dataLayer",
    ]) {
      expect(x.text, gone).not.toContain(gone);
    }
    expect(x.dropped).toMatchObject({ navigation: expect.any(Number), "cookie-notice": 1, credit: 1, disclaimer: 1 });
    expect(x.dropped["related-link"]).toBeGreaterThanOrEqual(2);
  });

  it("reads the page's metadata: byline, publication time, site name, canonical address", () => {
    expect(x.authors).toEqual(["Eli Lake"]);
    expect(x.publishedTime).toBe("2015-03-06T10:00:00Z");
    expect(x.siteName).toBe("Bloomberg View");
    expect(x.url).toBe("https://www.bloomberg.com/view/articles/2015-03-06/inside-iraq-s-iranian-backed-militias");
  });
});

describe("boilerplate in plain text", () => {
  it("recognises cookie notices, credits, related links, contact lines and disclaimers, and leaves prose alone", () => {
    expect(boilerplateRole("This website uses cookies to enhance user experience. Accept Cookies")).toBe(
      "cookie-notice",
    );
    expect(boilerplateRole("Photographer: Ali Mohammed/Anadolu Agency/Getty Images")).toBe("credit");
    expect(boilerplateRole("Emilienne Malfatto for The Washington Post")).toBe("credit");
    expect(boilerplateRole("[U.S. contractor dies as rocket attacks in Iraq pose fresh challenge to Biden]")).toBe(
      "related-link",
    );
    expect(boilerplateRole("To contact the author on this story:")).toBe("contact");
    expect(boilerplateRole("Last April, Reuters reported on the meeting as well.")).toBeNull();
    expect(boilerplateRole("Kataib Hezbollah denied its involvement, claiming “it wasn’t us.”")).toBeNull();
  });

  it("marks the headline, byline and the blocks of a consent dialog, keeping the text as it is", () => {
    const text =
      "Militias and the state\n\nBy Louisa Loveluck and Mustafa Salim,\n\nThe militias grew.\n\nThis website uses cookies. Accept Cookies\n\nManage Consent Preferences\n\nStrictly Necessary Cookies - Always Active";
    const { blocks, byline } = classifyText(text, null);
    expect(blocks.map((b) => b.role)).toEqual([
      "headline",
      "byline",
      "body",
      "cookie-notice",
      "cookie-notice",
      "cookie-notice",
    ]);
    expect(byline).toBe("By Louisa Loveluck and Mustafa Salim,");
  });
});

describe("pathological HTML", () => {
  const nested = (depth: number) =>
    `<html><body>${"<div>".repeat(depth)}<p>Somewhere deep, a sentence.</p>${"</div>".repeat(depth)}</body></html>`;

  it.each([50_000, MAX_HTML_DEPTH + 10])(
    "refuses a page nested %i levels deep with a message, without overflowing the stack",
    (depth) => {
      const error = (() => {
        try {
          extractArticle(nested(depth));
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(IngestError);
      expect(error).toMatchObject({
        code: "too_complex",
        message: expect.stringContaining(`${MAX_HTML_DEPTH} levels`),
      });
    },
  );

  it("still reads a page nested up to the limit", () => {
    expect(extractArticle(nested(MAX_HTML_DEPTH - 4)).text).toContain("Somewhere deep, a sentence.");
  });
});
