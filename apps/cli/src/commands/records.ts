/** `atlas event|claim|source <id>`: one record, as the explorer shows it, or as JSON. */
import type { Command } from "commander";
import { DocBuilder } from "../doc.js";
import { claimScreen } from "../screens/claim.js";
import { eventScreen } from "../screens/event.js";
import { readerScreen } from "../screens/reader.js";
import { sourceScreen } from "../screens/source.js";
import { withAtlas } from "./context.js";

export function registerRecords(program: Command): void {
  program
    .command("event")
    .description("one event: when and how we know, participants and roles, deaths as reported, every source")
    .argument("<id>", "the event's id (see `atlas events`)")
    .option("--json", "print the event as JSON")
    .action(async (id: string, opts: { json?: boolean }, cmd: Command) => {
      await withAtlas(cmd, async (atlas, out) => {
        const event = await atlas.event(id);
        if (opts.json) return out.json(event);
        out.doc(eventScreen(event, new DocBuilder(out.columns, out.theme)).doc);
      });
    });

  program
    .command("claim")
    .description("one claim: who said it, with what stance, when, in which words, and what agrees or disagrees")
    .argument("<id>", "the claim's id (see `atlas claims`)")
    .option("--json", "print the claim as JSON")
    .action(async (id: string, opts: { json?: boolean }, cmd: Command) => {
      await withAtlas(cmd, async (atlas, out) => {
        const claim = await atlas.claim(id);
        if (opts.json) return out.json(claim);
        out.doc(claimScreen(claim, new DocBuilder(out.columns, out.theme)).doc);
      });
    });

  program
    .command("source")
    .description("one source document: its metadata and how it was established; --text prints it annotated")
    .argument("<id>", "the source's id (see `atlas sources`)")
    .option("--text", "print the document's text with mentions, claims' words and event evidence marked")
    .option("--json", "print the source (text, segments, annotations) as JSON")
    .action(async (id: string, opts: { json?: boolean; text?: boolean }, cmd: Command) => {
      await withAtlas(cmd, async (atlas, out) => {
        const source = await atlas.source(id);
        if (opts.json) return out.json(source);
        const b = new DocBuilder(out.columns, out.theme);
        out.doc((opts.text ? readerScreen(source, undefined, b) : sourceScreen(source, b)).doc);
      });
    });
}
