/**
 * The development set: real articles the curated atlas has never seen, annotated by hand in the
 * curated format (packages/data/devset/). It is built into ONE dataset with the curated corpus,
 * so a devset document cites curated actors, places and events by id, adds its own spellings
 * and evidence to them and defines the actors the atlas lacks. Each devset document also lists
 * every date expression of its text, resolved as a careful reader would: the gold standard that
 * ingest's date suggestions are scored against.
 */
import { join, relative, sep } from "node:path";
import {
  type AliasKind,
  type Dataset,
  type Evidence,
  precisionOf,
  type Time,
  TimeBasis,
  TimePart,
} from "@atlas/schema";
import { z } from "zod";
import type { Problem } from "../annotations/errors.js";
import { DocumentFile } from "../annotations/format.js";
import { type Built, buildDataset } from "../annotations/load.js";
import { resolveQuote } from "../annotations/quotes.js";
import { ANNOTATIONS_DIR, CORPUS_DIR, DEVSET_DIR, PACKAGE_DIR } from "../paths.js";

const str = z.string().min(1);

/** One date expression of the text: `edtf: null` when the text gives no way to tell (say why in `note`). */
export const DateInput = z
  .strictObject({
    quote: str,
    occurrence: z.int().positive().optional(),
    edtf: str.nullable(),
    basis: TimeBasis.optional(),
    part: TimePart.optional(),
    note: str.optional(),
  })
  .superRefine((d, ctx) => {
    if (d.edtf === null && !d.note) {
      ctx.addIssue({
        code: "custom",
        path: ["note"],
        message: `"${d.quote}" has edtf null: say in note why it cannot be resolved`,
      });
    }
    if (d.edtf !== null && !d.basis) {
      ctx.addIssue({
        code: "custom",
        path: ["basis"],
        message: `"${d.quote}" needs a basis (explicit, relative or inferred)`,
      });
    }
    if (d.edtf !== null && d.basis && d.basis !== "explicit" && !d.note) {
      ctx.addIssue({
        code: "custom",
        path: ["note"],
        message: `"${d.quote}" is ${d.basis}: say in note what it is resolved from`,
      });
    }
  });
export type DateInput = z.infer<typeof DateInput>;

/** A devset document file: the curated document format plus its date expressions. */
export const DevsetDocumentFile = DocumentFile.extend({ dates: z.array(DateInput).default([]) });
export type DevsetDocumentFile = z.infer<typeof DevsetDocumentFile>;

export interface GoldDate {
  /** The expression's words in the text, with offsets. */
  evidence: Evidence;
  /** What it resolves to (its `expression` is the quote); null when the text gives no way to tell. */
  time: Time | null;
  note: string | null;
}

export interface DevsetDocument {
  sourceId: string;
  /** The article's address (where it was read). */
  url: string;
  /** The annotation file, relative to the package. */
  file: string;
  /** Every date expression of the article text, in text order. */
  dates: GoldDate[];
  /** Actors the curated atlas holds that this document names or annotates. */
  knownActorIds: string[];
  /** Actors the curated atlas does not hold (defined in the devset) that the text names: each has a mention here. */
  newActorIds: string[];
  /**
   * Actors the curated atlas does not hold that the text only describes ("a security source",
   * "a spokesman for the coalition"): defined to carry a claim or a role, with no name to find.
   */
  describedActorIds: string[];
  /** The spellings this document adds to actors, as written in its file. */
  aliasesAdded: { actorId: string; name: string; kind: AliasKind }[];
}

export interface Devset {
  /** The curated corpus and the devset, validated together. */
  dataset: Dataset;
  files: Built["files"];
  documents: DevsetDocument[];
}

export interface DevsetOptions {
  /** The devset directory (holds corpus/, annotations/catalogue/ and annotations/documents/). */
  dir?: string;
  /** The curated corpus and annotations it builds on. */
  corpusDir?: string;
  annotationsDir?: string;
  /** Only these devset documents (the curated ones are all kept). */
  only?: string[];
}

function resolveDates(file: string, data: DevsetDocumentFile, source: Parameters<typeof resolveQuote>[0]) {
  const problems: Problem[] = [];
  const dates: GoldDate[] = [];
  data.dates.forEach((d, i) => {
    const r = resolveQuote(source, d);
    if (!r.ok) {
      problems.push({ file, record: d.quote, field: `dates[${i}]`, message: r.error });
      return;
    }
    let time: Time | null = null;
    if (d.edtf !== null) {
      try {
        time = {
          edtf: d.edtf,
          precision: precisionOf(d.edtf),
          basis: d.basis ?? "explicit",
          ...(d.part ? { part: d.part } : {}),
          expression: r.span.quote,
        };
      } catch (e) {
        problems.push({ file, record: d.quote, field: `dates[${i}].edtf`, message: (e as Error).message });
        return;
      }
    }
    dates.push({ evidence: r.span, time, note: d.note ?? null });
  });
  dates.sort((a, b) => a.evidence.start - b.evidence.start);
  for (let i = 1; i < dates.length; i++) {
    const [a, b] = [dates[i - 1] as GoldDate, dates[i] as GoldDate];
    if (b.evidence.start < a.evidence.end) {
      problems.push({
        file,
        field: "dates",
        message: `"${a.evidence.quote}" (${a.evidence.start}..${a.evidence.end}) and "${b.evidence.quote}" (${b.evidence.start}..${b.evidence.end}) overlap; one expression is one entry`,
      });
    }
  }
  return { dates, problems };
}

/** Builds the curated corpus and the devset into one validated dataset; throws AnnotationError listing every problem. */
export function loadDevset({
  dir = DEVSET_DIR,
  corpusDir = CORPUS_DIR,
  annotationsDir = ANNOTATIONS_DIR,
  only,
}: DevsetOptions = {}): Devset {
  const devsetCorpus = join(dir, "corpus");
  const resolved = new Map<string, { dates: GoldDate[]; url: string }>();
  const { dataset, files, extraDocuments } = buildDataset({
    corpusDir,
    annotationsDir,
    extra: {
      corpusDir: devsetCorpus,
      sourcesLabel: relative(PACKAGE_DIR, join(devsetCorpus, "sources.yaml")),
      documentsDir: join(dir, "annotations", "documents"),
      catalogueDir: join(dir, "annotations", "catalogue"),
      schema: DevsetDocumentFile,
      only,
      check: ({ file, data, source }) => {
        const { dates, problems } = resolveDates(file, data, source);
        if (!source.url) {
          problems.push({
            file,
            field: "source",
            message: `devset source "${source.id}" has no url; give the page's address in sources.yaml`,
          });
        }
        resolved.set(source.id, { dates, url: source.url ?? "" });
        return problems;
      },
    },
  });

  const devsetPrefix = `${relative(PACKAGE_DIR, dir)}${sep}`;
  const isCurated = (actorId: string) => (files.actors.get(actorId) ?? []).some((f) => !f.startsWith(devsetPrefix));
  // (With `only`, every document is read so references resolve; the ones asked for are listed.)
  const asked = only ? extraDocuments.filter(({ data }) => only.includes(data.source)) : extraDocuments;
  const documents = asked.map(({ file, data }): DevsetDocument => {
    const mentioned = new Set(dataset.mentions.filter((m) => m.sourceId === data.source).map((m) => m.actorId));
    const sorted = [...new Set([...data.actors.map((a) => a.id), ...mentioned])].sort();
    const added = sorted.filter((id) => !isCurated(id));
    const { dates, url } = resolved.get(data.source) ?? { dates: [], url: "" };
    return {
      sourceId: data.source,
      url,
      file,
      dates,
      knownActorIds: sorted.filter(isCurated),
      newActorIds: added.filter((id) => mentioned.has(id)),
      describedActorIds: added.filter((id) => !mentioned.has(id)),
      aliasesAdded: data.actors.flatMap((a) =>
        a.aliases.map((alias) =>
          typeof alias === "string"
            ? { actorId: a.id, name: alias, kind: "spelling" as const }
            : { actorId: a.id, name: alias.name, kind: alias.kind },
        ),
      ),
    };
  });
  return { dataset, files, documents };
}
