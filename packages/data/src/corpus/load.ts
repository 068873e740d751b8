/**
 * Loads the corpus: each original file byte for byte, its metadata from sources.yaml, and the
 * split of its text into article and boilerplate segments.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describeIssues, isArticleRole, precisionOf, type Segment, Source, type Time } from "@atlas/schema";
import { parse } from "yaml";
import { AnnotationError, type Problem } from "../annotations/errors.js";
import { type QuoteInput, type SegmentInput, type SourceInput, SourcesFile, type TimeInput } from "../annotations/format.js";
import { resolveQuote } from "../annotations/quotes.js";
import { CORPUS_DIR } from "../paths.js";

export const SOURCES_FILE = "src/corpus/sources.yaml";

export function toTime(t: TimeInput): Time {
  return { ...t, precision: precisionOf(t.edtf) };
}

export const sha256 = (bytes: Buffer | string) => `sha256:${createHash("sha256").update(bytes).digest("hex")}`;

function findAll(text: string, needle: string, from = 0): number[] {
  const at: number[] = [];
  for (let i = text.indexOf(needle, from); i !== -1; i = text.indexOf(needle, i + 1)) at.push(i);
  return at;
}

/** Resolves segment specs to spans, then fills the gaps between them with body text. */
export function segmentText(text: string, specs: SegmentInput[], where: string): { segments: Segment[]; problems: string[] } {
  const problems: string[] = [];
  const found: Segment[] = [];
  const add = (role: Segment["role"], start: number, end: number) =>
    found.push({ role, start, end, article: isArticleRole(role) });
  for (const spec of specs) {
    if ("quote" in spec) {
      const at = findAll(text, spec.quote);
      if (at.length === 0) {
        problems.push(`${where} segment ${spec.role}: ${JSON.stringify(spec.quote.slice(0, 60))} is not in the text verbatim`);
      } else if (spec.all) {
        for (const a of at) add(spec.role, a, a + spec.quote.length);
      } else if (spec.occurrence !== undefined) {
        const a = at[spec.occurrence - 1];
        if (a === undefined) problems.push(`${where} segment ${spec.role}: occurrence ${spec.occurrence} requested, text has ${at.length}`);
        else add(spec.role, a, a + spec.quote.length);
      } else if (at.length > 1) {
        problems.push(
          `${where} segment ${spec.role}: ${JSON.stringify(spec.quote.slice(0, 60))} occurs ${at.length} times; add occurrence: N or all: true`,
        );
      } else {
        add(spec.role, at[0] as number, (at[0] as number) + spec.quote.length);
      }
    } else {
      const starts = findAll(text, spec.from);
      if (starts.length !== 1) {
        problems.push(`${where} segment ${spec.role}: "from" ${JSON.stringify(spec.from.slice(0, 60))} occurs ${starts.length} times; it must occur once`);
        continue;
      }
      const start = starts[0] as number;
      if (spec.to === undefined) {
        add(spec.role, start, text.trimEnd().length);
        continue;
      }
      const to = text.indexOf(spec.to, start);
      if (to === -1) problems.push(`${where} segment ${spec.role}: "to" ${JSON.stringify(spec.to.slice(0, 60))} does not follow "from"`);
      else add(spec.role, start, to + spec.to.length);
    }
  }
  found.sort((a, b) => a.start - b.start);
  for (let i = 1; i < found.length; i++) {
    const [a, b] = [found[i - 1] as Segment, found[i] as Segment];
    if (b.start < a.end) problems.push(`${where}: segments ${a.role} (${a.start}..${a.end}) and ${b.role} (${b.start}..${b.end}) overlap`);
  }
  // Everything between the listed segments that is not whitespace is body text.
  const segments: Segment[] = [];
  let cursor = 0;
  const body = (from: number, to: number) => {
    const chunk = text.slice(from, to);
    const lead = chunk.length - chunk.trimStart().length;
    const trail = chunk.length - chunk.trimEnd().length;
    if (from + lead < to - trail) segments.push({ role: "body", start: from + lead, end: to - trail, article: true });
  };
  for (const seg of found) {
    if (seg.start < cursor) continue;
    body(cursor, seg.start);
    segments.push(seg);
    cursor = seg.end;
  }
  body(cursor, text.length);
  return { segments, problems };
}

export interface LoadedSource {
  source: Source;
  input: SourceInput;
}

/**
 * Reads and validates every source; throws AnnotationError naming the file (as `label`, the
 * sources file's path in the package) and source id.
 */
export function loadSources(corpusDir = CORPUS_DIR, label = SOURCES_FILE): Source[] {
  const file = join(corpusDir, "sources.yaml");
  const problems: Problem[] = [];
  const parsed = SourcesFile.safeParse(parse(readFileSync(file, "utf8")));
  if (!parsed.success) {
    throw new AnnotationError(describeIssues(parsed.error).map((message) => ({ file: label, message })));
  }
  const sources: Source[] = [];
  for (const input of parsed.data) {
    const where = `source "${input.id}"`;
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(corpusDir, input.file));
    } catch {
      problems.push({ file: label, record: input.id, message: `file ${input.file} is missing from ${corpusDir}` });
      continue;
    }
    const text = bytes.toString("utf8");
    const { segments, problems: segmentProblems } = segmentText(text, input.segments, where);
    for (const message of segmentProblems) problems.push({ file: label, record: input.id, message });
    const shell = { id: input.id, text, segments };
    const resolve = (q: QuoteInput) => {
      const r = resolveQuote(shell, typeof q === "string" ? { quote: q } : q, { allowBoilerplate: true });
      if (!r.ok) problems.push({ file: label, record: input.id, message: r.error });
      return r.ok ? [r.span] : [];
    };
    let published: Time | null = null;
    try {
      published = input.published ? toTime(input.published) : null;
    } catch (e) {
      problems.push({ file: label, record: input.id, field: "published", message: (e as Error).message });
    }
    const candidate = {
      ...input,
      published,
      text,
      hash: sha256(bytes),
      segments,
      notes: input.notes.map((n) => ({ ...n, evidence: n.evidence.flatMap(resolve) })),
    };
    const checked = Source.safeParse(candidate);
    if (!checked.success) {
      for (const message of describeIssues(checked.error)) problems.push({ file: label, record: input.id, message });
      continue;
    }
    sources.push(checked.data);
  }
  if (problems.length > 0) throw new AnnotationError(problems);
  return sources;
}
