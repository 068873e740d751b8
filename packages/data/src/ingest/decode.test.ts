import { MAX_DOCUMENT_BYTES } from "@atlas/schema";
import { describe, expect, it } from "vitest";
import { checkText, decodeBytes, detectFormat, firstInvalidUtf8 } from "./decode.js";
import { IngestError } from "./errors.js";

const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(IngestError);
    return e as IngestError;
  }
  throw new Error("expected a refusal");
};

describe("reading a document", () => {
  it("decodes UTF-8 exactly, curly quotes and non-breaking spaces included, and drops a byte-order mark", () => {
    const text = "Asa’ib Ahl al-Haq\u00a0— “it wasn’t us.”";
    expect(decodeBytes(new TextEncoder().encode(text)).text).toBe(text);
    const bom = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]));
    expect(bom.text).toBe(text);
    expect(bom.warnings[0]).toMatch(/byte-order mark/);
  });

  it("refuses an empty file", () => {
    const e = refusal(() => decodeBytes(new Uint8Array()));
    expect(e.code).toBe("empty");
    expect(e.message).toMatch(/empty/);
  });

  it("refuses a PDF as text and binary files it does not read, naming what each is and what to do", () => {
    const pdf = refusal(() => checkText("%PDF-1.7\n%âãÏÓ\n1 0 obj"));
    expect(pdf.code).toBe("binary");
    expect(pdf.message).toMatch(/PDF sent as text: send the file itself/);
    const doc = refusal(() => decodeBytes(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])));
    expect(doc.message).toMatch(/old Word or Excel file .* save it as Word \(\.docx\) or PDF/);
  });

  it("refuses bytes with NUL characters (binary or UTF-16)", () => {
    const e = refusal(() => decodeBytes(new Uint8Array([0x48, 0x00, 0x69, 0x00])));
    expect(e.code).toBe("binary");
  });

  it("refuses invalid UTF-8 with the byte offset and the likely cause", () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode("Najaf caf"), 0xe9, 0x20, 0x61]);
    const e = refusal(() => decodeBytes(latin1));
    expect(e.code).toBe("encoding");
    expect(e.message).toContain("byte 9");
    expect(e.message).toMatch(/Windows-1252 or Latin-1/);
  });

  it("finds overlong encodings and surrogates as invalid, valid 4-byte characters as valid", () => {
    expect(firstInvalidUtf8(new Uint8Array([0xc0, 0xaf]))).toBe(0);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xed, 0xa0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(new TextEncoder().encode("ok 𝄞 ok"))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0xe2, 0x82]))).toBe(0);
  });

  it("refuses a document over the size limit before looking at it", () => {
    const e = refusal(() => decodeBytes(new Uint8Array(50 * 1024 * 1024)));
    expect(e.code).toBe("too_large");
    expect(e.message).toMatch(/50\.0 MB; the limit is 16\.0 MB/);
    expect(() => checkText("a".repeat(MAX_DOCUMENT_BYTES + 1))).toThrow(/limit/);
  });

  it("refuses text with unpaired surrogates (not decoded from valid UTF-8)", () => {
    expect(refusal(() => checkText("broken \ud800 text")).code).toBe("encoding");
  });

  it("tells HTML from text by content or file name", () => {
    expect(detectFormat("<!DOCTYPE html><html><body><p>x</p></body></html>")).toBe("html");
    expect(detectFormat("  <html lang=en>")).toBe("html");
    expect(detectFormat("Rockets hit the embassy <b>not html</b>")).toBe("text");
    expect(detectFormat("anything", "page.htm")).toBe("html");
  });
});
