/** The actors the atlas holds, as the pipeline asks about them: by id, by name, by initials. */
import { actorNameEntries, NameResolver } from "../../names/resolver.js";
import type { SuggestInput } from "./input.js";

export interface KnownActors {
  resolver: NameResolver;
  byId: Map<string, SuggestInput["actors"][number]>;
  names: Map<string, string>;
  /** Who a name on its own is, when it is one known actor. */
  knownAs: (name: string) => string | null;
  /**
   * Is an acronym the initials of a known actor's name ("ISIL" for "Islamic State of Iraq and the
   * Levant")? Then it is no new actor, though nothing links it without the reviewer.
   */
  initialsOfKnown: (name: string) => boolean;
}

export function knownActors(input: Pick<SuggestInput, "actors" | "resolver">): KnownActors {
  const resolver = input.resolver ?? new NameResolver(actorNameEntries(input.actors));
  let initials: Set<string> | null = null;
  return {
    resolver,
    byId: new Map(input.actors.map((a) => [a.id, a])),
    names: new Map(input.actors.map((a) => [a.id, a.name])),
    knownAs: (name) => {
      const [only, ...more] = resolver.resolve(name);
      return only && more.length === 0 ? only.actorId : null;
    },
    initialsOfKnown: (name) => {
      if (!/^\p{Lu}{2,6}$/u.test(name)) return false;
      initials ??= new Set(
        input.actors.flatMap((a) =>
          [a.name, ...a.aliases.map((x) => x.name)].flatMap((n) => {
            const ws = n.split(/[\s-]+/).filter((w) => /^\p{Lu}/u.test(w));
            return ws.length >= 2 ? [ws.map((w) => w[0]).join("")] : [];
          }),
        ),
      );
      return initials.has(name);
    },
  };
}
