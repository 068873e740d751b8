/**
 * Names attested outside the documents (outside/aliases.yaml): each is added to its actor with
 * `outside` saying where it comes from. A name the documents already use everywhere adds nothing;
 * one a document uses only in its own sense ("Washington") is widened to every new document.
 * An unknown actor is refused.
 */
import { existsSync } from "node:fs";
import { type Alias, describeIssues } from "@atlas/schema";
import type { Problem } from "./errors.js";
import { readYaml } from "./files.js";
import { OutsideAliasesFile } from "./format.js";
import type { ActorRecord } from "./records.js";

/** A name the documents use themselves (an outside attestation may widen a document's own name). */
export const isDocumentName = (a: Alias) => !a.outside || a.sourceIds.length > 0;

export function addOutsideAliases(problems: Problem[], path: string, actors: ActorRecord[], file: string) {
  if (!existsSync(path)) return;
  const raw = readYaml(path, problems, file);
  if (raw === undefined) return;
  const parsed = OutsideAliasesFile.safeParse(raw ?? []);
  if (!parsed.success) {
    for (const message of describeIssues(parsed.error)) problems.push({ file, message });
    return;
  }
  const byId = new Map(actors.map((a) => [a.id, a]));
  for (const entry of parsed.data) {
    const actor = byId.get(entry.actorId);
    if (!actor) {
      problems.push({ file, record: entry.actorId, message: `"${entry.actorId}" is not an actor id` });
      continue;
    }
    for (const x of entry.aliases) {
      const key = x.name.toLowerCase();
      const outside = { source: x.source, url: x.url };
      const same = actor.aliases.find((a) => a.name.toLowerCase() === key);
      // A name one document uses in its own sense ("Washington" there) that references attest
      // generally: the document keeps its name, and new documents may match it anywhere.
      if (same && same.sourceIds.length > 0 && !same.outside && same.kind === x.kind) {
        same.outside = outside;
        continue;
      }
      // The documents already use it everywhere (a development-set document may): nothing to add.
      // An actor left without a name has been reported already.
      if (key === actor.name?.toLowerCase() || same) continue;
      actor.aliases.push({ name: x.name, kind: x.kind, sourceIds: [], outside });
    }
    actor.aliases.sort((a, b) => a.name.localeCompare(b.name));
  }
}
