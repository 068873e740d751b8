/**
 * The dead and the wounded a sentence reports, in the source's words: "killing two soldiers", "left
 * 30 dead", "the death toll rose to 25", "no casualties", "wounding several"; "dozens" stays
 * "dozens", with the lowest number it means.
 */
import { NUMBER_WORDS } from "./numbers.js";

/** Deaths as the source counts them: "at least 24" is 24 or more; "dozens" keeps its word. */
export interface Fatality {
  low: number | null;
  high: number | null;
  expression: string | null;
  /** Who died, in the source's words ("soldiers"; "people" when it does not say). */
  who: string;
  start: number;
  end: number;
}

/** Injuries, in the source's words ("wounding several", "serious injuries"). */
export interface Injury {
  words: string;
  start: number;
  end: number;
}

/** A count in the source's words: "25" → 25–25; "at least 24" → 24–; "more than 20" → 21–; "dozens" → 24–. */
function countIn(words: string): { low: number | null; high: number | null; expression: string | null } | null {
  const w = words.toLowerCase().replace(/,/g, "").trim();
  if (/^(no|zero|none)$/.test(w)) return { low: 0, high: 0, expression: null };
  const m = /^(?:(at least|more than|over|up to|nearly|almost|about|around|some|roughly)\s+)?(\d+|[a-z]+)$/.exec(w);
  if (m) {
    const n = /^\d+$/.test(m[2] as string) ? Number(m[2]) : NUMBER_WORDS[m[2] as string];
    if (n !== undefined) {
      const mod = m[1];
      if (mod === "at least") return { low: n, high: null, expression: null };
      if (mod === "more than" || mod === "over") return { low: n + 1, high: null, expression: null };
      if (mod === "up to" || mod === "nearly" || mod === "almost") return { low: null, high: n, expression: null };
      if (mod) return { low: null, high: null, expression: words.trim() };
      return { low: n, high: n, expression: null };
    }
  }
  if (/^dozens$/.test(w)) return { low: 24, high: null, expression: words.trim() };
  if (/^hundreds$/.test(w)) return { low: 200, high: null, expression: words.trim() };
  if (/^(several|a few|some|many|a number of)$/.test(w)) return { low: null, high: null, expression: words.trim() };
  return null;
}

const COUNT =
  "(?:(?:at least|more than|over|up to|nearly|almost|about|around|some|roughly)\\s+)?(?:\\d[\\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|dozens|hundreds|several|a few|many)";
/** "killing two soldiers", "two people were killed", "left 30 dead", "the death toll rose to 25". */
const DEATHS = [
  new RegExp(`\\b(?:kill(?:ed|ing|s)?|left)\\s+(${COUNT})(\\s+[a-z-]+(?:\\s+[a-z-]+)?)?(?:\\s+dead)?`, "gi"),
  new RegExp(
    `\\b(${COUNT})\\s+((?:[A-Za-z-]+\\s+){0,3}?)(?:were|was|have been|had been|are|being)?\\s*(?:killed|dead|died)\\b`,
    "gi",
  ),
  new RegExp(`\\bdeath toll[^.]{0,40}?\\b(?:to|of|at|reached)\\s+(${COUNT})()`, "gi"),
];
const NO_DEATHS =
  /\b(?:without (?:causing )?(?:any )?casualties|no (?:human )?casualties|no one was (?:killed|hurt|injured)|no (?:deaths|fatalities)|caused no (?:casualties|damage))\b/i;
const INJURIES = new RegExp(
  `\\b(?:wound(?:ed|ing)|injur(?:ed|ing))\\s+(${COUNT}|[a-z]+(?:\\s+[a-z]+){0,2})|\\b(${COUNT})\\s+(?:[A-Za-z-]+\\s+){0,3}?(?:were\\s+)?(?:wounded|injured)\\b|\\b(minor|serious|critical)\\s+injuries\\b`,
  "gi",
);

/** The deaths and injuries told in text[sentence.start, sentence.end). */
export function casualtiesIn(
  text: string,
  sentence: { start: number; end: number },
): { fatalities: Fatality[]; injuries: Injury[] } {
  const sentenceText = text.slice(sentence.start, sentence.end);
  const fatalities: Fatality[] = [];
  if (NO_DEATHS.test(sentenceText)) {
    const m = NO_DEATHS.exec(sentenceText) as RegExpExecArray;
    fatalities.push({
      low: 0,
      high: 0,
      expression: null,
      who: "casualties",
      start: sentence.start + m.index,
      end: sentence.start + m.index + m[0].length,
    });
  }
  for (const re of DEATHS) {
    re.lastIndex = 0;
    for (let m = re.exec(sentenceText); m; m = re.exec(sentenceText)) {
      const count = countIn(m[1] as string);
      if (!count) continue;
      const start = sentence.start + m.index;
      if (fatalities.some((f) => f.start < start + m[0].length && start < f.end)) continue;
      const who = (m[2] ?? "").replace(/\s+(and|in|at|on|of|near|with|by|as|from)$/i, "").trim() || "people";
      fatalities.push({ ...count, who, start, end: start + m[0].length });
    }
  }
  const injuries: Injury[] = [];
  INJURIES.lastIndex = 0;
  for (let m = INJURIES.exec(sentenceText); m; m = INJURIES.exec(sentenceText)) {
    injuries.push({ words: m[0], start: sentence.start + m.index, end: sentence.start + m.index + m[0].length });
  }
  return { fatalities, injuries };
}
