/**
 * What the bytes are, and from bytes to text: a PDF or a Word file is recognised by its first
 * bytes (and extracted elsewhere); anything else must be UTF-8 text or HTML, refusing nothing,
 * another binary file, bytes that are not UTF-8, or too much. Each refusal says what was found
 * and what to do.
 */

import { documentTooLarge } from "@atlas/schema";
import { IngestError } from "./errors.js";

const PDF = [0x25, 0x50, 0x44, 0x46];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((byte, i) => bytes[i] === byte);

/** Binary files the atlas does not read, each with what to do instead. */
const SIGNATURES: [number[], string][] = [
  [PDF, "This is a PDF sent as text: send the file itself (the CLI and the web form do; over the API, as base64)."],
  [
    ZIP,
    "This is a ZIP archive (or an OpenDocument or Excel file), not a document the atlas reads: save it as PDF, Word (.docx), HTML or text.",
  ],
  [
    [0x89, 0x50, 0x4e, 0x47],
    "This is a PNG image, not a document: run OCR on it and ingest the text, or a searchable PDF.",
  ],
  [[0xff, 0xd8, 0xff], "This is a JPEG image, not a document: run OCR on it and ingest the text, or a searchable PDF."],
  [
    [0x47, 0x49, 0x46, 0x38],
    "This is a GIF image, not a document: run OCR on it and ingest the text, or a searchable PDF.",
  ],
  [[0x1f, 0x8b], "This is a gzip archive: unpack it and ingest the document inside."],
  [
    [0xd0, 0xcf, 0x11, 0xe0],
    "This is an old Word or Excel file (.doc, .xls): save it as Word (.docx) or PDF and ingest that.",
  ],
];

/** A PDF, or a Word file (a ZIP package with a word/document.xml part), by its bytes; else null. */
export function documentFormat(bytes: Uint8Array): "pdf" | "docx" | null {
  if (startsWith(bytes, PDF)) return "pdf";
  if (
    startsWith(bytes, ZIP) &&
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes("word/document.xml")
  )
    return "docx";
  return null;
}

export function checkSize(bytes: number): void {
  const refusal = documentTooLarge(bytes);
  if (refusal) throw new IngestError("too_large", refusal);
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) [need, min] = [1, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [need, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    if (i + need >= b.length) return i;
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const n = b[i + k];
      if (n === undefined || (n & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (n & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

const NUL_BYTES =
  "The file contains NUL bytes: it is binary (or UTF-16), not UTF-8 text. Save it as UTF-8 text or HTML.";

/** Signatures and control characters are judged on the head; a NUL byte anywhere refuses the file. */
function refuseBinary(head: Uint8Array, hasNul: boolean): void {
  for (const [signature, message] of SIGNATURES) {
    if (startsWith(head, signature)) throw new IngestError("binary", message);
  }
  if (hasNul) throw new IngestError("binary", NUL_BYTES);
  let control = 0;
  for (const byte of head) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
  }
  if (head.length > 0 && control / head.length > 0.01) {
    throw new IngestError(
      "binary",
      "The file is mostly control characters: it is binary, not text. Save it as UTF-8 text or HTML.",
    );
  }
}

/** Decodes UTF-8 bytes strictly; a byte-order mark is dropped. */
export function decodeBytes(bytes: Uint8Array): { text: string; warnings: string[] } {
  checkSize(bytes.length);
  if (bytes.length === 0) throw new IngestError("empty", "The document is empty (0 bytes). Check the file.");
  refuseBinary(bytes.subarray(0, 65_536), bytes.includes(0));
  const bad = firstInvalidUtf8(bytes);
  if (bad !== -1) {
    const around = [...bytes.subarray(bad, bad + 4)].map((x) => x.toString(16).padStart(2, "0")).join(" ");
    throw new IngestError(
      "encoding",
      `The document is not valid UTF-8: byte ${bad} (${around}) cannot start or continue a character. It may be Windows-1252 or Latin-1; re-save it as UTF-8 and ingest it again.`,
    );
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const text = new TextDecoder("utf-8", { fatal: true }).decode(bom ? bytes.subarray(3) : bytes);
  return { text, warnings: bom ? ["A UTF-8 byte-order mark at the start was dropped."] : [] };
}

function hasLoneSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const n = s.charCodeAt(i + 1);
      if (n >= 0xdc00 && n <= 0xdfff) i++;
      else return true;
    } else if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}

/** Checks text that arrived as a string (from JSON): same refusals as bytes. */
export function checkText(text: string): { text: string; warnings: string[] } {
  const bytes = Buffer.byteLength(text, "utf8");
  checkSize(bytes);
  if (text.length === 0) throw new IngestError("empty", "The document is empty. Check the file.");
  if (hasLoneSurrogate(text)) {
    throw new IngestError(
      "encoding",
      "The text contains unpaired UTF-16 surrogates: it was not decoded from valid UTF-8. Re-save it as UTF-8.",
    );
  }
  refuseBinary(new TextEncoder().encode(text.slice(0, 65_536)), text.includes("\0"));
  const warnings: string[] = [];
  const text0 = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (text0 !== text) warnings.push("A byte-order mark at the start was dropped.");
  return { text: text0, warnings };
}

/** A document that is only whitespace is as empty as no bytes at all. */
export function refuseBlank(text: string): void {
  if (text.trim() === "") throw new IngestError("empty", "The document contains only whitespace. Check the file.");
}

export function warnReplacementCharacters(text: string, warnings: string[]): void {
  const count = text.split("\uFFFD").length - 1;
  if (count > 0) {
    warnings.push(
      `The text contains ${count} replacement character${count === 1 ? "" : "s"} (�): it was probably decoded with the wrong encoding before it got here.`,
    );
  }
}

const HTML = /^\s*(<!--[\s\S]*?-->\s*)*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<meta[\s>]|<article[\s>])/i;

/** Text or HTML, by the file name's extension, else by the first tags. */
export function detectFormat(text: string, fileName?: string): "text" | "html" {
  if (fileName && /\.x?html?$/i.test(fileName)) return "html";
  if (fileName && /\.(txt|text|md)$/i.test(fileName)) return "text";
  return HTML.test(text.slice(0, 4096)) ? "html" : "text";
}
