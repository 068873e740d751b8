/**
 * The analyst's workbench as commands: `atlas add` (a record from a document's exact words),
 * `edit`, `retire`, `restore`, `merge`, `unmerge`, `split`, `grade`, and the history: `history`,
 * `changes`. Every write names the reviewer whose token atlas sends (ATLAS_TOKEN).
 */
import {
  type AddRecordInput,
  describeChange,
  EDIT_FIELDS,
  fieldSpec,
  isEditable,
  isListField,
  type Patch,
  parseFieldValue,
  parseGrade,
  type RecordType,
} from "@atlas/data/workbench";
import { ActorKind, AliasKind, describeGrade, EventKind, ParticipantRole, RelationType, Stance } from "@atlas/schema";
import type { Command } from "commander";
import type { Atlas, ChangeFeed, RecordHistory, WriteResult } from "../data.js";
import { UsageError } from "../errors.js";
import { type Output, withAtlas } from "./context.js";
import { collectList, parseChoice, parseLimit } from "./options.js";
import { renderTable } from "./table.js";

const KINDS = ["claim", "event", "relation", "actor", "alias", "mention"] as const;
type Kind = (typeof KINDS)[number];

const repeat = (value: string, previous: string[] = []) => [...previous, value];

interface AddOptions {
  source?: string;
  quote?: string;
  occurrence?: string;
  reason?: string;
  json?: boolean;
  // actor / alias / mention
  name?: string;
  kind?: string;
  description?: string;
  id?: string;
  actor?: string;
  aliasKind?: string;
  documentOnly?: boolean;
  // relation
  relation?: string;
  from?: string;
  type?: string;
  to?: string;
  role?: string;
  time?: string;
  former?: boolean;
  note?: string;
  // event
  event?: string;
  title?: string;
  summary?: string;
  place?: string;
  participant?: string[];
  // claim
  claimant?: string;
  stance?: string;
  statement?: string;
  mode?: string;
  about?: string[];
  aboutEvent?: string[];
  said?: string;
  onBehalfOf?: string;
  via?: string;
  setting?: string;
  supports?: string[];
  contradicts?: string[];
  attribution?: string;
}

function need<T>(value: T | undefined, flag: string, kind: Kind): T {
  if (value === undefined || value === "") throw new UsageError(`${flag}: a new ${kind} needs it`);
  return value;
}

function wholeNumber(value: string | undefined, flag: string): number | undefined {
  return value === undefined ? undefined : parseLimit(value, flag);
}

function participants(values: string[] | undefined) {
  return (values ?? []).map((v) => {
    const [actorId = "", role = "participant"] = v.split(":").map((s) => s.trim());
    const r = parseChoice(role, ParticipantRole.options, "--participant", "a role");
    if (!actorId) throw new UsageError(`--participant: "${v}" names no actor; write actor-id:role`);
    return { actorId, role: r as (typeof ParticipantRole.options)[number] };
  });
}

/** The record `atlas add <kind>` asks for, from its flags; a missing or bad flag is a usage error. */
export function addInput(kind: Kind, o: AddOptions): AddRecordInput {
  const words = {
    sourceId: need(o.source, "--source", kind),
    quote: need(o.quote, "--quote", kind),
    ...(o.occurrence ? { occurrence: wholeNumber(o.occurrence, "--occurrence") } : {}),
  };
  switch (kind) {
    case "actor":
      return {
        kind,
        ...words,
        ...(o.name ? { name: o.name } : {}),
        actorKind: need(parseChoice(o.kind, ActorKind.options, "--kind", "an actor kind"), "--kind", kind),
        description: need(o.description, "--description", kind),
        ...(o.id ? { id: o.id } : {}),
      };
    case "alias":
      return {
        kind,
        ...words,
        actorId: need(o.actor, "--actor", kind),
        ...(o.name ? { name: o.name } : {}),
        ...(o.aliasKind
          ? { aliasKind: parseChoice(o.aliasKind, AliasKind.options, "--alias-kind", "an alias kind") }
          : {}),
        ...(o.documentOnly ? { documentOnly: true } : {}),
      };
    case "mention":
      return { kind, ...words, actorId: need(o.actor, "--actor", kind) };
    case "relation":
      if (o.relation) return { kind, ...words, relationId: o.relation };
      return {
        kind,
        ...words,
        fromId: need(o.from, "--from", kind),
        type: need(parseChoice(o.type, RelationType.options, "--type", "a relation type"), "--type", kind),
        toId: need(o.to, "--to", kind),
        ...(o.role ? { role: o.role } : {}),
        ...(o.time ? { time: o.time } : {}),
        ...(o.former ? { former: true } : {}),
        ...(o.note ? { note: o.note } : {}),
      };
    case "event":
      if (o.event) return { kind, ...words, eventId: o.event, participants: participants(o.participant) };
      return {
        kind,
        ...words,
        eventKind: need(parseChoice(o.kind, EventKind.options, "--kind", "an event kind"), "--kind", kind),
        title: need(o.title, "--title", kind),
        ...(o.summary ? { summary: o.summary } : {}),
        time: need(o.time, "--time", kind),
        ...(o.place ? { placeId: o.place } : {}),
        participants: participants(o.participant),
      };
    case "claim":
      return {
        kind,
        ...words,
        claimantId: need(o.claimant, "--claimant", kind),
        stance: need(parseChoice(o.stance, Stance.options, "--stance", "a stance"), "--stance", kind),
        statement: need(o.statement, "--statement", kind),
        ...(o.mode ? { mode: parseChoice(o.mode, ["direct", "indirect"] as const, "--mode", "a mode") } : {}),
        ...(o.about ? { aboutActorIds: o.about } : {}),
        ...(o.aboutEvent ? { aboutEventIds: o.aboutEvent } : {}),
        ...(o.said ? { said: o.said } : {}),
        ...(o.onBehalfOf ? { onBehalfOfId: o.onBehalfOf } : {}),
        ...(o.via ? { viaId: o.via } : {}),
        ...(o.setting ? { setting: o.setting } : {}),
        ...(o.supports ? { supportsIds: o.supports } : {}),
        ...(o.contradicts ? { contradictsIds: o.contradicts } : {}),
        ...(o.attribution ? { attribution: { sourceId: words.sourceId, quote: o.attribution } } : {}),
        ...(o.note ? { note: o.note } : {}),
      };
  }
}

/** "created claim kh-denies-… (version 1)", one line per record the write changed. */
function printResult(out: Output, result: WriteResult & { mergeId?: string }, json?: boolean) {
  if (json) return out.json(result);
  const lines = result.records.map((r) => `${r.recordType} ${r.recordId} → version ${r.version}`);
  out.text(
    [
      `Written by ${result.reviewer} at ${result.at}:`,
      ...lines.map((l) => `  ${l}`),
      ...(result.mergeId ? [`Undo with: atlas unmerge ${result.mergeId}`] : []),
    ].join("\n"),
  );
}

/** `field=value` → [field, value]; a usage error naming the flag when there is no `=`. */
function pair(flag: string, item: string): [string, string] {
  const at = item.indexOf("=");
  if (at < 1) throw new UsageError(`${flag}: "${item}" is not field=value`);
  return [item.slice(0, at).trim(), item.slice(at + 1)];
}

/** "source:start-end" → a span. */
function spanRef(item: string) {
  const m = /^(.+):(\d+)-(\d+)$/.exec(item.trim());
  if (!m) throw new UsageError(`--remove-evidence: "${item}" is not source-id:start-end (see atlas history or --json)`);
  return { sourceId: m[1] as string, start: Number(m[2]), end: Number(m[3]) };
}

/** The patch `atlas edit` sends, from --set/--add/--remove, checked against the record's fields. */
export function editPatch(
  type: RecordType,
  o: {
    set?: string[];
    add?: string[];
    remove?: string[];
    addEvidence?: string[];
    removeEvidence?: string[];
    source?: string;
    occurrence?: string;
  },
): Patch {
  if (!isEditable(type))
    throw new UsageError(`a ${type} is changed only by its grade: atlas grade <id> <grade> --reason …`);
  const patch: Patch = {};
  const typed = (flag: string, item: string, list: boolean) => {
    const [field, raw] = pair(flag, item);
    const spec = fieldSpec(type, field);
    if (typeof spec === "string") throw new UsageError(`${flag}: ${spec}`);
    if (list && !isListField(spec)) throw new UsageError(`${flag}: ${field} is not a list; use --set ${field}=…`);
    const value = parseFieldValue(spec, raw);
    if (value && typeof value === "object" && "problem" in value)
      throw new UsageError(`${flag}: ${(value as { problem: string }).problem}`);
    return { field, value, spec };
  };
  for (const item of o.set ?? []) {
    const { field, value } = typed("--set", item, false);
    patch.set = { ...patch.set, [field]: value };
  }
  for (const [flag, key] of [
    ["--add", "add"],
    ["--remove", "remove"],
  ] as const) {
    for (const item of o[key] ?? []) {
      const { field, value } = typed(flag, item, true);
      const items = Array.isArray(value) ? value : [value];
      patch[key] = { ...patch[key], [field]: [...(patch[key]?.[field] ?? []), ...items] };
    }
  }
  if (o.addEvidence?.length) {
    if (!o.source) throw new UsageError("--source: --add-evidence needs the document the words are in");
    patch.addEvidence = o.addEvidence.map((quote) => ({
      sourceId: o.source as string,
      quote,
      ...(o.occurrence ? { occurrence: wholeNumber(o.occurrence, "--occurrence") as number } : {}),
    }));
  }
  if (o.removeEvidence?.length) patch.removeEvidence = o.removeEvidence.map(spanRef);
  if (!patch.set && !patch.add && !patch.remove && !patch.addEvidence && !patch.removeEvidence) {
    throw new UsageError(
      `nothing to change: give --set field=value, --add, --remove, --add-evidence or --remove-evidence (a ${type}'s fields: ${EDIT_FIELDS[type].map((f) => f.field).join(", ")})`,
    );
  }
  return patch;
}

function printHistory(out: Output, h: RecordHistory) {
  const head = `${h.recordType} ${h.recordId} · version ${h.version}${h.retired ? " · retired (atlas restore brings it back)" : ""}`;
  if (h.entries.length === 0) return out.text(`${head}\nNo changes: as the curated data has it.`);
  out.text(
    [
      head,
      renderTable(
        [
          { header: "WHEN", max: 24 },
          { header: "WHO", max: 16 },
          { header: "V", align: "right" },
          { header: "WHAT", flex: true },
        ],
        h.entries.map((e) => [
          e.at.replace("T", " ").replace(/\.\d+Z$/, "Z"),
          e.reviewer,
          String(e.version),
          `${describeChange(e)}${e.reason ? `\n${out.theme.ansi("muted", `why: ${e.reason}`)}` : ""}`,
        ]),
        out,
      ),
    ].join("\n"),
  );
}

function printFeed(out: Output, f: ChangeFeed) {
  const counts = `${f.created.length} created · ${f.changed.length} changed · ${f.retired.length} retired`;
  const rows = [
    ...f.created.map((r) => ["created", r]),
    ...f.changed.map((r) => ["changed", r]),
    ...f.retired.map((r) => ["retired", r]),
  ] as [string, ChangeFeed["created"][number]][];
  out.text(
    [
      `Since ${f.since}: ${counts} (revision ${f.revision})`,
      ...(rows.length
        ? [
            renderTable(
              [
                { header: "" },
                { header: "RECORD", flex: true },
                { header: "V", align: "right" },
                { header: "WHEN", max: 24 },
              ],
              rows.map(([what, r]) => [what, `${r.recordType} ${r.recordId}`, String(r.version), r.at]),
              out,
            ),
          ]
        : []),
      `Next: atlas changes --since ${f.until}`,
    ].join("\n"),
  );
}

const reasonOption = (c: Command, required = false) =>
  required
    ? c.requiredOption("--reason <why>", "why, for the history (required)")
    : c.option("--reason <why>", "why, for the history");

/** `atlas add`: a record made from a document's exact words. */
function registerAdd(program: Command): void {
  const add = program
    .command("add")
    .description("make a record from a document's exact words (the quote must occur in it)")
    .argument("<kind>", `what to make: ${KINDS.join(", ")}`)
    .requiredOption("--source <id>", "the document the words are in")
    .requiredOption("--quote <words>", "the exact words, as in the document: the record's evidence")
    .option("--occurrence <n>", "which occurrence, when the words occur more than once")
    .option("--name <name>", "actor, alias: the name (default: the words)")
    .option("--kind <kind>", "actor: its kind; event: its kind")
    .option("--description <text>", "actor: who it is, as the documents say")
    .option("--id <id>", "actor: the id to give it")
    .option("--actor <id>", "alias, mention: the actor")
    .option("--alias-kind <kind>", "alias: spelling, transliteration, misspelling, abbreviation, short_name…")
    .option("--document-only", "alias: match the name only in this document (a first name)")
    .option("--relation <id>", "relation: add the words to this relation instead")
    .option("--from <id>", "relation: from (actor)")
    .option("--type <type>", "relation: its type (leads, member_of, backed_by…)")
    .option("--to <id>", "relation: to (actor)")
    .option("--role <words>", "relation: the role in the document's words")
    .option("--time <date>", 'relation, event: when (2020-01-03, 2019-12, "3 January 2020")')
    .option("--former", "relation: it has ended")
    .option("--note <text>", "relation, claim: a note")
    .option("--event <id>", "event: add the words to this event as this document's account")
    .option("--title <text>", "event: a short headline")
    .option("--summary <text>", "event: what happened (default: the words)")
    .option("--place <id>", "event: where")
    .option("--participant <actor:role>", "event: who took part, repeatable", repeat)
    .option("--claimant <id>", "claim: who said it")
    .option("--stance <stance>", "claim: denies, accuses, asserts…")
    .option("--statement <text>", "claim: what was claimed, as one plain sentence")
    .option("--mode <mode>", "claim: direct (their own words) or indirect")
    .option("--about <ids>", "claim: actors it is about", collectList)
    .option("--about-event <ids>", "claim: events it is about", collectList)
    .option("--said <date>", "claim: when it was said")
    .option("--on-behalf-of <id>", "claim: the actor the claimant speaks for")
    .option("--via <id>", "claim: who relayed it")
    .option("--setting <words>", "claim: where or how it was said")
    .option("--supports <ids>", "claim: claims it supports", collectList)
    .option("--contradicts <ids>", "claim: claims it contradicts", collectList)
    .option("--attribution <words>", "claim: the words naming the speaker, when outside the quote")
    .option("--json", "print the result as JSON");
  reasonOption(add).action(async (kind: string, opts: AddOptions, cmd: Command) => {
    const k = parseChoice(kind, KINDS, "<kind>", "a kind of record") as Kind;
    const record = addInput(k, opts);
    await withAtlas(cmd, async (atlas, out) => {
      const result = await atlas.write(`add the ${k}`, (p) => p.records.add({ record, reason: opts.reason }));
      printResult(out, result, opts.json);
    });
  });
}

/** `atlas edit`: a record's fields set, its version checked. */
function registerEdit(program: Command): void {
  const edit = program
    .command("edit")
    .description("correct a record: set fields, add or remove list items and evidence")
    .argument("<id>", "the record's id (a mention's is <source>@<start>)")
    .option("--set <field=value>", "set a field (none clears an optional one; lists take commas), repeatable", repeat)
    .option("--add <field=value>", "add to a list field (ids; participants as actor:role), repeatable", repeat)
    .option("--remove <field=value>", "remove from a list field (an alias by name), repeatable", repeat)
    .option("--add-evidence <words>", "more exact words of --source that state it, repeatable", repeat)
    .option("--source <id>", "the document of --add-evidence")
    .option("--occurrence <n>", "which occurrence of the words of --add-evidence")
    .option("--remove-evidence <source:start-end>", "drop a span, repeatable", repeat)
    .option("--if-version <n>", "only if the record is still at this version (refused if it changed since)")
    .option("--type <type>", "the kind of record, when two kinds share the id")
    .option("--json", "print the result as JSON");
  reasonOption(edit).action(
    async (
      id: string,
      opts: {
        set?: string[];
        add?: string[];
        remove?: string[];
        addEvidence?: string[];
        source?: string;
        occurrence?: string;
        removeEvidence?: string[];
        ifVersion?: string;
        type?: string;
        reason?: string;
        json?: boolean;
      },
      cmd: Command,
    ) => {
      const version = wholeNumber(opts.ifVersion, "--if-version");
      await withAtlas(cmd, async (atlas, out) => {
        const type = await recordType(atlas, id, opts.type);
        const patch = editPatch(type, opts);
        const result = await atlas.write(`edit ${type} "${id}"`, (p) =>
          p.records.edit({ id, type, patch, version, reason: opts.reason }),
        );
        printResult(out, result, opts.json);
      });
    },
  );
}

/** `atlas retire` and `atlas restore`: out of every view and back, kept in the history. */
function registerRetireRestore(program: Command): void {
  for (const [name, description, required] of [
    ["retire", "take a record out of every view and export (kept in the history; atlas restore brings it back)", true],
    ["restore", "bring a retired record back as it was", false],
  ] as const) {
    const c = program
      .command(name)
      .description(description)
      .argument("<id>", "the record's id")
      .option("--type <type>", "the kind of record, when two kinds share the id")
      .option("--json", "print the result as JSON");
    if (name === "retire") c.option("--if-version <n>", "only if the record is still at this version");
    reasonOption(c, required).action(
      async (
        id: string,
        opts: { type?: string; ifVersion?: string; reason?: string; json?: boolean },
        cmd: Command,
      ) => {
        const version = wholeNumber(opts.ifVersion, "--if-version");
        await withAtlas(cmd, async (atlas, out) => {
          const type = opts.type ? await recordType(atlas, id, opts.type) : undefined;
          const result = await atlas.write(`${name} "${id}"`, (p) =>
            name === "retire"
              ? p.records.retire({ id, type, version, reason: opts.reason ?? "" })
              : p.records.restore({ id, type, reason: opts.reason }),
          );
          printResult(out, result, opts.json);
        });
      },
    );
  }
}

/** `atlas merge`, `unmerge` and `split`: actors joined, a merge undone, a name split off. */
function registerMerges(program: Command): void {
  reasonOption(
    program
      .command("merge")
      .description(
        "merge an actor into another: its names (keeping their origin), evidence, mentions and every record naming it move",
      )
      .argument("<actor>", "the actor that goes")
      .argument("<into>", "the actor that stays")
      .option("--as <alias-kind>", "what its name becomes: spelling (default), transliteration, misspelling…")
      .option("--json", "print the result as JSON"),
  ).action(
    async (actorId: string, intoId: string, opts: { as?: string; reason?: string; json?: boolean }, cmd: Command) => {
      const aliasKind = parseChoice(opts.as, AliasKind.options, "--as", "an alias kind");
      await withAtlas(cmd, async (atlas, out) => {
        const result = await atlas.write(`merge "${actorId}" into "${intoId}"`, (p) =>
          p.records.merge({ actorId, intoId, ...(aliasKind ? { aliasKind } : {}), reason: opts.reason }),
        );
        printResult(out, result, opts.json);
      });
    },
  );

  reasonOption(
    program
      .command("unmerge")
      .description("undo a merge (refused if anything it changed has changed since)")
      .argument("<merge-id>", "the merge's id, as atlas merge printed it (merge-1…)")
      .option("--json", "print the result as JSON"),
  ).action(async (mergeId: string, opts: { reason?: string; json?: boolean }, cmd: Command) => {
    await withAtlas(cmd, async (atlas, out) => {
      printResult(
        out,
        await atlas.write(`undo ${mergeId}`, (p) => p.records.unmerge({ mergeId, reason: opts.reason })),
        opts.json,
      );
    });
  });

  reasonOption(
    program
      .command("split")
      .description("split one of an actor's names off into an actor of its own, with the mentions found by that name")
      .argument("<actor>", "the actor that has the name")
      .requiredOption("--alias <name>", "the name to split off")
      .requiredOption("--description <text>", "who the new actor is, as the documents say")
      .option("--id <id>", "the new actor's id")
      .option("--kind <kind>", "the new actor's kind (default: the actor's)")
      .option("--json", "print the result as JSON"),
  ).action(
    async (
      actorId: string,
      opts: { alias: string; description: string; id?: string; kind?: string; reason?: string; json?: boolean },
      cmd: Command,
    ) => {
      const actorKind = parseChoice(opts.kind, ActorKind.options, "--kind", "an actor kind");
      await withAtlas(cmd, async (atlas, out) => {
        const result = await atlas.write(`split "${opts.alias}" off "${actorId}"`, (p) =>
          p.records.split({
            actorId,
            alias: opts.alias,
            description: opts.description,
            ...(opts.id ? { id: opts.id } : {}),
            ...(actorKind ? { actorKind } : {}),
            reason: opts.reason,
          }),
        );
        printResult(out, result, opts.json);
        if (!opts.json) out.text(`New actor: ${result.actorId}`);
      });
    },
  );
}

/** `atlas grade`: a source's reliability or a claim's credibility. */
function registerGrade(program: Command): void {
  reasonOption(
    program
      .command("grade")
      .description("grade a source's reliability (A–F) or a claim's credibility (1–6); none clears it")
      .argument("<id>", "a source's or a claim's id")
      .argument("<grade>", "A–F for a source, 1–6 for a claim, none")
      .option("--json", "print the result as JSON"),
    true,
  ).action(async (id: string, raw: string, opts: { reason: string; json?: boolean }, cmd: Command) => {
    await withAtlas(cmd, async (atlas, out) => {
      const type = await recordType(atlas, id, undefined);
      if (type !== "source" && type !== "claim")
        throw new UsageError(`<id>: "${id}" is a ${type}; only sources and claims are graded`);
      const grade = parseGrade(type, raw);
      if (grade !== null && typeof grade === "object") throw new UsageError(grade.problem);
      const result = await atlas.write(`grade ${type} "${id}"`, (p) =>
        type === "source"
          ? p.records.grade({ id, type, grade: grade as "A" | null, reason: opts.reason })
          : p.records.grade({ id, type, grade: grade as number | null, reason: opts.reason }),
      );
      if (opts.json) return out.json(result);
      out.text(`${type} ${id}: ${describeGrade(grade === null ? null : { grade })}, by ${result.reviewer}`);
    });
  });
}

/** `atlas history` and `atlas changes`: who changed what, when and why. */
function registerHistory(program: Command): void {
  program
    .command("history")
    .description("every change to a record: who, when, what changed, why (retired records too)")
    .argument("<id>", "the record's id (a merge's, a suggestion's and a reviewer's name work too)")
    .option("--type <type>", "the kind of record, when two kinds share the id")
    .option("--json", "print the history as JSON (RecordHistory)")
    .action(async (id: string, opts: { type?: string; json?: boolean }, cmd: Command) => {
      await withAtlas(cmd, async (atlas, out) => {
        const h = await atlas.read(`the history of "${id}"`, (p) =>
          p.records.history({ id, ...(opts.type ? { type: opts.type as RecordType } : {}) }),
        );
        if (opts.json) return out.json(h);
        printHistory(out, h);
      });
    });

  program
    .command("changes")
    .description("what changed since a time: created, changed and retired ids (follow with --since <until>)")
    .requiredOption("--since <timestamp>", "an ISO time, e.g. 2026-12-06T10:00:00Z")
    .option("--json", "print the feed as JSON (ChangeFeed)")
    .action(async (opts: { since: string; json?: boolean }, cmd: Command) => {
      if (Number.isNaN(new Date(opts.since).getTime())) {
        throw new UsageError(`--since: "${opts.since}" is not a time; write it as 2026-12-06T10:00:00Z`);
      }
      await withAtlas(cmd, async (atlas, out) => {
        const feed = await atlas.read("the changes", (p) => p.records.changes({ since: opts.since }));
        if (opts.json) return out.json(feed);
        printFeed(out, feed);
      });
    });
}

/** The workbench's subcommands: add, edit, retire, restore, merge, unmerge, split, grade, history, changes. */
export function registerWorkbench(program: Command): void {
  registerAdd(program);
  registerEdit(program);
  registerRetireRestore(program);
  registerMerges(program);
  registerGrade(program);
  registerHistory(program);
}

/** Which kind of record an id names (asked of the history, which knows retired ones too). */
async function recordType(atlas: Atlas, id: string, type: string | undefined): Promise<RecordType> {
  const h = await atlas.read(`record "${id}"`, (p) =>
    p.records.history({ id, ...(type ? { type: type as RecordType } : {}) }),
  );
  if (h.recordType === "merge" || h.recordType === "suggestion" || h.recordType === "reviewer") {
    throw new UsageError(`<id>: "${id}" is a ${h.recordType}, not a record`);
  }
  return h.recordType;
}
