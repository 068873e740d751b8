/**
 * Names that say the same thing in other words: a state's forces or officials named by another
 * form of the state's name ("U.S. forces", "American troops", "US service members"), groups backed
 * by a state ("Iran-backed militias", "Iran-aligned militia groups", "pro-Iranian groups"), and a
 * state's body named with its adjective or its possessive ("Iraqi parliament", "Iraq's
 * parliament"). Each class lists forms that are interchangeable; a name made of one form of each
 * class stands for every combination. These are rules about English, not about any actor.
 */

import { entryOf } from "../text/lookup.js";

/** Forms of one state's name as a modifier. */
const STATES: string[][] = [
  ["U.S.", "US", "American", "United States", "America's", "Washington's"],
  ["Iranian", "Iran's", "Tehran's"],
  ["Iraqi", "Iraq's", "Baghdad's"],
  ["Syrian", "Syria's"],
  ["Israeli", "Israel's"],
  ["Turkish", "Turkey's"],
  ["Lebanese", "Lebanon's"],
  ["British", "UK", "U.K.", "Britain's"],
  ["Russian", "Russia's"],
  ["Saudi", "Saudi Arabia's"],
  ["Kurdish", "Kurdistan's"],
];

/** Forms of "backed by a state". */
const BACKED: string[][] = [
  [
    "Iran-backed",
    "Iranian-backed",
    "Iran-aligned",
    "Iran-allied",
    "Iran-linked",
    "Iran-affiliated",
    "pro-Iranian",
    "pro-Iran",
    "Tehran-backed",
  ],
  ["U.S.-backed", "US-backed", "American-backed", "U.S.-led", "US-led", "American-led"],
];

/** Head nouns that name the same body. */
const HEADS: string[][] = [
  ["forces", "security forces", "troops", "soldiers", "service members", "servicemen", "personnel", "military"],
  ["militias", "militia groups", "armed groups", "groups", "factions", "militia factions", "paramilitaries"],
  ["officials", "government officials"],
  ["parliament", "legislature"],
  ["government"],
  ["army"],
  ["coalition", "military coalition"],
];

/** What else the groups a state backs are called, after a form of "backed by" (never its own forces). */
const BACKED_GROUPS = ["forces", "proxies", "paramilitary forces"];

const lower = (s: string) => s.toLowerCase();
const MODIFIERS = [...STATES, ...BACKED];
const modifierClass = new Map<string, string[]>();
for (const c of MODIFIERS) for (const f of c) modifierClass.set(lower(f), c);
/**
 * A head that also goes by forms of a wider class, which do not go by it: a state's army is its
 * soldiers, troops or military, as its forces are, so "Iraqi soldiers" may be either (and names
 * neither alone); its forces or its military are not always its army.
 */
const ALSO: Record<string, string[]> = { army: ["soldiers", "troops", "military"] };
const headClass = new Map<string, string[]>();
for (const c of HEADS) for (const f of c) headClass.set(lower(f), [...c, ...(ALSO[lower(f)] ?? [])]);

/**
 * Other ways to say a name of the form "<modifier> <head>": every other combination of the
 * modifier's and the head's forms; and of a body named for what it is against (see
 * `purposeParaphrases`). Empty for names of any other form.
 */
export function paraphrases(name: string, namesOf: (target: string) => string[] = (t) => [t]): string[] {
  const parts = dashParts(name);
  if (parts) return parts;
  const words = name.trim().split(/\s+/);
  for (let cut = 1; cut < words.length; cut++) {
    const mods = modifierClass.get(lower(words.slice(0, cut).join(" ")));
    const heads = headClass.get(lower(words.slice(cut).join(" ")));
    if (!mods || !heads) continue;
    const out: string[] = [];
    // "Iranian-backed forces", "Iran-backed proxies": the groups a state backs, not its own forces.
    const groupHeads =
      BACKED.includes(mods) && heads === headClass.get("militias") ? [...heads, ...BACKED_GROUPS] : heads;
    for (const m of mods) for (const h of groupHeads) out.push(`${m} ${h}`);
    return out.filter((n) => lower(n) !== lower(name));
  }
  return purposeParaphrases(words, namesOf).filter((n) => lower(n) !== lower(name));
}

/**
 * A name in two parts joined by a spaced dash, the kind of body then its own name: "Combined Joint
 * Task Force – Operation Inherent Resolve" is also "Operation Inherent Resolve" (the first part
 * names any task force). Both parts must be names of two or more capitalized words.
 */
function dashParts(name: string): string[] | null {
  const m = /^(.+?)\s+[–—-]\s+(.+)$/.exec(name.trim());
  if (!m) return null;
  const parts = [m[1] as string, m[2] as string];
  const named = (p: string) => {
    const ws = p.split(/\s+/).filter((w) => !/^(?:of|the|for|and|al|el)$/i.test(w));
    return ws.length >= 2 && ws.every((w) => /^\p{Lu}/u.test(w));
  };
  return parts.every(named) ? [parts[1] as string] : null;
}

/** Adjectives that add nothing to which body is meant: "the international anti-ISIS coalition". */
const LOOSE = ["international", "global", "multinational"];
const AGAINST = /^(?:against|to defeat|to counter|fighting)$/i;
/** A modifier that says who leads the body: "U.S.-led", "American-led". */
const LEADING = /-led$/i;

/**
 * A body named for what it is against, said the other way round: "U.S.-led coalition against
 * ISIS" is also "the international anti-ISIS coalition", "the anti-Daesh coalition", "the US-led
 * coalition against the Islamic State". The modifier may go (the target still tells the body
 * apart), loose adjectives may come, the head takes its other forms, and the target every name of
 * the actor it names (`namesOf`). Empty unless the name has a head and a target.
 */
function purposeParaphrases(words: string[], namesOf: (target: string) => string[]): string[] {
  const split = (() => {
    // "<before> <head> against <target>"
    for (let a = 1; a < words.length - 1; a++) {
      for (const n of [2, 1]) {
        if (!AGAINST.test(words.slice(a, a + n).join(" "))) continue;
        const target = words
          .slice(a + n)
          .join(" ")
          .replace(/^the\s+/i, "");
        for (let h = 0; h < a; h++) {
          const heads = headClass.get(lower(words.slice(h, a).join(" ")));
          if (heads && target) return { before: words.slice(0, h), heads, target };
        }
      }
    }
    // "<before> anti-<target> <head>"
    const at = words.findIndex((w) => /^anti-\S/i.test(w));
    if (at === -1) return null;
    for (let h = at + 1; h < words.length; h++) {
      const heads = headClass.get(lower(words.slice(h).join(" ")));
      if (heads)
        return {
          before: words.slice(0, at),
          heads,
          target: [words[at]?.slice(5), ...words.slice(at + 1, h)].join(" "),
        };
    }
    return null;
  })();
  if (!split) return [];
  const rest = split.before.filter((w) => !LOOSE.includes(lower(w))).join(" ");
  const mods = rest ? modifierClass.get(lower(rest)) : [];
  if (!mods) return [];
  const out: string[] = [];
  for (const target of new Set([split.target, ...namesOf(split.target)]))
    for (const mod of ["", ...mods])
      for (const adjective of ["", ...LOOSE])
        for (const head of split.heads) {
          const lead = [adjective, mod].filter(Boolean).join(" ");
          for (const the of ["", "the "]) out.push([lead, `${head} against ${the}${target}`].filter(Boolean).join(" "));
          out.push([lead, `anti-${target} ${head}`].filter(Boolean).join(" "));
          // "the US-led coalition", "the US-led global coalition": a body named by who leads it needs no target.
          if (LEADING.test(mod)) out.push(`${[mod, adjective].filter(Boolean).join(" ")} ${head}`);
        }
  return out;
}

/** A state's name from a form of it used as a modifier ("Iranian" → "Iran", "U.S." → "United States"). */
const STATE_NAMES: Record<string, string> = {
  "u.s.": "United States",
  us: "United States",
  american: "United States",
  "united states": "United States",
  iranian: "Iran",
  tehran: "Iran",
  iraqi: "Iraq",
  baghdad: "Iraq",
  syrian: "Syria",
  israeli: "Israel",
  turkish: "Turkey",
  lebanese: "Lebanon",
  british: "United Kingdom",
  uk: "United Kingdom",
  russian: "Russia",
  saudi: "Saudi Arabia",
};
export const stateNamed = (form: string): string => entryOf(STATE_NAMES, lower(form).replace(/['’]s$/, "")) ?? form;

/**
 * The state a name opens with, and the words that name it: "U.S. forces" (United States, "U.S."),
 * "Iraqi Army" (Iraq, "Iraqi"), "Iran's Revolutionary Guard" (Iran, "Iran"). `adjective` says the
 * words were a form of the state's name (an adjective, "U.S."), not a word that may be one.
 */
export function stateOpening(name: string): { state: string; words: string; adjective: boolean } | null {
  const m = /^(?:the\s+)?(U\.S\.|US|United States|\p{Lu}\p{Ll}+)(?:['’]s)?\s/u.exec(name);
  if (!m) return null;
  const words = m[1] as string;
  const state = stateNamed(words);
  return { state, words, adjective: state !== words };
}
