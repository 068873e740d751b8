/**
 * Test helper: small PDF and Word files built in memory, so ingest tests need no binary
 * fixtures. The PDF is written by hand (PDF 1.4, the standard Helvetica font, one content
 * stream per page, a cross-reference table with exact offsets); the DOCX is the minimal
 * WordprocessingML package (content types, relationships, document.xml) zipped with fflate.
 */
import { strToU8, zipSync } from "fflate";

/** A line of text drawn at (x, y) points from the bottom-left corner of a US Letter page. */
export interface PdfText {
  x: number;
  y: number;
  text: string;
  size?: number;
}
/** A page: lines of text, or `null` for a page that is only an image (a scan: no text layer). */
export type PdfPage = PdfText[] | null;

const escapePdf = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);

/** Characters outside WinAnsi's ASCII range are written as octal escapes of their WinAnsi code. */
const WIN_ANSI: Record<string, number> = { "’": 0o222, "“": 0o223, "”": 0o224, "–": 0o226, "—": 0o227 };
const encodeText = (s: string) =>
  [...escapePdf(s)].map((c) => (WIN_ANSI[c] !== undefined ? `\\${(WIN_ANSI[c] as number).toString(8)}` : c)).join("");

export function makePdf(pages: PdfPage[], { title }: { title?: string } = {}): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add("");
  const pagesObj = add("");
  const font = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  const kids: number[] = [];
  for (const page of pages) {
    const ops =
      page === null
        ? // A scan: an image of the page, here a grey rectangle standing in for it, and no text.
          "q 0.8 g 36 36 540 720 re f Q"
        : page.map((t) => `BT /F1 ${t.size ?? 11} Tf ${t.x} ${t.y} Td (${encodeText(t.text)}) Tj ET`).join("\n");
    const content = add(`<< /Length ${Buffer.byteLength(ops, "latin1")} >>\nstream\n${ops}\nendstream`);
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`,
      ),
    );
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${kids.length} >>`;
  const info = title ? add(`<< /Title (${escapePdf(title)}) >>`) : null;

  let out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${info ? ` /Info ${info} 0 R` : ""} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, "latin1"));
}

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A paragraph of a Word document: its text and, optionally, a built-in style ("Title", "Heading1"). */
export interface DocxParagraph {
  text: string;
  style?: string;
}

export function makeDocx(paragraphs: DocxParagraph[]): Uint8Array {
  const body = paragraphs
    .map(
      (p) =>
        `<w:p>${p.style ? `<w:pPr><w:pStyle w:val="${p.style}"/></w:pPr>` : ""}<w:r><w:t xml:space="preserve">${xml(p.text)}</w:t></w:r></w:p>`,
    )
    .join("");
  const styles = [...new Set(paragraphs.map((p) => p.style).filter((s): s is string => Boolean(s)))]
    .map((s) => {
      const name = s === "Title" ? "Title" : s.replace(/^Heading(\d)$/, "heading $1");
      return `<w:style w:type="paragraph" w:styleId="${s}"><w:name w:val="${name}"/></w:style>`;
    })
    .join("");
  return zipSync({
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>',
    ),
    "_rels/.rels": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    "word/_rels/document.xml.rels": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    ),
    "word/styles.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${styles}</w:styles>`,
    ),
    "word/document.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
    ),
  });
}
