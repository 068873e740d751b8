/**
 * The text of a Word file (.docx), with mammoth: the body's paragraphs in order, one block each,
 * with their roles from Word's styles — Title the headline, Subtitle the subtitle, Heading 1–6
 * headings, a short "By …" near the top the byline — and web-style boilerplate (copyright lines,
 * "to contact the author") marked. Images are not kept; Word's page headers and footers are not
 * part of the body, so they are not in the text.
 */
import { parseHTML } from "linkedom";
import { assemble, type Part } from "./assemble.js";
import { authorsOf, boilerplateRole } from "./blocks.js";
import { IngestError } from "./errors.js";
import { leafBlocks, roleOfTag } from "./html.js";

export interface ExtractedDocx {
  text: string;
  segments: ReturnType<typeof assemble>["segments"];
  title: string | null;
  authors: string[];
  images: number;
}

const STYLE_MAP = ["p[style-name='Title'] => h1.title:fresh", "p[style-name='Subtitle'] => p.subtitle:fresh"];

export async function extractDocx(bytes: Uint8Array): Promise<ExtractedDocx> {
  // mammoth is CommonJS: its exports are the module's default, in Node and in the CLI's bundle.
  const mammoth = (await import("mammoth")).default;
  let images = 0;
  const options = {
    styleMap: STYLE_MAP,
    convertImage: mammoth.images.imgElement(async () => {
      images++;
      return { src: "" };
    }),
  };
  let html: string;
  try {
    html = (
      await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }, options)
    ).value;
  } catch (e) {
    throw new IngestError(
      "unreadable",
      `The Word file cannot be read (${(e as Error).message}): it may be damaged. Open it in Word and save it again as .docx.`,
    );
  }
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const body = document.body as unknown as Parameters<typeof leafBlocks>[0];
  const parts: Part[] = [];
  let title: string | null = null;
  let byline: string | null = null;
  for (const block of leafBlocks(body)) {
    const className = block.el.getAttribute("class") ?? "";
    let role = boilerplateRole(block.text) ?? roleOfTag(block.tag);
    if (className.includes("title") || (block.tag === "H1" && title === null && parts.length === 0)) {
      role = "headline";
      title ??= block.text;
    } else if (className.includes("subtitle")) role = "subtitle";
    else if (
      role === "body" &&
      byline === null &&
      parts.length <= 3 &&
      /^By \p{Lu}/u.test(block.text) &&
      block.text.length < 200
    ) {
      role = "byline";
      byline = block.text;
    }
    parts.push({ text: block.text, role });
  }
  if (!parts.some((p) => p.role !== "headline" && p.role !== "subtitle")) {
    throw new IngestError("no_text", "The Word file has no text in its body. Check that it is the right file.");
  }
  return { ...assemble(parts), title, authors: authorsOf(byline), images };
}
