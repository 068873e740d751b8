/**
 * Mentions: every place an actor's name or alias occurs in the article text of a source.
 * Aliases scoped to certain documents (a first name such as "Ali") match only there.
 */
import type { Actor, Mention, Source } from "@atlas/schema";
import { type NameMatch, NameResolver } from "../names/resolver.js";

/**
 * The names as the documents write them, each alias in its scope: the resolver in its exact mode
 * (no transliteration, no names made by rules), which is what curated mentions are.
 */
export function documentNames(actors: Pick<Actor, "id" | "name" | "aliases">[]): NameResolver {
  return new NameResolver(
    actors.flatMap((a) => [
      { actorId: a.id, name: a.name, origin: "name" as const, sourceIds: [] },
      ...a.aliases.map((alias) => ({
        actorId: a.id,
        name: alias.name,
        origin: "alias" as const,
        sourceIds: alias.sourceIds,
      })),
    ]),
  );
}

/** Every name as written in `text` (in `sourceId`'s scope), with the one actor each names. */
export function namesIn(
  resolver: NameResolver,
  text: string,
  sourceId?: string,
): (NameMatch & { actorId: string; name: string })[] {
  return resolver
    .find(text, { rules: "exact", ...(sourceId ? { sourceId } : {}) })
    .flatMap((m) => (m.candidates[0] ? [{ ...m, actorId: m.candidates[0].actorId, name: m.candidates[0].name }] : []));
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
  const resolver = documentNames(actors);
  const mentions: Mention[] = [];
  const matched = new Set<string>();
  for (const source of sources) {
    const boilerplate = source.segments.filter((s) => !s.article);
    const hits = namesIn(resolver, source.text, source.id);
    for (const hit of hits) {
      if (boilerplate.some((s) => s.start < hit.end && hit.start < s.end)) continue;
      const quote = source.text.slice(hit.start, hit.end);
      matched.add(`${hit.actorId}\u0000${exactKey(quote)}`);
      mentions.push({
        sourceId: source.id,
        start: hit.start,
        end: hit.end,
        quote,
        actorId: hit.actorId,
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
