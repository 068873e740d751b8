/**
 * Dated expressions, resolved against the publication date with their precision and basis:
 * "April 7, 2014" is explicit (day); "last June" in a March 2015 article is June 2014, relative
 * (month); "early last year" is 2014 with part "early"; "this week" is the days from Monday to
 * publication; "seven months ago" is about August 2014. chrono-node finds the expressions; the
 * year of a month named without one, weekdays and weeks are resolved here, because news prose
 * means the most recent past one ("last June", "on Sunday") where chrono picks the nearest. What
 * the words around a date then make of it ("since", "the first four months of", a quotation's
 * day) is date-context.ts's.
 */
import * as chrono from "chrono-node";
import { between, HEDGE_WORDS, mergeRanges, nearPublication, reparsed, resolveChrono } from "./chrono-dates.js";
import { NEXT_SPAN, openEnded, partOfPeriod, partOfToldDay, spokenAt } from "./date-context.js";
import {
  type Anchor,
  addDays,
  anchorNamed,
  countOf,
  DAY_MS,
  type DateHit,
  daysBackTo,
  make,
  NUMBERS,
  pad,
  partOf,
  type Reference,
  seasonYear,
  shift,
  tally,
  type Unresolved,
  utc,
  WEEKDAYS,
  ymd,
} from "./date-core.js";

/** Month names as written, whole or cut short. */
const MONTH_WORDS =
  "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec";
/** Cheap test before chrono runs: most sentences name no date (month and day names are capitalized). */
const DATEISH_NAMES = new RegExp(
  String.raw`\b(${MONTH_WORDS}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`,
);
const DATEISH_WORDS =
  /\b(today|yesterday|tomorrow|tonight|overnight|last night|since|yet|anniversary|hours|days?|weeks?|months?|years?|ago|now|currently|present|nowadays|these days|so far|to date|immediate|immediately|afterwards?|wake|aftermath|(?:soon|shortly)\s+after|spent|spending|dawn|dusk|daybreak|noon|midday|morning|afternoon|evening|spring|summer|autumn|fall|winter|\d{4}s?|\d{1,2}\/\d{1,2}|\d{1,2}:\d{2}|\d{1,2}\s*[ap]\.?m)\b/i;
const MODIFIER =
  /(?:\b(early|mid|late|earlier|later)[\s-]+)?(?:\b(last|this|next|past|previous|coming)\s+)?(?:\b(early|mid|late|earlier|later)[\s-]+)?$/i;
/** A hedge just before a count back (chrono-dates.ts's words). */
const HEDGE = new RegExp(
  String.raw`\b(?:${HEDGE_WORDS.map((w) => w.replace(/ /g, String.raw`\s+`)).join("|")})\s+$`,
  "i",
);
const COUNT_NOUNS =
  /^\s*(troops|fighters|soldiers|men|women|people|members|militiamen|dollars|km|kilometers|kilometres|miles|meters|metres|casualties|deaths|dead|rockets|missiles|civilians|families|votes|seats|pounds|residents|workers|employees|volunteers|recruits|strong|tons|tonnes)\b/i;
// "in 2014", "the 1980s", "summer 2014", "mid-2018": what chrono leaves out.
const YEARISH =
  /\b(?:(early|mid|late)[\s-]+)?(?:(spring|summer|autumn|fall|winter)\s+(?:of\s+)?)?((?:19|20)\d{2})(s)?(?![\d])/gi;
const SEASONS: Record<string, number> = { spring: 21, summer: 22, autumn: 23, fall: 23, winter: 24 };
/** "last summer", "this winter": a season named against the time of writing. */
const SEASON_NAMED = /\b(last|this|next|past|coming)\s+(spring|summer|autumn|fall|winter)\b/gi;
/** A verb in the past just before a date ("destroyed", "was hit"), and words that look ahead ("will", "expected"). */
const TOLD_PAST = /\b(?:was|were|had|did|[a-z]{3,}ed)\b/i;
const TOLD_AHEAD = /\b(?:will|would|shall|expected|planned|scheduled|due|set to)\b/i;

/**
 * Dates in one sentence (`sentence` is its text, `offset` where it starts in the document).
 * Unresolvable relative expressions are counted in `unresolved`, not guessed.
 */
export function findDates(
  sentence: string,
  offset: number,
  given: Reference | null,
  unresolved: Map<Unresolved, number>,
  anchors: Anchor[] = [],
): DateHit[] {
  const ref = given?.justBefore && !recent(given.justBefore, given) ? withoutJustBefore(given) : given;
  if (!ref?.span) return findDatesAt(sentence, offset, ref, unresolved, anchors);
  // A publication date known to a range: resolve against its first and last day; keep what agrees.
  const told = {
    ...(ref.narrative ? { narrative: ref.narrative } : {}),
    ...(ref.toldDay ? { toldDay: ref.toldDay } : {}),
    ...(ref.toldOf ? { toldOf: ref.toldOf } : {}),
    ...(ref.justBefore ? { justBefore: ref.justBefore } : {}),
  };
  const first = findDatesAt(sentence, offset, { ...ref.span.first, ...told }, unresolved, anchors);
  const last = findDatesAt(sentence, offset, { ...ref.span.last, ...told }, new Map(), anchors);
  const out: DateHit[] = [];
  for (const a of first) {
    const b = last.find((x) => x.start === a.start && x.end === a.end);
    if (!b || b.time.edtf === a.time.edtf) {
      out.push(a.time.basis === "relative" ? { ...a, time: { ...a.time, note: rangeNote(a.time.note, ref) } } : a);
      continue;
    }
    // "On June 3" in an article of June 2021: a day named without its year that falls within the
    // publication's own span is that day (read against the span's first day it was a year back).
    // (Not where a year is told with it: "On June 3 last year", "Last year on June 3".)
    if (
      sameDayOtherYear(a.time.edtf, b.time.edtf) &&
      within(b.time.edtf, ref.span) &&
      !yearToldWith(sentence, a.start - offset, a.end - offset)
    ) {
      out.push({ ...b, time: { ...b.time, note: rangeNote(b.time.note, ref) } });
      continue;
    }
    // "yesterday", "this week" a month-dated article said: days from publication, finer than its date.
    // (A range of days keeps what the two readings give: "yesterday" is the day before each end.)
    const edtf =
      ref.span.precision !== "day" && nearPublication(a.time.edtf, b.time.edtf, ref.span)
        ? between(ref.span.first.edtf, ref.span.last.edtf, ref.span.precision)
        : between(a.time.edtf, b.time.edtf, ref.span.precision);
    const time = make(edtf, "relative", a.time.expression ?? "", rangeNote(undefined, ref), a.time.part);
    if (time) out.push({ ...a, time });
  }
  return out;
}

/** "2020-06-03" and "2021-06-03": one day of the year, in two years. */
const sameDayOtherYear = (a: string, b: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(a) && /^\d{4}-\d{2}-\d{2}$/.test(b) && a.slice(4) === b.slice(4) && a !== b;
/** A year told next to a day: "June 3 last year", "June 3 of next year", "Last year on June 3". */
const YEAR_WORDS = String.raw`(?:last|next|that|the\s+(?:previous|following|coming|same))\s+year`;
const YEAR_AFTER = new RegExp(String.raw`^\s*,?\s*(?:of\s+)?${YEAR_WORDS}\b`, "i");
const YEAR_BEFORE = new RegExp(String.raw`\b${YEAR_WORDS}\s*,?\s*(?:on|in)?\s*$`, "i");
const yearToldWith = (sentence: string, start: number, end: number) =>
  YEAR_AFTER.test(sentence.slice(end, end + 30)) || YEAR_BEFORE.test(sentence.slice(Math.max(0, start - 30), start));
/** Is a day within the publication's span? */
const within = (day: string, span: NonNullable<Reference["span"]>) =>
  day >= span.first.edtf.slice(0, 10) && day <= span.last.edtf.slice(0, 10);

const rangeNote = (note: string | undefined, ref: Reference) =>
  `Resolved against the publication date, known only as ${ref.edtf}: the range its first and last days give.${note ? ` ${note.replace(/^Resolved against the publication date \([^)]*\)\.\s*/, "")}` : ""}`.trim();

/** "since the killing of …": a period from an event the words name (a date after "since" is `openEnded`'s). */
const SINCE_EVENT = /\bsince\s+(?=the\s)/gi;
/** "three months after the strike", "two weeks before the vote": counted from an event, never from publication. */
const COUNTED =
  /\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})\s+(days?|weeks?|months?|years?)\s+(after|before|since|following|prior to)\s+/gi;
/** Words just before a date that look forward: a deadline, a plan, what is to come. */
const FORWARD =
  /\b(?:by|until|till|before|no later than|deadline(?:\s+of)?|set\s+for|scheduled(?:\s+for)?|due(?:\s+in|\s+on|\s+by)?|planned(?:\s+for)?|expected(?:\s+in|\s+on|\s+by)?|will(?:\s+\w+){0,3}(?:\s+(?:in|on|by))?|to be held(?:\s+in|\s+on)?|upcoming)\s+(?:the\s+)?(?:end\s+of\s+)?$/i;
const YEAR_RANGE =
  /\b((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2}|\d{2})\b(?![:.]\d)(?!\s*(?:people|troops|fighters|members|km|miles))/g;
/** "in recent weeks", "over the past few months", "in recent years": the weeks (one month back), months (three) or years up to publication. */
const RECENT =
  /\b(?:in|over|during|within)\s+(?:recent|the\s+(?:past|last)\s+(?:few|several|couple\s+of))\s+(weeks|months|years)\b/gi;
/**
 * The time of writing, said as a period ("currently", "so far"); a bare "now" is a manner of speaking.
 * So is what a report could not yet get: "no immediate comment", "could not be reached immediately".
 */
const NOWISH =
  /\b(?:(?:[Ee]ven|[Uu]ntil|[Uu]p to)\s+now|[Cc]urrently|[Aa]t present|[Nn]owadays|[Tt]hese days|[Ss]o far|[Tt]o date|(?<!from )now(?! on\b)|[Nn]o immediate (?:comment|claim|response|reaction|word|confirmation)|(?<=\b(?:not|n['’]t)\s+(?:be\s+)?(?:reached\s+|available\s+)?)immediately)\b/g;
const END_OF =
  /\b(?:the\s+)?(end|beginning|start)\s+of\s+(?:the\s+|this\s+)?(year|month)\b(?!-|\s+(?:of|before|after)\b|\s+\d)/gi;

/** "this past week", "over the past week": the seven days before publication, not a calendar week. */
const PAST_WEEK = /\b(?:this|the)\s+(?:past|last)\s+(?:seven\s+days|week)\b/gi;
/** "in the past 24 hours", "over 24 hours" (a count of what was done: the hours up to publication). */
const PAST_HOURS = /\b(?:(?:in|over|during|within)\s+the\s+(?:past|last|previous)|over)\s+(\d{1,3})\s+hours\b/gi;
/** "two days later", "a week earlier", "the next day", "the previous day", "that day", "the same night". */
const AFTER_TOLD =
  /\b(?:(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(days?|weeks?)\s+(later|earlier)|the\s+(next|following|previous)\s+day|(?:the|that)\s+(same)\s+(?:day|night|morning|afternoon|evening)|(that)\s+(?:day|night|morning|afternoon|evening))(?![\w-])/gi;
/**
 * "has been fighting for years": a stretch up to the time of writing whose start is not said. Only
 * in the present perfect, or the past perfect of reported speech ("said the groups had been
 * targeting bases for years"), whose time is the report's.
 */
const FOR_YEARS = /\bfor\s+(?:many\s+|several\s+|some\s+)?(years|decades|months)\b/gi;
/** "for 16 months", "for two years": a length counted, not a day (chrono reads it as that long from now). */
const FOR_COUNT =
  /\bfor\s+(?:about\s+|around\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+|the\s+(?:past|last)\s+)?(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})\s+(days?|weeks?|months?|years?)\b/gi;
/** A present perfect ("has been freed"), or a past perfect in reported speech: a stretch up to the time of writing. */
const PERFECT_NOW = /\b(?:has|have|'ve)\s+(?:(?:long|also|now)\s+)?been\b/i;
/** Any present perfect: "has been freed", "has fought", "have held". */
const PERFECT_DONE =
  /\b(?:has|have|'ve)\s+(?:(?:long|also|now|already|since)\s+)?(?:been|[a-z]+(?:ed|en)|fought|held|kept|led|run|stood|spent)\b/i;
/** Verbs whose length runs on from when they were done: a sentence, an extension, a ban. */
const LENGTH_AHEAD =
  /\b(?:sentenced|extended|declared|announced|imposed|jailed|banned|suspended|postponed|delayed|renewed|closed|shut)\b/i;
const PERFECT_REPORTED = /\b(?:said|says|told|stated|announced|added)\b[^.;]*\bhad\s+(?:(?:long|also)\s+)?been\b/i;
/**
 * "weeks" (not counted) reach one month back, "months" three: the month such a stretch ending in
 * (year, month) starts in.
 */
function weeksOrMonthsTo(unit: string, year: number, month: number): { back: number; from: string } {
  const back = unit.toLowerCase() === "weeks" ? 1 : 3;
  return { back, from: ymd(utc(year, month - back, 1)).slice(0, 7) };
}
/**
 * "after having spent weeks agitating": the weeks (one month back) or months (three) up to the day the text
 * last stated.
 */
const SPENT = /\b(?:spent|spending)\s+(?:several\s+|many\s+|a\s+few\s+|some\s+)?(weeks|months)\b/gi;
/** "in the past two months", "over the last three weeks": counted back from publication, up to it. */
const PAST_SPAN =
  /\b(?:in|over|during|within|for)\s+the\s+(?:past|last)\s+(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+(days|weeks|months|years)\b(?!\s+of\b)/gi;
/** "now has 30 days to form a government", "is given two weeks to leave": a time allowed, from publication. */
const HAS_SPAN =
  /\b(?:has|have|gets|get|(?:is|are)\s+given)\s+(?:(?:only|just|another|a\s+further)\s+)?(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\s+(days?|weeks?|months?)(?=\s+(?:to|left|in\s+which)\b)/gi;
/** "no casualties have been reported yet", "has yet to": what has not happened up to publication. */
const YET =
  /(?<=(?:\b(?:not|no|never|has|have|had)|n['’]t)\b[^.;:!?,]{0,60}?)\byet\b(?!\s+(?:another|again|more|other)\b)/gi;
/**
 * "after months of protests", "to overcome months of unrest": a spell up to publication (not "15
 * years of prison", a length).
 */
const SPELL_OF =
  /\b(?:after|following|amid|despite|overcome|overcoming|end|ending)\s+(?:(?:several|many)\s+)?(?:weeks|months|years)\s+of\s+[a-z]+\b/g;

/** "The attack came two days after …", "less than a week after": the happening told as the sentence's subject. */
const CAME = /\b(?:came|comes|come|happened|occurred|took place)\s+(?:(just|only|barely|less than|under)\s+)?$/i;
const UNIT_DAYS: Record<string, number> = { day: 1, week: 7 };

/**
 * "The attack came less than a week after US jets struck a facility": the subject is the happening
 * the text last dated to a day, so what follows "after" is counted back from that day (forward for
 * "before"). Exact counts of days and weeks only; "less than" gives the days between.
 */
function countedBack(sentence: string, m: RegExpExecArray, n: number, ref: Reference | null): DateHit | null {
  const lead = CAME.exec(sentence.slice(0, m.index));
  const unitDays = UNIT_DAYS[(m[2] as string).toLowerCase().replace(/s$/, "")];
  if (!lead || !ref?.toldDay || unitDays === undefined || !Number.isFinite(n)) return null;
  const sign = /before|prior/i.test(m[3] as string) ? 1 : -1;
  const told = ref.toldDay;
  const at = (days: number) => addDays(told, sign * days);
  const within = /less than|under/i.test(lead[1] ?? "");
  const far = n * unitDays;
  const edtf = within ? (sign < 0 ? `${at(far - 1)}/${at(1)}` : `${at(1)}/${at(far - 1)}`) : at(far);
  const start = m.index - (lead[1] ? lead[1].length + 1 : 0);
  const end = m.index + m[0].trimEnd().length;
  const expression = sentence.slice(start, end);
  const note = `Counted ${sign < 0 ? "back" : "forward"} from ${ref.toldDay}, the day the text last stated, as the day of the happening the sentence tells.`;
  const time = make(edtf, "relative", expression, note);
  return time ? { start, end, time } : null;
}

/** Nouns of a happening a text dates and then refers back to: "the Jordan attack", "the vote". */
const HAPPENING =
  /^(?:the|that|this)\s+(?:[\p{L}’'-]+\s+){0,3}?(attack|strike|raid|bombing|blast|explosion|shelling|bombardment|killing|assassination|ambush|vote|election|clashes|protests?|meeting|announcement|offensive|withdrawal|arrest|kidnapping|drone attack)s?\b/iu;

/**
 * "Two days after the Jordan attack": the happening the text dated last ("the attack on a US base in
 * Jordan … on Jan. 28"), when the sentence that dated it names the same happening and every
 * capitalized word of the phrase before the day it gives (not "On January 30, the Pentagon blamed
 * the group for the attack"): counted from that day.
 */
function countedFromTold(
  sentence: string,
  m: RegExpExecArray,
  n: number,
  phrase: string,
  ref: Reference | null,
): DateHit | null {
  const happening = HAPPENING.exec(phrase.trimStart());
  const told = ref?.toldDay;
  const of = ref?.toldOf;
  if (!happening || !told || !of || !Number.isFinite(n)) return null;
  const noun = (happening[1] as string).toLowerCase().split(" ").at(-1) as string;
  const names = happening[0].match(/\p{Lu}[\p{L}’'-]*/gu)?.filter((w) => !/^(?:The|That|This)$/.test(w)) ?? [];
  if (!new RegExp(`\\b${noun}s?\\b`, "i").test(of) || names.some((w) => !of.includes(w))) return null;
  const sign = /before|prior/i.test(m[3] as string) ? -1 : 1;
  const edtf = shift(told, n, m[2] as string, sign);
  if (!edtf) return null;
  const end = m.index + m[0].length + (phrase.length - phrase.trimStart().length) + happening[0].length;
  const expression = sentence.slice(m.index, end);
  const time = make(edtf, "relative", expression, `Counted from ${told}, the day the text gave ${happening[0]}.`);
  return time ? { start: m.index, end, time } : null;
}

/** What each reader of a sentence's dates sees, and what they share: the hits so far and the words they took. */
interface DateReading {
  sentence: string;
  offset: number;
  ref: Reference | null;
  unresolved: Map<Unresolved, number>;
  anchors: Anchor[];
  hits: DateHit[];
  taken: [number, number][];
  /** Are these words not yet taken by an earlier reader? */
  free: (a: number, b: number) => boolean;
  /** Counts from a happening the words do not let us date yet ("on Sunday, a day after …"). */
  unplaced: { m: RegExpExecArray; n: number }[];
  /** chrono's readings of the sentence. */
  results: ReturnType<typeof reparsed>[];
}

/**
 * "three months after the strike": counted from the one event the atlas holds that the words name,
 * else from the day the text last stated; a count no event dates waits for a day beside it (`unplaced`).
 */
function countedFromEvent(d: DateReading): void {
  const { sentence, offset, ref, unresolved, anchors, hits, taken, unplaced } = d;
  COUNTED.lastIndex = 0;
  for (let m = COUNTED.exec(sentence); m; m = COUNTED.exec(sentence)) {
    const n = countOf(m[1] as string);
    const phraseStart = m.index + m[0].length;
    const phrase = sentence.slice(phraseStart, phraseStart + 80).split(/[,;:.]/)[0] as string;
    taken.push([m.index, phraseStart + phrase.length]);
    // The one event the words name most of; two named alike would be a guess.
    const anchor = anchorNamed(anchors, phrase, offset + phraseStart);
    const sign = /before|prior/i.test(m[3] as string) ? -1 : 1;
    const edtf = anchor && Number.isFinite(n) ? shift(anchor.time.edtf, n, m[2] as string, sign) : null;
    if (!anchor || !edtf) {
      const back = anchor ? null : (countedBack(sentence, m, n, ref) ?? countedFromTold(sentence, m, n, phrase, ref));
      if (back) hits.push({ ...back, start: offset + back.start, end: offset + back.end });
      else if (!anchor) unplaced.push({ m, n });
      else tally(unresolved, "unknown-event");
      continue;
    }
    const expression = sentence.slice(m.index, phraseStart + phrase.length).trim();
    const time = make(
      edtf,
      "relative",
      expression,
      `Counted from ${anchor.title} (${anchor.time.edtf}), an event the atlas holds.`,
    );
    if (time) hits.push({ start: offset + m.index, end: offset + m.index + expression.length, time });
  }
}

const ORDINALS =
  "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(
    " ",
  );
/** "the ninth anniversary of the establishment of the PMF": counted in years from the event the words name. */
const ANNIVERSARY = new RegExp(
  `\\b(${ORDINALS.join("|")}|\\d{1,3}(?:st|nd|rd|th)|(?:\\d{1,3}|${Object.keys(NUMBERS)
    .filter((w) => w.length > 2 && w !== "few" && w !== "several")
    .join("|")})-year)\\s+anniversary\\s+of\\s+`,
  "gi",
);

function anniversary(d: DateReading): void {
  const { sentence, offset, anchors, hits, taken, free } = d;
  ANNIVERSARY.lastIndex = 0;
  for (let m = ANNIVERSARY.exec(sentence); m; m = ANNIVERSARY.exec(sentence)) {
    const word = (m[1] as string).toLowerCase();
    const n = /^\d/.test(word)
      ? Number.parseInt(word, 10)
      : word.endsWith("-year")
        ? countOf(word.slice(0, -5))
        : ORDINALS.indexOf(word) + 1;
    const phraseStart = m.index + m[0].length;
    const phrase = sentence.slice(phraseStart, phraseStart + 80).split(/[,;:.]/)[0] as string;
    const anchor = anchorNamed(anchors, phrase, offset + phraseStart);
    const edtf = anchor ? shift(anchor.time.edtf, n, "years", 1, true) : null;
    if (!anchor || !edtf || !free(m.index, phraseStart + phrase.length)) continue;
    const expression = sentence.slice(m.index, phraseStart + phrase.length).trim();
    const time = make(
      edtf,
      "relative",
      expression,
      `${n} years after ${anchor.title} (${anchor.time.edtf}), an event the atlas holds.`,
    );
    if (!time) continue;
    taken.push([m.index, phraseStart + phrase.length]);
    hits.push({ start: offset + m.index, end: offset + m.index + expression.length, time });
  }
}

/**
 * "since the killing of Soleimani": from the one event the atlas holds that the words name, to the time of
 * writing.
 */
function sinceEvent(d: DateReading): void {
  const { sentence, offset, ref, anchors, hits, taken, free } = d;
  SINCE_EVENT.lastIndex = 0;
  for (let m = SINCE_EVENT.exec(sentence); m && ref?.day != null && !ref.span; m = SINCE_EVENT.exec(sentence)) {
    const phraseStart = m.index + m[0].length;
    const phrase = sentence.slice(phraseStart, phraseStart + 80).split(/[,;:.]/)[0] as string;
    const anchor = anchorNamed(anchors, phrase, offset + phraseStart);
    const from = anchor?.time.edtf.split("/")[0];
    if (!from || from === ".." || !free(m.index, phraseStart + phrase.length) || from > ref.edtf) continue;
    const expression = sentence.slice(m.index, phraseStart + phrase.length).trim();
    const time = make(
      `${from}/${ref.edtf}`,
      "relative",
      expression,
      `From ${anchor.title} (${anchor.time.edtf}), an event the atlas holds, to the time of writing (${ref.edtf}).`,
    );
    if (!time) continue;
    taken.push([m.index, phraseStart + phrase.length]);
    hits.push({ start: offset + m.index, end: offset + m.index + expression.length, time });
  }
}

/**
 * "the end of the year", "the beginning of the month": its last or first part, against publication;
 * not in a sentence that names a year ("In 2019, … until the end of the year" is that year's).
 */
function endOf(d: DateReading): void {
  const { sentence, offset, ref, unresolved, hits, taken, free } = d;
  if (/\b(?:19|20)\d{2}\b/.test(sentence)) return;
  END_OF.lastIndex = 0;
  for (let m = END_OF.exec(sentence); m; m = END_OF.exec(sentence)) {
    if (!free(m.index, m.index + m[0].length)) continue;
    taken.push([m.index, m.index + m[0].length]);
    if (!ref) {
      tally(unresolved, "no-reference");
      continue;
    }
    const unit = (m[2] as string).toLowerCase();
    if (unit === "month" && ref.month === null) continue;
    const edtf = unit === "year" ? String(ref.year) : `${ref.year}-${pad(ref.month as number)}`;
    const part = /^end$/i.test(m[1] as string) ? "late" : "early";
    const time = make(edtf, "relative", m[0], `Resolved against the publication date (${ref.edtf}).`, part);
    if (time) hits.push({ start: offset + m.index, end: offset + m.index + m[0].length, time });
  }
}

/** "within the next two days", "has 30 days to": from publication forward. */
function spanAhead(d: DateReading): void {
  const { sentence, offset, ref, hits, taken, free } = d;
  for (const re of [NEXT_SPAN, HAS_SPAN]) {
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      if (!free(m.index, m.index + m[0].length) || !ref || ref.day === null) continue;
      const n = countOf(m[1] as string);
      const end = shift(ref.edtf, n, m[2] as string, 1);
      if (!end || !Number.isFinite(n)) continue;
      taken.push([m.index, m.index + m[0].length]);
      // ("has 30 days": the time is the count; "within the next two days" all of it.)
      const from = re === HAS_SPAN ? m.index + m[0].search(new RegExp(`\\b${m[1]}\\s+${m[2]}$`, "i")) : m.index;
      const words = sentence.slice(from, m.index + m[0].length);
      const time = make(`${ref.edtf}/${end}`, "relative", words, `From publication (${ref.edtf}) forward.`);
      if (time) hits.push({ start: offset + from, end: offset + m.index + m[0].length, time });
    }
  }
}

/** "in the past two months": counted back from publication, up to it. */
function spanBack(d: DateReading): void {
  const { sentence, offset, ref, hits, taken, free } = d;
  PAST_SPAN.lastIndex = 0;
  for (let m = PAST_SPAN.exec(sentence); m && ref?.day != null; m = PAST_SPAN.exec(sentence)) {
    const n = countOf(m[1] as string);
    const from = Number.isFinite(n) ? shift(ref.edtf, n, m[2] as string, -1, true) : null;
    if (!from || !free(m.index, m.index + m[0].length)) continue;
    taken.push([m.index, m.index + m[0].length]);
    const time = make(
      `${from}/${ref.edtf}`,
      "relative",
      m[0],
      `Counted back from publication (${ref.edtf}), up to it.`,
    );
    if (time) hits.push({ start: offset + m.index, end: offset + m.index + m[0].length, time });
  }
}

/**
 * "killed four years ago Wednesday": an anniversary counted back from a weekday of the week of
 * publication (the most recent such day on or before it), to the day.
 */
const AGO_WEEKDAY =
  /\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+(years?|months?|weeks?)\s+ago\s+(?:on\s+|this\s+)?(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/gi;

function agoWeekday(d: DateReading): void {
  const { sentence, offset, ref, hits, taken, free } = d;
  AGO_WEEKDAY.lastIndex = 0;
  for (let m = AGO_WEEKDAY.exec(sentence); m && ref?.day != null; m = AGO_WEEKDAY.exec(sentence)) {
    const n = countOf(m[1] as string);
    if (!Number.isFinite(n) || !free(m.index, m.index + m[0].length)) continue;
    const published = utc(ref.year, ref.month as number, ref.day);
    const want = WEEKDAYS.indexOf((m[3] as string).toLowerCase());
    const weekday = addDays(ref.edtf, -daysBackTo(published, want));
    const edtf = shift(weekday, n, m[2] as string, -1, true);
    if (!edtf) continue;
    taken.push([m.index, m.index + m[0].length]);
    const time = make(
      edtf,
      "relative",
      m[0],
      `Counted back ${m[1]} ${m[2]} from ${weekday}, the ${m[3]} on or before publication (${ref.edtf}).`,
    );
    if (time) hits.push({ start: offset + m.index, end: offset + m.index + m[0].length, time });
  }
}

/**
 * "last night", "overnight": the night before publication, from the evening before into the day.
 * Not "overnight Saturday" (chrono's day), "did not change overnight" (a manner of speaking), nor
 * while the text is telling of an earlier year ("In June 2014, fighters advanced overnight").
 */
const LAST_NIGHT =
  /\b(?:(?:late\s+)?last\s+night|overnight)\b(?!\s+(?:on\s+)?(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday|into|to|\d))/gi;
const OVERNIGHT_IDIOM =
  /\b(?:change[sd]?|changing|happen(?:s|ed)?|disappear(?:s|ed)?|transform(?:s|ed)?|solved?|succe(?:ss|eded?))\b[^.,;]{0,30}$/i;

function lastNight(d: DateReading): void {
  const { sentence, offset, ref, hits, taken, free } = d;
  LAST_NIGHT.lastIndex = 0;
  for (let m = LAST_NIGHT.exec(sentence); m && ref?.day != null && !ref.narrative; m = LAST_NIGHT.exec(sentence)) {
    if (!free(m.index, m.index + m[0].length)) continue;
    if (/^overnight$/i.test(m[0]) && OVERNIGHT_IDIOM.test(sentence.slice(0, m.index))) continue;
    taken.push([m.index, m.index + m[0].length]);
    const time = make(
      `${addDays(ref.edtf, -1)}/${ref.edtf}`,
      "relative",
      m[0],
      `The night before publication (${ref.edtf}).`,
    );
    if (time) hits.push({ start: offset + m.index, end: offset + m.index + m[0].length, time });
  }
}

/** "this morning", "earlier this afternoon": a part of the day of publication. */
const THIS_PART_OF_DAY = /\b(?:(?:early|earlier|late|later)\s+)?this\s+(?:morning|afternoon|evening)\b/gi;

function thisPartOfDay(d: DateReading): void {
  const { sentence, offset, ref, hits, taken, free } = d;
  THIS_PART_OF_DAY.lastIndex = 0;
  for (
    let m = THIS_PART_OF_DAY.exec(sentence);
    m && ref?.day != null && !ref.narrative;
    m = THIS_PART_OF_DAY.exec(sentence)
  ) {
    if (!free(m.index, m.index + m[0].length)) continue;
    taken.push([m.index, m.index + m[0].length]);
    const time = make(ref.edtf, "relative", m[0], `The day of publication (${ref.edtf}).`);
    if (time) hits.push({ start: offset + m.index, end: offset + m.index + m[0].length, time });
  }
}

/** "two days later", "the next day": counted from the day the text last stated, when there is one. */
function afterTold(d: DateReading): void {
  const { sentence, offset, ref, hits, taken, free } = d;
  AFTER_TOLD.lastIndex = 0;
  for (let m = AFTER_TOLD.exec(sentence); m && ref?.toldDay; m = AFTER_TOLD.exec(sentence)) {
    const n = m[1] ? countOf(m[1]) * (/^week/i.test(m[2] as string) ? 7 : 1) : m[5] || m[6] ? 0 : 1;
    const sign = /later|next|following/i.test(m[3] ?? m[4] ?? "") ? 1 : -1;
    if (!Number.isFinite(n) || !free(m.index, m.index + m[0].length)) continue;
    taken.push([m.index, m.index + m[0].length]);
    const note = `Counted from ${ref.toldDay}, the day the text last stated.`;
    const time = make(addDays(ref.toldDay, sign * n), "relative", m[0], note);
    if (time) hits.push({ start: offset + m.index, end: offset + m.index + m[0].length, time });
  }
}

/** "this past week": the seven days before publication. */
function pastWeek(d: DateReading): void {
  const { sentence, offset, ref, hits, taken, free } = d;
  PAST_WEEK.lastIndex = 0;
  for (let m = PAST_WEEK.exec(sentence); m && ref?.day != null; m = PAST_WEEK.exec(sentence)) {
    if (!free(m.index, m.index + m[0].length)) continue;
    taken.push([m.index, m.index + m[0].length]);
    const note = `The seven days before publication (${ref.edtf}).`;
    const time = make(`${addDays(ref.edtf, -7)}/${addDays(ref.edtf, -1)}`, "relative", m[0], note);
    if (time) hits.push({ start: offset + m.index, end: offset + m.index + m[0].length, time });
  }
}

/** "in the past 24 hours": the days those hours reach back, up to publication. */
function pastHours(d: DateReading): void {
  const { sentence, offset, ref, hits, taken, free } = d;
  PAST_HOURS.lastIndex = 0;
  for (let m = PAST_HOURS.exec(sentence); m && ref?.day != null; m = PAST_HOURS.exec(sentence)) {
    const hours = Number(m[1]);
    if (!free(m.index, m.index + m[0].length) || hours < 1 || hours > 240) continue;
    taken.push([m.index, m.index + m[0].length]);
    const time = make(
      `${addDays(ref.edtf, -Math.ceil(hours / 24))}/${ref.edtf}`,
      "relative",
      m[0],
      `The ${hours} hours up to publication (${ref.edtf}).`,
    );
    if (time) hits.push({ start: offset + m.index, end: offset + m.index + m[0].length, time });
  }
}

/** "in recent weeks", "in recent years": the weeks, months or years up to publication. */
function recentSpan(d: DateReading): void {
  const { sentence, offset, ref, hits, taken, free } = d;
  RECENT.lastIndex = 0;
  for (let m = RECENT.exec(sentence); m; m = RECENT.exec(sentence)) {
    if (!free(m.index, m.index + m[0].length) || !ref || ref.month === null) continue;
    taken.push([m.index, m.index + m[0].length]);
    const until = `${ref.year}-${pad(ref.month)}`;
    // "in recent years": how far back is not said, nor bounded as weeks and months are.
    const years = /years/i.test(m[1] as string);
    const { back, from } = weeksOrMonthsTo(m[1] as string, ref.year, ref.month);
    const time = years
      ? make(`../${until}`, "relative", m[0], `The years up to publication (${ref.edtf}); how many is not said.`)
      : make(
          `${from}/${until}`,
          "relative",
          m[0],
          `The ${back === 1 ? "weeks" : "months"} up to publication (${ref.edtf}); how many is not said.`,
        );
    if (time) hits.push({ start: offset + m.index, end: offset + m.index + m[0].length, time });
  }
}

/** What chrono read, resolved as news prose means it (a modifier before it, a deadline ahead). */
function chronoDates(d: DateReading): void {
  const { sentence, offset, ref, unresolved, hits, free, results } = d;
  for (const r of results) {
    if (!free(r.index, r.index + r.text.length)) continue;
    let text = r.text.replace(/[\s,.;:]+$/, "");
    // "the 1990s": a decade, which YEARISH reads (chrono takes "1990s after" for a day).
    if (/^(?:19|20)\d0s\b/.test(text)) continue;
    // "now" is the moment of writing, not a date; "march on Baghdad" is a verb.
    const named = /[\p{Lu}\d]/u.test(text) || /\b(today|tonight|yesterday|tomorrow|week|month|year|ago)\b/i.test(text);
    if (/^(right )?now$/i.test(text) || !named) continue;
    // "told Baghdad Today", "USA Today": a capitalized "Today" after a capitalized word (not the
    // sentence's first) ends a name.
    if (text === "Today" && /\S\s+\p{Lu}[\p{L}.]*\s+$/u.test(sentence.slice(0, r.index))) continue;
    let start = r.index;
    const lead = MODIFIER.exec(sentence.slice(Math.max(0, start - 24), start));
    const modWord = lead?.[2]?.toLowerCase();
    // ("between late January and early March": a part said of a range's first end is not the range's.)
    const part = r.end ? undefined : partOf(lead?.[1] ?? lead?.[3]);
    if (lead?.[0]) {
      start -= lead[0].length;
      text = sentence.slice(start, r.index) + text;
    }
    // ("about 10 days ago", "at least 10 days ago": a hedge before a count back is the date's.)
    const hedge = /\bago\b/i.test(r.text) ? HEDGE.exec(sentence.slice(Math.max(0, start - 24), start)) : null;
    if (hedge?.[0]) {
      text = sentence.slice(start - hedge[0].length, start) + text;
      start -= hedge[0].length;
    }
    const own = /^(last|this|next|past|previous|coming)\b/i.exec(r.text)?.[1]?.toLowerCase();
    const ahead = FORWARD.test(sentence.slice(Math.max(0, start - 40), start)) ? "forward" : undefined;
    const resolved = resolveChrono(r, text, modWord ?? own ?? ahead, ref);
    if (resolved === null) continue;
    if (typeof resolved === "string") {
      tally(unresolved, resolved);
      continue;
    }
    // "midnight Sunday": the night that Sunday ends or begins, so both days; a time stamp after a
    // date ("Mon., Sept. 1, 2014, midnight") is that date's.
    const night = /\bmidnight\b/i.test(text) && !/,\s*midnight$/i.test(text);
    const edtf = night ? nightOf(resolved.edtf) : resolved.edtf;
    const time = make(edtf, resolved.relative ? "relative" : "explicit", text, resolved.note, part);
    if (time) hits.push({ start: offset + start, end: offset + start + text.length, time });
  }
}

/**
 * "Pompeo called on Sunday, a day after three troops were wounded": a count set beside a day counts from that
 * day (back for "after", forward for "before").
 */
function besideDay(d: DateReading): void {
  const { sentence, offset, unresolved, hits, unplaced } = d;
  for (const { m, n } of unplaced) {
    const day = hits.find(
      (h) => /^\d{4}-\d{2}-\d{2}$/.test(h.time.edtf) && /^\s*,\s*$/.test(sentence.slice(h.end - offset, m.index)),
    );
    const unitDays = UNIT_DAYS[(m[2] as string).toLowerCase().replace(/s$/, "")];
    if (!day || unitDays === undefined || !Number.isFinite(n)) {
      tally(unresolved, "unknown-event");
      continue;
    }
    const sign = /before|prior/i.test(m[3] as string) ? 1 : -1;
    const expression = sentence.slice(m.index, m.index + m[0].trimEnd().length);
    const time = make(
      addDays(day.time.edtf, sign * n * unitDays),
      "relative",
      expression,
      `Counted ${sign < 0 ? "back" : "forward"} from ${day.time.edtf}, the day set beside it, as the day of the happening it names.`,
    );
    if (time) hits.push({ start: offset + m.index, end: offset + m.index + expression.length, time });
  }
}

/** "at 7:20 p.m.", "at dawn": a time of day said alone falls on the day the text last stated. */
function clock(d: DateReading): void {
  const { sentence, offset, ref, hits, taken, free } = d;
  CLOCK.lastIndex = 0;
  for (let m = CLOCK.exec(sentence); m; m = CLOCK.exec(sentence)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!ref?.toldDay || hits.some((h) => h.start - offset < end && start < h.end - offset) || !free(start, end))
      continue;
    taken.push([start, end]);
    const time = make(ref.toldDay, "relative", m[0], `A time of day on the day the text last stated (${ref.toldDay}).`);
    if (time) hits.push({ start: offset + start, end: offset + end, time });
  }
}

/**
 * "shortly afterwards", "in the wake of the attack", "hours before the vote": the day the text last stated
 * (the hours reach into the day before or after it), unless the words go on to a date of their own.
 */
function toldNear(d: DateReading): void {
  const { sentence, offset, ref, hits, taken, free } = d;
  TOLD_NEAR.lastIndex = 0;
  for (let m = TOLD_NEAR.exec(sentence); m && ref?.toldDay; m = TOLD_NEAR.exec(sentence)) {
    const start = m.index;
    const end = start + m[0].length;
    const rest = (sentence.slice(end).split(/[,;]/)[0] as string).slice(0, 60);
    if (!free(start, end) || hits.some((h) => h.start - offset < end + rest.length && start < h.end - offset)) continue;
    // "48 hours later", "for hours before": a count of hours, or a length, not a time near the day told.
    if (
      /^hours/i.test(m[0]) &&
      /\b(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|many|for)\s+$/i.test(
        sentence.slice(0, start),
      )
    )
      continue;
    taken.push([start, end]);
    const told = ref.toldDay;
    const hours = /^hours/i.test(m[0]) ? (/before|earlier/i.test(m[0]) ? -1 : 1) : 0;
    const edtf = hours < 0 ? `${addDays(told, -1)}/${told}` : hours > 0 ? `${told}/${addDays(told, 1)}` : told;
    const time = make(edtf, "relative", m[0], `Close to the day the text last stated (${told}).`);
    if (time) hits.push({ start: offset + start, end: offset + end, time, near: true });
  }
}

/** "the 1980-1988 war", "a 2007-08 civil war". */
function yearRange(d: DateReading): void {
  const { sentence, offset, hits, taken, free } = d;
  YEAR_RANGE.lastIndex = 0;
  for (let m = YEAR_RANGE.exec(sentence); m; m = YEAR_RANGE.exec(sentence)) {
    const from = m[1] as string;
    const to = (m[2] as string).length === 2 ? `${from.slice(0, 2)}${m[2]}` : (m[2] as string);
    if (to <= from || !free(m.index, m.index + m[0].length)) continue;
    taken.push([m.index, m.index + m[0].length]);
    const time = make(`${from}/${to}`, "explicit", m[0]);
    if (time) hits.push({ start: offset + m.index, end: offset + m.index + m[0].length, time });
  }
}

/** "last summer", "this winter": a season named against the time of writing. */
function seasonNamed(d: DateReading): void {
  const { sentence, offset, ref, unresolved, hits, taken, free } = d;
  SEASON_NAMED.lastIndex = 0;
  for (let m = SEASON_NAMED.exec(sentence); m; m = SEASON_NAMED.exec(sentence)) {
    if (!free(m.index, m.index + m[0].length)) continue;
    taken.push([m.index, m.index + m[0].length]);
    if (!ref || ref.month === null) {
      tally(unresolved, ref ? "imprecise-reference" : "no-reference");
      continue;
    }
    const code = SEASONS[(m[2] as string).toLowerCase()] as number;
    const before = sentence.slice(Math.max(0, m.index - 60), m.index);
    const past = TOLD_PAST.test(before) && !TOLD_AHEAD.test(before);
    const year = seasonYear(code, (m[1] as string).toLowerCase(), ref.year, ref.month, past);
    const time = make(`${year}-${code}`, "relative", m[0], `Resolved against the publication date (${ref.edtf}).`);
    if (time) hits.push({ start: offset + m.index, end: offset + m.index + m[0].length, time });
  }
}

/** "no casualties reported yet", "after months of protests": a time up to publication, its start unsaid. */
function upToNow(d: DateReading): void {
  const { sentence, offset, ref, hits, taken, free } = d;
  for (const re of [YET, SPELL_OF]) {
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m && ref; m = re.exec(sentence)) {
      if (!free(m.index, m.index + m[0].length)) continue;
      taken.push([m.index, m.index + m[0].length]);
      const note = `Up to publication (${ref.edtf}); when it began is not said.`;
      const time = make(`../${ref.edtf}`, "relative", m[0], note);
      if (time) hits.push({ start: offset + m.index, end: offset + m.index + m[0].length, time });
    }
  }
}

/** "now", "currently": the time of writing; "so far", "to date": up to it. */
function nowish(d: DateReading): void {
  const { sentence, offset, ref, unresolved, hits, free } = d;
  NOWISH.lastIndex = 0;
  for (let m = NOWISH.exec(sentence); m; m = NOWISH.exec(sentence)) {
    if (!free(m.index, m.index + m[0].length) || /^\s*(that|-)/.test(sentence.slice(m.index + m[0].length))) continue;
    if (!ref) {
      tally(unresolved, "no-reference");
      continue;
    }
    // "so far", "to date" say how things stand at the time of writing; "until now" is the time up to it.
    const upTo = /until now|up to now/i.test(m[0]);
    const time = make(
      upTo ? `../${ref.edtf}` : ref.edtf,
      "relative",
      m[0],
      `The time of writing: the publication date (${ref.edtf})${upTo ? ", up to which" : ""}.`,
    );
    if (time) hits.push({ start: offset + m.index, end: offset + m.index + m[0].length, time });
  }
}

/** "has been fighting for years": a stretch up to the time of writing. */
function forYears(d: DateReading): void {
  const { sentence, offset, ref, hits, taken, free } = d;
  FOR_YEARS.lastIndex = 0;
  for (let m = FOR_YEARS.exec(sentence); m && ref; m = FOR_YEARS.exec(sentence)) {
    const before = sentence.slice(0, m.index);
    const perfect = PERFECT_NOW.test(before) || PERFECT_REPORTED.test(before);
    if (!perfect || !free(m.index, m.index + m[0].length)) continue;
    taken.push([m.index, m.index + m[0].length]);
    const note = `Up to the time of writing (${ref.edtf}); since when is not said.`;
    const time = make(`../${ref.edtf}`, "relative", m[0], note);
    if (time) hits.push({ start: offset + m.index, end: offset + m.index + m[0].length, time });
  }
}

/**
 * "had been kidnapped for 16 months has been freed": a length counted back from the time of writing,
 * when the sentence tells it in the perfect; else a length, no date ("was held for two years").
 */
function forCount(d: DateReading): void {
  const { sentence, offset, ref, hits, taken, free } = d;
  FOR_COUNT.lastIndex = 0;
  for (let m = FOR_COUNT.exec(sentence); m; m = FOR_COUNT.exec(sentence)) {
    if (!free(m.index, m.index + m[0].length)) continue;
    taken.push([m.index, m.index + m[0].length]);
    const n = countOf(m[1] as string);
    // The perfect must govern the length: told in its own clause, just before it ("who has led the
    // government for a year"; "had been kidnapped … for 16 months has been freed"), and not a
    // sentence or an extension that runs on from then ("has sentenced him to prison for 15 years").
    const clause = (
      sentence
        .slice(0, m.index)
        .split(/[,;:()]/)
        .at(-1) ?? ""
    )
      .split(/\s+/)
      .slice(-9)
      .join(" ");
    const perfect =
      !LENGTH_AHEAD.test(clause) &&
      (PERFECT_DONE.test(clause) ||
        (/\bhad\s+been\b/i.test(clause) && PERFECT_DONE.test(sentence.slice(m.index))) ||
        PERFECT_REPORTED.test(sentence.slice(0, m.index)));
    if (!ref || ref.day === null || !perfect || !Number.isFinite(n)) continue;
    const from = shift(ref.edtf, n, m[2] as string, -1);
    if (!from) continue;
    const note = `The ${m[0].slice(4)} up to the time of writing (${ref.edtf}).`;
    const time = make(`${from}/${ref.edtf}`, "relative", m[0], note);
    if (time) hits.push({ start: offset + m.index, end: offset + m.index + m[0].length, time });
  }
}

/** "after having spent weeks agitating": up to the day the text last stated. */
function spent(d: DateReading): void {
  const { sentence, offset, ref, hits, taken, free } = d;
  SPENT.lastIndex = 0;
  for (let m = SPENT.exec(sentence); m && ref; m = SPENT.exec(sentence)) {
    const until = ref.toldDay ?? (ref.day !== null ? ref.edtf : null);
    if (!until || !free(m.index, m.index + m[0].length)) continue;
    taken.push([m.index, m.index + m[0].length]);
    const [y, mo] = until.split("-").map(Number) as [number, number];
    const { back, from } = weeksOrMonthsTo(m[1] as string, y, mo);
    const note = `The ${back === 1 ? "weeks" : "months"} up to ${until}, the day the text last stated; how many is not said.`;
    const time = make(`${from}/${until}`, "relative", m[0], note);
    if (time) hits.push({ start: offset + m.index, end: offset + m.index + m[0].length, time });
  }
}

/** "in 2014", "the 1980s", "summer 2014", "mid-2018": what chrono leaves out. */
function yearish(d: DateReading): void {
  const { sentence, offset, hits, free } = d;
  YEARISH.lastIndex = 0;
  for (let m = YEARISH.exec(sentence); m; m = YEARISH.exec(sentence)) {
    const start = m.index;
    const end = start + m[0].length;
    if (hits.some((h) => h.start - offset < end && start < h.end - offset) || !free(start, end)) continue;
    const before = sentence[start - 1] ?? " ";
    const after = sentence.slice(end, end + 2);
    if (/[\d$£€,.\-/]/.test(before) || /^[,.]?\d/.test(after) || /^[-/]\d/.test(after)) continue;
    const [, partWord, season, yearText, decade] = m;
    const year = yearText as string;
    let edtf: string;
    if (decade) edtf = `${year.slice(0, 3)}X`;
    else if (season) edtf = `${year}-${SEASONS[season.toLowerCase()]}`;
    else {
      if (COUNT_NOUNS.test(sentence.slice(end))) continue;
      edtf = year;
    }
    const time = make(edtf, "explicit", m[0], undefined, partOf(partWord));
    if (time) hits.push({ start: offset + start, end: offset + end, time });
  }
}

/** The readers of a sentence's dates, in turn: an earlier one takes its words from the later ones. */
const DATE_READERS: ((d: DateReading) => void)[] = [
  countedFromEvent,
  anniversary,
  sinceEvent,
  endOf,
  spanAhead,
  spanBack,
  agoWeekday,
  lastNight,
  thisPartOfDay,
  afterTold,
  pastWeek,
  pastHours,
  recentSpan,
  forCount,
  chronoDates,
  besideDay,
  clock,
  yearRange,
  seasonNamed,
  upToNow,
  nowish,
  forYears,
  spent,
  yearish,
  // (Last: "shortly after the 2003 invasion" is 2003, which the readers before it find.)
  toldNear,
];

/** Dates in one sentence against one day of publication (or none). */
function findDatesAt(
  sentence: string,
  offset: number,
  ref: Reference | null,
  unresolved: Map<Unresolved, number>,
  anchors: Anchor[],
): DateHit[] {
  if (!DATEISH_NAMES.test(sentence) && !DATEISH_WORDS.test(sentence)) return [];
  const hits: DateHit[] = [];
  const taken: [number, number][] = [];
  /** Counts from a happening the words do not let us date yet ("on Sunday, a day after …": below). */
  const unplaced: { m: RegExpExecArray; n: number }[] = [];
  const free = (a: number, b: number) => !taken.some(([x, y]) => a < y && x < b);
  const instant = ref ? utc(ref.year, ref.month ?? 7, ref.day ?? 1) : new Date();
  // Each result read again where chrono misreads it, then ranges joined: so both ends of "between the
  // morning of March 26 and the morning of March 27" are read as their days.
  const results = mergeRanges(
    chrono
      .parse(withoutCounts(sentence), { instant, timezone: 0 })
      .map((r) => reparsed({ index: r.index, text: r.text, start: r.start, end: r.end ?? null }, sentence, instant)),
    sentence,
  );
  const d: DateReading = { sentence, offset, ref, unresolved, anchors, hits, taken, free, unplaced, results };
  for (const read of DATE_READERS) read(d);
  return partOfToldDay(
    spokenAt(
      hits.map((h) => openEnded(partOfPeriod(h, sentence, offset), sentence, offset)),
      sentence,
      offset,
      ref,
    ),
  ).sort((a, b) => a.start - b.start);
}

/**
 * "from November 27-28 32 people had been killed": a count after a day is no year (chrono read
 * "2032"). Its digits are masked, the offsets kept.
 */
const COUNT_AFTER_DAY = new RegExp(
  String.raw`(?<=\d\s+|\b\d{1,2}\s+(?:${MONTH_WORDS})\.?\s+)\d{1,3}(?=\s+\p{Ll})`,
  "gu",
);
const withoutCounts = (sentence: string) => sentence.replace(COUNT_AFTER_DAY, (n) => "#".repeat(n.length));

/** Is a day the text stated within the month before publication? A quotation's "now" is not years back. */
function recent(day: string, ref: Reference): boolean {
  const first = ref.span?.first ?? ref;
  const last = ref.span?.last ?? ref;
  if (first.month === null || first.day === null || last.month === null || last.day === null) return false;
  const at = Date.parse(`${day.slice(0, 10)}T12:00:00Z`);
  return (
    at >= Date.UTC(first.year, first.month - 1, first.day, 12) - 31 * DAY_MS &&
    at <= Date.UTC(last.year, last.month - 1, last.day, 12)
  );
}

function withoutJustBefore(ref: Reference): Reference {
  const { justBefore: _, ...rest } = ref;
  return rest;
}

/** "around midnight Sunday" (2019-12-29) is the night from that day into the next. */
function nightOf(edtf: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(edtf)) return edtf;
  return `${edtf}/${addDays(edtf, 1)}`;
}

const CLOCK =
  /\b(?:at|around|about|by|shortly (?:after|before))\s+(?:\d{1,2}:\d{2}(?:\s*[ap]\.?m\b\.?)?|\d{1,2}(?:\.\d{2})?\s*[ap]\.?m\b\.?|dawn|dusk|daybreak|sunrise|sunset|noon|midday)(?:\s+local time)?/gi;
/**
 * Told as near another happening: "shortly afterwards", "soon after", "in the wake of the attack", "hours
 * before the vote".
 */
const HAPPENING_NOUN =
  "(?:attacks?|strikes?|airstrikes?|killing|assassination|incident|raids?|vote|announcement|bombing|protests?|clashes|shooting|explosion|blast|ambush|arrests?|meeting|nomination|election)";
const TOLD_NEAR = new RegExp(
  `\\b(?:(?:soon|shortly|immediately|just)\\s+(?:after(?:wards?)?|afterward)(?=\\s*[,.;])|(?:soon|shortly|immediately|just)\\s+after\\s+(?:the|this|that|his|her|its|their)\\s+(?:[a-z]+\\s+)?${HAPPENING_NOUN}\\b|in\\s+the\\s+(?:immediate\\s+)?(?:wake|aftermath)\\s+of\\s+(?:the|this|that)\\s+(?:[a-z]+\\s+)?${HAPPENING_NOUN}\\b|hours\\s+(?:later|earlier|before|after)\\b)`,
  "gi",
);
