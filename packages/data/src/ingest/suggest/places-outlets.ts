/**
 * What the words around a name say it names when it is no actor's or is an outlet's: a place ("in
 * Bashiqa", "the town of Amerli", "… air base"), an outlet ("told FNA", "Kayhan newspaper"), or an
 * institution named by an adjective and a lower-case noun ("the Iranian army", "a Kuwait court").
 */
import { isCountryName } from "../../names/places.js";
import { foldName } from "../../text/fold.js";
import { judgeName } from "./kinds.js";
import type { NameContext, NameRun } from "./name-runs.js";
import { isAdjective } from "./name-words.js";

/** "the northern town of Amerli", "the city of Mosul": a settlement's name after its noun. */
export const TOWN_OF = /\b(?:town|city|village|district|sub-district|province|governorate|region)\s+of\s+$/i;

/** Words before a name that make it a place whatever follows: "in Bashiqa", "in Nineveh's Bashiqa". */
export const IN_PLACE_BEFORE =
  /\b(?:in|near|inside|outside|across|around|(?:north|south|east|west)\s+of)\s+(?:the\s+)?(?:\p{Lu}[\p{L}-]*['’]s\s+)?$/u;

/** An outlet's noun after its name: "Al Hurra television", "Kayhan newspaper", "Sabereen channel". */
export const MEDIA_AFTER =
  /^\s+(?:television|TV|satellite\s+channel|channel|radio|newspaper|daily|weekly|news\s+agency|broadcaster|news\s+website|website|news\s+site|outlet)\b/;

/** A group's noun after a name: "the Ahrar al-Iraq group", "the Hezbollah al-Nujaba militia". */
export const GROUP_AFTER = /^[”"’']?\s+(?:armed\s+|paramilitary\s+)?(?:group|militia|faction)\b/;

/** Where a text names its source: "told", "according to", "in an interview with", "quoted by". */
const OUTLET_BEFORE =
  /\b(?:told|according\s+to|speaking\s+to|(?:in\s+)?an\s+interview\s+with|quoted\s+by|cited\s+by|reported\s+by|said\s+to)\s+(?:the\s+)?$/i;
/** A word ending like an outlet's name ("PUKmedia", "Kurdistan24", "AhlulbaytTV"). */
const OUTLET_ENDING = String.raw`\p{Lu}[\p{L}\d]*?(?:media|Media|News|TV|Press|\d{2,})`;
const OUTLET_SHAPED = new RegExp(`^${OUTLET_ENDING}$`, "u");
/** One word that reads as an outlet's name: a word ending like one, or an acronym ("FNA", "NRT"). */
export const OUTLET_WORD = new RegExp(String.raw`^(?:\p{Lu}[\p{Lu}\d]{1,7}|${OUTLET_ENDING})$`, "u");

/**
 * "told FNA", "according to PUKmedia": one word that reads as an outlet's name, where a source is
 * named. (An acronym after "the" is a body's: "told the UNSC", "according to the KRG".)
 */
export const isOutletNamed = (word: string, before: string) => {
  const m = OUTLET_BEFORE.exec(before);
  return m !== null && (OUTLET_SHAPED.test(word) || (OUTLET_WORD.test(word) && !/\bthe\s+$/i.test(m[0])));
};

/** Words that put what follows in a place: "in", "near", "outside the". */
export const PLACE_BEFORE =
  /\b(?:in|at|near|outside|around|inside|across|into|towards?|north of|south of|east of|west of)\s+(?:the\s+)?$/i;

/** "in Iraq and Syria", "across Iraq, Syria and": the second of places after a preposition of place. */
export const PLACES_BEFORE =
  /\b(?:in|at|near|across|into|from|to|throughout|between)\s+(?:the\s+)?\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*)?,?\s+(?:and|or)\s+$/u;

/** An institution named by an adjective and a lower-case noun: "Iranian army", "Kuwait court", "Sadrist movement", "Iraqi security forces", "the Jordanian foreign ministry". */
const INSTITUTION =
  /(?<![\p{L}.'’-])(\p{Lu}[\p{L}'’-]+)\s+(?:army|navy|air\s+force|government|court|judiciary|judicial\s+council|movement|parliament|cabinet|security\s+forces|armed\s+forces|(?:defen[cs]e|foreign|interior)\s+ministry)\b/gu;

/** Lowercase nouns that make the name before them a place: "… air base", "… province". */
export const PLACE_AFTER =
  /^\s+(?:air\s+base|military\s+base|base|province|governorate|district|city|town|village|airport|border\s+crossing|camp|region|neighbou?rhood|compound)\b/;

/**
 * "the Iranian army", "a Kuwait court", "the Sadrist movement": a state's or a movement's
 * adjective before an institution written in lower case names that institution.
 */
export function addInstitutions(
  sentence: string,
  offset: number,
  known: (start: number, end: number) => boolean,
  ctx: NameContext,
  runs: NameRun[],
): void {
  INSTITUTION.lastIndex = 0;
  for (let m = INSTITUTION.exec(sentence); m; m = INSTITUTION.exec(sentence)) {
    const adjective = m[1] as string;
    if (!(isAdjective(adjective) || isCountryName(adjective) || /ist$/.test(adjective))) continue;
    const nameStart = offset + m.index;
    const nameEnd = nameStart + m[0].length;
    // The country alone ("Kuwait" in "a Kuwait court") gives way to the institution.
    const within = runs.findIndex((r) => r.nameStart === nameStart && r.nameEnd === nameStart + adjective.length);
    if (within !== -1 && runs[within]?.title === null) runs.splice(within, 1);
    if (known(nameStart, nameEnd) || runs.some((r) => r.nameStart < nameEnd && nameStart < r.nameEnd)) continue;
    const name = m[0].replace(/\s+/g, " ");
    const verdict = judgeName(
      name.replace(/\s(\p{Ll})/gu, (_, c: string) => ` ${c.toUpperCase()}`),
      false,
    );
    if (!verdict.actor || ctx.places.has(foldName(name))) continue;
    runs.push({
      start: nameStart,
      end: nameEnd,
      nameStart,
      nameEnd,
      name,
      title: null,
      role: null,
      kind: verdict.kind,
    });
  }
}
