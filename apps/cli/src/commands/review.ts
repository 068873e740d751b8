/**
 * `atlas review`: the review of ingested documents' suggestions. Alone (or with a source id),
 * the interactive review on a terminal; with --list, --accept, --reject or --accept-all, one
 * scriptable step that prints a table, a result, or JSON with --json.
 */
import { SUGGESTION_KINDS } from "@atlas/data/review";
import type { Command } from "commander";
import {
  type Atlas,
  type IngestedDocument,
  SUGGESTION_STATUSES,
  type Suggestion,
  type SuggestionEdit,
} from "../data.js";
import { NotFoundError, RefusedError, UsageError } from "../errors.js";
import { prepareInk } from "../ink-env.js";
import { collect } from "../pages.js";
import { statusCount } from "../screens/review.js";
import { countOf, headline, outcome, recordCommand } from "../screens/suggestion.js";
import { type Output, withAtlas } from "./context.js";
import { parseChoice } from "./options.js";
import { breakId, renderTable } from "./table.js";

interface Options {
  list?: boolean;
  kind?: string;
  status?: string;
  accept?: string;
  edit?: string;
  reject?: string;
  note?: string;
  acceptAll?: string;
  minConfidence?: string;
  json?: boolean;
}

const EDIT_EXAMPLE = `'{"actorId":"kataib-hezbollah"}'`;

export function parseEdit(value: string | undefined): SuggestionEdit | undefined {
  if (value === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (e) {
    throw new UsageError(`--edit: is not JSON (${(e as Error).message}); write an object such as ${EDIT_EXAMPLE}`);
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new UsageError(`--edit: must be a JSON object such as ${EDIT_EXAMPLE}`);
  }
  // The server checks the fields against the suggestion's kind and says which do not apply.
  return parsed as SuggestionEdit;
}

function parseConfidence(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!value.trim() || !Number.isFinite(n) || n < 0 || n > 1) {
    throw new UsageError(`--min-confidence: "${value}" is not a number between 0 and 1; write e.g. 0.9`);
  }
  return n;
}

function parseNote(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const t = value.trim();
  if (!t) throw new UsageError("--note: is empty; give the reason, or leave the flag out");
  if (t.length > 1000) throw new UsageError(`--note: is ${t.length} characters long; 1000 at most`);
  return t;
}

/** Which one thing the flags ask for; combinations that make no sense are usage errors. */
function checkFlags(sourceId: string | undefined, o: Options): void {
  const actions = [
    o.list && "--list",
    o.accept !== undefined && "--accept",
    o.reject !== undefined && "--reject",
    o.acceptAll !== undefined && "--accept-all",
  ].filter(Boolean);
  if (actions.length > 1) throw new UsageError(`${actions.join(", ")}: choose one`);
  if (o.edit !== undefined && o.accept === undefined)
    throw new UsageError("--edit: goes with --accept <suggestion-id>");
  if (o.note !== undefined && o.accept === undefined && o.reject === undefined) {
    throw new UsageError("--note: goes with --accept or --reject");
  }
  if ((o.kind !== undefined || o.status !== undefined) && !(o.list && sourceId)) {
    throw new UsageError(
      `${o.kind !== undefined ? "--kind" : "--status"}: goes with a document's list: atlas review <source-id> --list`,
    );
  }
  const single = o.accept !== undefined ? "--accept" : o.reject !== undefined ? "--reject" : null;
  if (single && sourceId) {
    throw new UsageError(
      `${single}: takes the suggestion id alone (it names its document); leave out "${sourceId}": atlas review ${single} <suggestion-id>`,
    );
  }
  if (o.minConfidence !== undefined && o.acceptAll === undefined) {
    throw new UsageError("--min-confidence: goes with --accept-all <kind>");
  }
  if (o.acceptAll !== undefined && !sourceId) {
    throw new UsageError("--accept-all: name the document too: atlas review <source-id> --accept-all <kind>");
  }
  if (o.json && actions.length === 0) {
    throw new UsageError(
      "--json: goes with --list, --accept, --reject or --accept-all (the interactive review has no JSON)",
    );
  }
}

/** A source id that is an ingested document; anything else exits 1 with what to do. */
async function requireIngested(atlas: Atlas, sourceId: string): Promise<IngestedDocument> {
  const docs = await atlas.ingestedDocuments();
  const found = docs.find((d) => d.sourceId === sourceId);
  if (found) return found;
  const curated = await atlas.source(sourceId).then(
    () => true,
    () => false,
  );
  throw new NotFoundError(
    curated
      ? `"${sourceId}" is a curated document: only ingested documents have suggestions to review. List them with: atlas review --list`
      : `No ingested document with id "${sourceId}". List them with: atlas review --list`,
  );
}

/** Over --edit, the server's word on the edit is a usage error naming the flag. */
function editError(e: unknown): unknown {
  if (e instanceof UsageError) return new UsageError(`--edit: ${e.message.replace(/^edit: /, "")}`);
  if (e instanceof RefusedError && e.message.startsWith("Invalid edit: ")) {
    return new UsageError(`--edit: ${e.message.slice("Invalid edit: ".length)}`);
  }
  return e;
}

function printDocuments(docs: IngestedDocument[], out: Output): void {
  if (docs.length === 0) {
    out.text("Nothing has been ingested yet. Add a document with: atlas ingest <file>");
    return;
  }
  out.text(
    renderTable(
      [
        { header: "SOURCE ID", id: true, max: 40 },
        { header: "TITLE", flex: true },
        { header: "TO REVIEW", align: "right" },
        { header: "ACCEPTED", align: "right" },
        { header: "REJECTED", align: "right" },
      ],
      docs.map((d) => [
        d.sourceId,
        d.title,
        String(statusCount(d, "suggested")),
        String(statusCount(d, "accepted")),
        String(statusCount(d, "rejected")),
      ]),
      out,
    ),
  );
}

/** Long record ids (claims' slugs) broken after a hyphen, so the table wraps them instead of cutting them. */
const unbroken = (text: string) =>
  text
    .split(" ")
    .map((w) => (w.length > 30 ? breakId(w, 30) : w))
    .join(" ");

function printSuggestions(items: Suggestion[], out: Output): void {
  if (items.length === 0) {
    out.text("No suggestions match.");
    return;
  }
  out.text(
    renderTable(
      [{ header: "ID", id: true, max: 48 }, { header: "STATUS" }, { header: "SUGGESTION", flex: true }],
      items.map((s) => [
        s.id,
        s.status,
        s.status === "suggested" ? headline(s) : `${headline(s)}\n${out.theme.ansi("muted", unbroken(outcome(s)))}`,
      ]),
      out,
    ),
  );
}

function printAccepted(s: Suggestion, out: Output): void {
  const lines = [`${s.id}: ${outcome(s)}`];
  const commands = [...new Set(s.records.map((r) => recordCommand(r, s)))];
  if (commands.length) lines.push(`See: ${commands.join(" · ")}`);
  out.text(lines.join("\n"));
}

export function registerReview(program: Command): void {
  program
    .command("review")
    .description("review the suggestions found in ingested documents: interactively, or one step at a time")
    .argument("[source-id]", "an ingested document (see `atlas review --list`); without it, the list of documents")
    .option("--list", "print the document's suggestions (without a source id: the ingested documents)")
    .option("--kind <kind>", `with --list: only ${SUGGESTION_KINDS.join(", ")}`)
    .option("--status <status>", `with --list: only ${SUGGESTION_STATUSES.join(", ")}`)
    .option("--accept <suggestion-id>", "accept a suggestion: creates the records it proposes")
    .option("--edit <json>", `with --accept: change it first, e.g. ${EDIT_EXAMPLE}`)
    .option("--reject <suggestion-id>", "reject a suggestion; nothing is created")
    .option("--note <text>", "with --accept or --reject: why, for the record")
    .option("--accept-all <kind>", "accept every suggestion of this kind still to review in the document")
    .option("--min-confidence <n>", "with --accept-all: only those at least this sure (0–1), e.g. 0.9")
    .option("--json", "print the result as JSON")
    .addHelpText(
      "after",
      `
Interactive keys: ↑↓/jk move · a accept · r reject · e edit, then Enter accepts · 1–9 accept a
mention as that candidate actor · m add to the event or relation the atlas holds · c a new one ·
A accept all of the kind under the cursor (type a confidence floor) · n/p next/previous still
to review · Esc back · q quit

Examples:
  atlas review                                           the interactive review
  atlas review 2015-the-volunteers-of-sinsil --list --kind actor --json
  atlas review --accept 2015-the-volunteers-of-sinsil.actor-1 --edit '{"actorKind":"military"}'
  atlas review --reject 2015-the-volunteers-of-sinsil.actor-2 --note "not an actor"
  atlas review 2015-the-volunteers-of-sinsil --accept-all mention --min-confidence 0.9`,
    )
    .action(async (sourceId: string | undefined, o: Options, cmd: Command) => {
      checkFlags(sourceId, o);
      const kind = parseChoice(o.kind, SUGGESTION_KINDS, "--kind", "a kind of suggestion");
      const status = parseChoice(o.status, SUGGESTION_STATUSES, "--status", "a review status");
      const allKind = parseChoice(o.acceptAll, SUGGESTION_KINDS, "--accept-all", "a kind of suggestion");
      const edit = parseEdit(o.edit);
      const note = parseNote(o.note);
      const minConfidence = parseConfidence(o.minConfidence);

      await withAtlas(cmd, async (atlas, out) => {
        if (o.list && !sourceId) {
          const docs = await atlas.ingestedDocuments();
          return o.json ? out.json(docs) : printDocuments(docs, out);
        }
        if (o.list && sourceId) {
          await requireIngested(atlas, sourceId);
          const items = await collect((page) =>
            atlas.suggestions({ sourceId, ...(kind ? { kind } : {}), ...(status ? { status } : {}), ...page }),
          );
          return o.json ? out.json(items) : printSuggestions(items, out);
        }
        if (o.accept !== undefined) {
          const result = await atlas
            .accept({ id: o.accept, ...(edit ? { edit } : {}), ...(note ? { note } : {}) })
            .catch((e: unknown) => {
              throw edit ? editError(e) : e;
            });
          return o.json ? out.json(result) : printAccepted(result.suggestion, out);
        }
        if (o.reject !== undefined) {
          const rejected = await atlas.reject({ id: o.reject, ...(note ? { note } : {}) });
          return o.json ? out.json(rejected) : out.text(`${rejected.id}: ${outcome(rejected)}`);
        }
        if (sourceId && allKind) {
          await requireIngested(atlas, sourceId);
          const result = await atlas.acceptAll({ sourceId, kind: allKind, minConfidence });
          const floor = minConfidence === undefined ? "" : ` at confidence ${minConfidence} or more`;
          if (o.json) out.json(result);
          else out.text(`Accepted ${countOf(allKind, result.accepted)}${floor} in ${sourceId}.`);
          if (result.failed.length > 0) {
            throw new RefusedError(
              `${result.failed.length} could not be accepted as they are; edit them first (atlas review --accept <id> --edit …):\n` +
                result.failed.map((f) => `  ${f.id}: ${f.message}`).join("\n"),
            );
          }
          return;
        }
        if (sourceId) await requireIngested(atlas, sourceId);
        prepareInk(out.theme.color);
        const { runReview } = await import("../review-tui.js");
        await runReview({ atlas, theme: out.theme, ...(sourceId ? { sourceId } : {}) });
      });
    });
}
