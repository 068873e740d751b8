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
  ["forces", "troops", "soldiers", "service members", "servicemen", "personnel", "military"],
  ["militias", "militia groups", "armed groups", "groups", "factions", "militia factions", "paramilitaries"],
  ["officials", "government officials"],
  ["parliament", "legislature"],
  ["government"],
  ["army"],
  ["coalition", "military coalition"],
];

const lower = (s: string) => s.toLowerCase();
const MODIFIERS = [...STATES, ...BACKED];
const modifierClass = new Map<string, string[]>();
for (const c of MODIFIERS) for (const f of c) modifierClass.set(lower(f), c);
const headClass = new Map<string, string[]>();
for (const c of HEADS) for (const f of c) headClass.set(lower(f), c);

/**
 * Other ways to say a name of the form "<modifier> <head>": every other combination of the
 * modifier's and the head's forms. Empty for names of any other form.
 */
export function paraphrases(name: string): string[] {
  const words = name.trim().split(/\s+/);
  for (let cut = 1; cut < words.length; cut++) {
    const mods = modifierClass.get(lower(words.slice(0, cut).join(" ")));
    const heads = headClass.get(lower(words.slice(cut).join(" ")));
    if (!mods || !heads) continue;
    const out: string[] = [];
    for (const m of mods) for (const h of heads) out.push(`${m} ${h}`);
    return out.filter((n) => lower(n) !== lower(name));
  }
  return [];
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
