/**
 * Reading an import file: the bytes as received, checked before anything is written — not
 * empty, not over MAX_IMPORT_BYTES, UTF-8 JSON, an atlas dataset or a STIX bundle (the one asked
 * for, when one was), valid against its schema, with every reference inside the file. Each
 * refusal is an ImportError naming what is wrong and what to do.
 */
import { Dataset, describeIssues, importTooLarge } from "@atlas/schema";
import { sha256 } from "../corpus/load.js";
import { documentFormat, firstInvalidUtf8 } from "../ingest/decode.js";
import { ImportError } from "./errors.js";
import { readStixBundle, type StixBundleIn } from "./stix-bundle.js";
import type { ImportFormat } from "./types.js";

export type ReadImport = { bytes: number; hash: string } & (
  | { format: "json"; dataset: Dataset }
  | { format: "stix"; bundle: StixBundleIn }
);

const NOTHING = "Nothing was imported.";
const WHAT =
  "`atlas import` takes an atlas dataset (`atlas export --format json` of another atlas) or a STIX 2.1 bundle (OpenCTI's export, or `atlas export --format stix`).";
const MAX_LISTED = 8;

/** Line and column of a position in the text, for a JSON syntax error. */
function lineColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split("\n").length;
  return `line ${line}, column ${position - before.lastIndexOf("\n")}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    const where = at ? ` at ${lineColumn(text, Number(at[1]))}` : "";
    throw new ImportError(
      "not_json",
      `The file is not valid JSON${where}: ${message.replace(/ in JSON at position \d+.*$/, "")}. ${WHAT} ${NOTHING}`,
    );
  }
}

function decode(content: Uint8Array | string): string {
  if (typeof content === "string") return content;
  const paged = documentFormat(content);
  if (paged) {
    throw new ImportError(
      "not_json",
      `The file is a ${paged === "pdf" ? "PDF" : "Word file"}, not JSON: add documents with \`atlas ingest\`. ${WHAT} ${NOTHING}`,
    );
  }
  const bad = firstInvalidUtf8(content);
  if (bad !== -1) {
    throw new ImportError(
      "not_json",
      `The file is not UTF-8 text (byte ${bad} cannot start or continue a character), so it is not JSON. ${WHAT} ${NOTHING}`,
    );
  }
  return new TextDecoder("utf-8").decode(content);
}

/** What a JSON value looks like, for a refusal: "an array of 3 items", "an object with keys a, b". */
function shapeOf(value: unknown): string {
  if (Array.isArray(value)) return `an array of ${value.length} items`;
  if (value === null) return "null";
  if (typeof value !== "object") return `a ${typeof value}`;
  const keys = Object.keys(value);
  return keys.length === 0
    ? "an empty object"
    : `an object with ${keys.length === 1 ? "the key" : "the keys"} ${keys.slice(0, 6).join(", ")}${keys.length > 6 ? "…" : ""}`;
}

/** json or stix by the value's shape; null when it is neither. */
function formatOf(value: unknown): ImportFormat | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const o = value as Record<string, unknown>;
  if (o.type === "bundle") return "stix";
  if ("version" in o && ("sources" in o || "actors" in o || "events" in o)) return "json";
  return null;
}

const NAMES: Record<ImportFormat, string> = { json: "an atlas dataset", stix: "a STIX 2.1 bundle" };

function readDataset(value: unknown): Dataset {
  const parsed = Dataset.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = describeIssues(parsed.error);
  const list = `${problems.slice(0, MAX_LISTED).join("; ")}${problems.length > MAX_LISTED ? `; and ${problems.length - MAX_LISTED} more` : ""}`;
  // The dataset's cross-checks (references, evidence against the text) run only once every record has its shape.
  if (parsed.error.issues.every((i) => i.code === "custom")) {
    throw new ImportError(
      "references",
      `The dataset does not hold together (${problems.length} ${problems.length === 1 ? "problem" : "problems"}): ${list}. Every id a record refers to must be in the file, and every quote must equal its source's text at its offsets: export the whole dataset again rather than a part of it, or fix the records named. ${NOTHING}`,
    );
  }
  throw new ImportError(
    "invalid",
    `The dataset does not fit @atlas/schema's Dataset (${problems.length} ${problems.length === 1 ? "problem" : "problems"}): ${list}. Export it again with \`atlas export --format json\` from an atlas of this version, or fix the records named. ${NOTHING}`,
  );
}

/** Reads and checks an import file; throws ImportError for anything it cannot take. */
export function readImport(content: Uint8Array | string, asked?: ImportFormat): ReadImport {
  const bytes = typeof content === "string" ? Buffer.byteLength(content, "utf8") : content.length;
  const tooLarge = importTooLarge(bytes);
  if (tooLarge) throw new ImportError("too_large", `${tooLarge} ${NOTHING}`);
  const text = decode(content).replace(/^\uFEFF/, "");
  if (text.trim() === "") throw new ImportError("empty", `The file is empty. ${WHAT} ${NOTHING}`);
  const hash = sha256(typeof content === "string" ? Buffer.from(content, "utf8") : Buffer.from(content));
  const value = parseJson(text);
  const found = formatOf(value);
  if (!found) {
    throw new ImportError(
      "unknown_format",
      `The JSON is ${shapeOf(value)}: neither an atlas dataset (an object with version, sources, actors, places, relations, events, claims and mentions) nor a STIX bundle ({"type": "bundle", "objects": [...]}). ${WHAT} ${NOTHING}`,
    );
  }
  if (asked && asked !== found) {
    throw new ImportError(
      "unknown_format",
      `The file was given as ${NAMES[asked]} (format ${asked}), but it is ${NAMES[found]}. Import it as ${found}, or leave the format out to have it detected. ${NOTHING}`,
    );
  }
  return found === "json"
    ? { format: "json", bytes, hash, dataset: readDataset(value) }
    : { format: "stix", bytes, hash, bundle: readStixBundle(value) };
}
