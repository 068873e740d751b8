/**
 * `atlas`: with no command, the full-screen explorer; with one, a scriptable subcommand.
 * Exit codes: 0 ok, 1 not found or data unreachable, 2 usage error (the bad flag is named).
 * Subcommands never load Ink; the explorer is imported only when it runs.
 */

import { Command, CommanderError } from "commander";
import { registerActor } from "./commands/actor.js";
import { registerActors } from "./commands/actors.js";
import { registerClaims } from "./commands/claims.js";
import { stderrLog } from "./commands/context.js";
import { registerDossier } from "./commands/dossier.js";
import { registerEvents } from "./commands/events.js";
import { registerExport } from "./commands/export.js";
import { registerImport } from "./commands/import.js";
import { registerIngest } from "./commands/ingest.js";
import { registerPath } from "./commands/path.js";
import { registerRecords } from "./commands/records.js";
import { registerReview } from "./commands/review.js";
import { registerReviewers } from "./commands/reviewers.js";
import { registerSearch } from "./commands/search.js";
import { registerSources } from "./commands/sources.js";
import { registerWorkbench } from "./commands/workbench.js";
import { prepareConnection } from "./connect.js";
import { readCliEnv } from "./env.js";
import { EXIT, isCliError } from "./errors.js";
import { prepareInk } from "./ink-env.js";
import { makeTheme, wantsColor } from "./theme.js";
import { readToken } from "./token.js";

const VERSION = "0.1.0";
const ROOT_FLAGS = new Set(["--verbose", "--no-color"]);

function program(): Command {
  const p = new Command("atlas")
    .description(
      "Militia Atlas in the terminal: who Iraq's armed groups are, what happened and who said what.\n" +
        "Run `atlas` alone for the full-screen explorer (arrows or j/k, Enter, Esc, Tab, /, ?, q).",
    )
    .version(VERSION, "-V, --version")
    .option("--verbose", "say on stderr where the data comes from (the API or the embedded database)")
    .option("--no-color", "no colour (also: NO_COLOR=1, or any output that is not a terminal)")
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ outputError: (str, write) => write(`atlas: ${str.replace(/^error: /, "")}`) })
    .addHelpText(
      "after",
      `
Environment:
  ATLAS_API_URL    the API to use (default http://127.0.0.1:4000); when none answers, the
                   embedded database is opened in this process (seeded on first use)
  ATLAS_DATA_DIR   the embedded database's directory (default .data/pglite in the repository)
  DATABASE_URL     use PostgreSQL instead of the embedded database
  ATLAS_TOKEN      your reviewer token (atlas reviewers add NAME prints it): writes are
                   in the history under your name
  ATLAS_INGEST_TOKEN
                   the first admin's shared token, used when ATLAS_TOKEN is unset (default:
                   the file .data/ingest-token that npm start creates)
  NO_COLOR         any value turns colour off

Exit codes: 0 ok · 1 not found, refused (an empty, binary or duplicate document…), or the
data could not be reached · 2 usage error

Examples:
  atlas actors --kind armed_group --sort mentions
  atlas actor kataib-hezbollah
  atlas dossier kataib-hezbollah --format md > kataib-hezbollah.md
  atlas path kataib-hezbollah asaib-ahl-al-haq
  atlas events --from 2019-12 --to 2020-01 --json
  atlas claims --about kataib-hezbollah --stance denies,alleges
  atlas search Khazali
  atlas export --format stix --out exports/
  atlas ingest article.txt --published 2015-03-10 --publisher Bloomberg
  atlas import other-atlas.json
  atlas review 2015-the-volunteers-of-sinsil
  atlas add claim --source 2020-party-by-day-fighters-by-night --quote "…" --claimant … --stance denies --statement "…"
  atlas edit us-alleges --set stance=accuses --reason "…"
  atlas history kataib-hezbollah
  atlas changes --since 2026-12-01T00:00:00Z --json`,
    );
  registerActors(p);
  registerActor(p);
  registerDossier(p);
  registerEvents(p);
  registerClaims(p);
  registerSources(p);
  registerRecords(p);
  registerSearch(p);
  registerPath(p);
  registerExport(p);
  registerIngest(p);
  registerImport(p);
  registerReview(p);
  registerWorkbench(p);
  registerReviewers(p);
  return p;
}

async function explorer(args: string[]): Promise<number> {
  const env = readCliEnv();
  const color = wantsColor({
    noColorEnv: env.NO_COLOR,
    flag: !args.includes("--no-color"),
    isTTY: process.stdout.isTTY,
  });
  prepareInk(color);
  // The API probe goes ahead while Ink loads.
  prepareConnection(env.ATLAS_API_URL);
  const { runTui } = await import("./tui.js");
  return runTui({
    apiUrl: env.ATLAS_API_URL,
    theme: makeTheme(color),
    log: stderrLog(args.includes("--verbose")),
    // Spans marked in the reader are written under this reviewer, as `atlas add` is.
    token: () => readToken(env),
  });
}

export async function main(argv: string[]): Promise<number> {
  const args = argv.slice(2);
  try {
    if (args.every((a) => ROOT_FLAGS.has(a))) return await explorer(args);
    await program().parseAsync(argv);
    return EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (isCliError(e)) {
      process.stderr.write(`atlas: ${e.message}\n`);
      return e.exitCode;
    }
    process.stderr.write(`atlas: unexpected error: ${(e as Error).stack ?? e}\n`);
    return EXIT.failure;
  }
}

// A reader that stops early (`atlas export | head`) closes the pipe: that is the reader's choice,
// not an error of ours, so stop quietly as Unix tools do instead of printing a stack trace.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(EXIT.ok);
  throw e;
});

process.exitCode = await main(process.argv);
// Open handles (a database pool, a keep-alive socket) must not keep a finished command alive,
// but everything written must reach the pipe first.
await new Promise<void>((resolve) => process.stdout.write("", () => resolve()));
process.exit();
