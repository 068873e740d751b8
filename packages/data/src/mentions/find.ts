/**
 * Mentions: every place an actor's name or alias occurs in the article text of a source.
 * Aliases scoped to certain documents (a first name such as "Ali") match only there.
 */
import type { Actor, Mention, Source } from "@atlas/schema";
import { NameMatcher } from "./matcher.js";

interface Name {
  actorId: string;
  sourceIds: string[];
}

export function actorMatcher(actors: Pick<Actor, "id" | "name" | "aliases">[]): NameMatcher<Name> {
  return new NameMatcher(
    actors.flatMap((a) => [
      { name: a.name, value: { actorId: a.id, sourceIds: [] } },
      ...a.aliases.map((alias) => ({ name: alias.name, value: { actorId: a.id, sourceIds: alias.sourceIds } })),
    ]),
  );
}

/** Case and spacing aside, the exact characters: an alias is attested only if written so somewhere. */
const exactKey = (s: string) => s.replace(/\s+/g, " ").toLowerCase();

export interface MentionResult {
  mentions: Mention[];
  /** Aliases that never matched in the article text they are scoped to. */
  unattested: { actorId: string; alias: string }[];
}

export function findMentions(
  sources: Pick<Source, "id" | "text" | "segments">[],
  actors: Pick<Actor, "id" | "name" | "aliases">[],
): MentionResult {
  const matcher = actorMatcher(actors);
  const mentions: Mention[] = [];
  const matched = new Set<string>();
  for (const source of sources) {
    const boilerplate = source.segments.filter((s) => !s.article);
    const hits = matcher.find(
      source.text,
      (p) => p.value.sourceIds.length === 0 || p.value.sourceIds.includes(source.id),
    );
    for (const hit of hits) {
      if (boilerplate.some((s) => s.start < hit.end && hit.start < s.end)) continue;
      const quote = source.text.slice(hit.start, hit.end);
      matched.add(`${hit.value.actorId}\u0000${exactKey(quote)}`);
      mentions.push({
        sourceId: source.id,
        start: hit.start,
        end: hit.end,
        quote,
        actorId: hit.value.actorId,
        alias: hit.name,
      });
    }
  }
  const unattested = actors.flatMap((a) =>
    a.aliases
      .filter((alias) => !matched.has(`${a.id}\u0000${exactKey(alias.name)}`))
      .map((alias) => ({ actorId: a.id, alias: alias.name })),
  );
  return { mentions, unattested };
}
