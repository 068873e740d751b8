/**
 * When a happening was: the date its own clause gives, else its sentence's, else one its
 * paragraph gave before (and a happening told before a dated one, "../<that day>"); a habit or a
 * series takes no other sentence's day; a happening told again without a date takes the date of
 * the account that gives one (`retoldTimes`).
 */
import { type EventKind, type Time, timeBounds } from "@atlas/schema";
import type { EventHit } from "./events.js";

/**
 * What happened before a time: by its end (`../2020-03`), with the note that says why; an
 * open-ended time stays as it is.
 */
function happenedBefore(then: { time: Time; near: boolean }, note: (end: string) => string) {
  const edtf = then.time.edtf;
  if (edtf.startsWith("..") || edtf.endsWith("..")) return then;
  const end = edtf.split("/").at(-1) as string;
  return {
    near: then.near,
    time: { edtf: `../${end}`, precision: then.time.precision, basis: "inferred" as const, note: note(end) },
  };
}

/** The note of a happening ordered before what another part of its sentence dates. */
const toldBefore = (what: string, then: { time: Time }) => () =>
  `Told as happening before what ${what} dates ${then.time.edtf}.`;

/** The present perfect just before a happening's word: "have withdrawn", "has already been killed". */
const PERFECT =
  /\b(?:has|have|['’]ve)\s+(?:(?:already|now|also|reportedly|recently|largely|mostly|just|since)\s+)?(?:been\s+)?$/i;

/** Words that report what someone said, before a happening in their words. */
const REPORTED =
  /\b(?:said|says|claimed|claims|told|tells|stated|states|reported|reports|added|adds|noted|notes|insisted|insists|argued|argues|believes|believed|according\s+to)\b/i;

/**
 * "Warren said on Friday that most of the militias have withdrawn": a happening someone reports in
 * the present perfect had happened by the time the sentence dates, not on it. Not when no one is
 * reported ("the Secretary has designated X" is the act announced, on that day), nor when a date
 * follows it in its sentence ("… that it has struck three sites on Sunday" is Sunday's).
 */
export function toldAsDone(
  near: { time: Time; near: boolean } | null,
  sentenceBefore: string,
  datedAfter: boolean,
): { time: Time; near: boolean } | null {
  const perfect = !near || datedAfter ? null : PERFECT.exec(sentenceBefore.slice(-40));
  if (!near || !perfect || !REPORTED.test(sentenceBefore)) return near;
  return happenedBefore(near, (end) => `Told in the perfect (“${perfect[0].trim()} …”): it had happened by ${end}.`);
}

/**
 * A count that ends on the word opening the clause at `start`: "This decision came two days
 * after a drone attack …" was resolved as the day of what follows "after", not of the decision.
 */
const countedInto = (d: { start: number; end: number }, start: number) =>
  d.start < start && d.end > start && d.end <= start + "following".length + 1;

/** Is time `a` within time `b`, and finer ("2022-01-22" within "2022")? */
function finerWithin(a: Time, b: Time): boolean {
  const [x, y] = [timeBounds(a), timeBounds(b)];
  if (!x.earliest || !x.latest || !y.earliest || !y.latest || a.edtf === b.edtf) return false;
  return x.earliest >= y.earliest && x.latest <= y.latest;
}

/** Are two dates written together, a few characters apart ("Last year in 22nd …", "In 2019, on 3 March")? */
const together = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  (a.start >= b.end ? a.start - b.end : b.start - a.end) <= 10;

/**
 * The date in a span: the first that is not open-ended, else the first; and of two that nest,
 * written together ("Last year in 22nd of January, 2022"), the finer. (A finer date further on
 * may be another happening's: "During 2019, the group, which had been founded on 3 March 2019,
 * attacked …".)
 */
function dateIn(span: { start: number; end: number }, dates: { start: number; end: number; time: Time }[]) {
  const inside = dates.filter((d) => d.start >= span.start && d.end <= span.end);
  const first = inside.find((d) => !d.time.edtf.startsWith("..") && !d.time.edtf.endsWith(".."));
  if (!first) return inside[0];
  return inside.find((d) => finerWithin(d.time, first.time) && together(d, first)) ?? first;
}

/**
 * The time an event proposal takes: a date in its own clause, else what the clause that follows it
 * orders it by ("before the US struck on May 3"), else a date in its sentence, else one just before
 * in the paragraph.
 */
export function nearestTime(
  sentence: { start: number; end: number },
  dates: { start: number; end: number; time: Time }[],
  paragraphStart: number,
  at: Pick<EventHit, "earlier" | "clause" | "next"> = {},
): { time: Time; near: boolean } | null {
  const { earlier, clause, next } = at;
  // "In March, he ordered strikes after another attack killed two": the attack is dated by its own
  // clause's date, else it happened by the date the rest of the sentence gives.
  if (earlier) {
    const counted = dates.find((d) => countedInto(d, earlier.start));
    const own = counted ?? dateIn(earlier, dates);
    if (own) return { time: own.time, near: true };
    const then = nearestTime(sentence, dates, paragraphStart);
    return then && happenedBefore(then, toldBefore("the sentence", then));
  }
  const own = clause && dateIn(clause, dates);
  if (own) return { time: own.time, near: true };
  const then = next && dateIn(next, dates);
  if (next && then) return happenedBefore({ time: then.time, near: true }, toldBefore("the clause after it", then));
  // (Not the count that dates the clause after this one: "The truce came two days after …".)
  const pick = dateIn(sentence, clause ? dates.filter((d) => !countedInto(d, clause.end)) : dates);
  if (pick) return { time: pick.time, near: true };
  const before = dates.filter((d) => d.end <= sentence.start && d.start >= paragraphStart).at(-1);
  return before ? { time: before.time, near: false } : null;
}

/** Words that make a happening a habit or a series, which no one day dates: "repeatedly attacked", "a spate of attacks". */
const HABITUAL =
  /\b(?:repeatedly|often|frequently|regularly|routinely|again and again|series of|spate of|wave of|campaign of)\b/i;

/** Kinds whose plural is a series ("rocket attacks", "arrests"), not one happening as "sanctions" or "elections" are. */
const SERIES_KINDS = new Set<EventKind>(["attack", "strike", "killing", "capture", "battle", "protest"]);

/** A habit or a series ("repeatedly attacked", "a spate of attacks", "rocket attacks"), which no one day dates. */
export const isSeries = (a: { kind: EventKind; sentence: string; trigger: string }): boolean =>
  HABITUAL.test(a.sentence) || (SERIES_KINDS.has(a.kind) && /s$/i.test(a.trigger));

/** What `retoldTimes` reads of one proposed event. */
export interface EventAccount<T> {
  kind: EventKind;
  /** The time its own sentence gives (`own`), or one its paragraph gives, or none. */
  time: T | null;
  own: boolean;
  /** Its participants with their roles (actor ids, or names when not known) and its place. */
  keys: string[];
  /** In the headline or the standfirst: what the article is about, told dated in its body. */
  headline: boolean;
  /** Its sentence's words, and the word that tells it. */
  sentence: string;
  trigger: string;
}

/**
 * The date of a happening the text tells again without a date: a headline ("Iraq militia commander
 * arrested") or a sentence with no date in it or its paragraph takes the date of the nearest account
 * of the same kind that dates it in its own sentence ("Muslih was arrested early on Wednesday"),
 * when the two share a participant or the place (a headline need not: it names the article's
 * happening). A habit or a series ("repeatedly attacked", "rocket attacks") is not retold: no one
 * day dates it. Answers, by index, the time each undated account takes and the account it is from.
 */
export function retoldTimes<T>(accounts: EventAccount<T>[]): Map<number, { time: T; from: number }> {
  // The accounts that date themselves, in text order, by kind and by kind and key: each undated
  // account then looks only at its own few (linear in the document, as the whole pass must be).
  const byKind = new Map<string, number[]>();
  const byKey = new Map<string, number[]>();
  const file = (map: Map<string, number[]>, key: string, at: number) => {
    const list = map.get(key);
    if (list) list.push(at);
    else map.set(key, [at]);
  };
  accounts.forEach((b, j) => {
    if (!b.own || b.time === null) return;
    file(byKind, b.kind, j);
    for (const k of new Set(b.keys)) file(byKey, `${b.kind}\u0000${k}`, j);
  });
  /** The first index in a sorted list at or after `at`. */
  const from = (list: number[], at: number) => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] as number) < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const out = new Map<number, { time: T; from: number }>();
  accounts.forEach((a, i) => {
    if (a.time !== null || isSeries(a)) return;
    let best: number | null = null;
    if (a.headline) {
      // A headline's happening is told after it: the first account of its kind that dates it.
      const list = byKind.get(a.kind) ?? [];
      best = list[from(list, i + 1)] ?? null;
    } else {
      // Otherwise the nearest account either side that shares a participant in its role, or the place.
      for (const k of new Set(a.keys)) {
        const list = byKey.get(`${a.kind}\u0000${k}`) ?? [];
        const at = from(list, i);
        for (const j of [list[at - 1], list[at]]) {
          if (j !== undefined && j !== i && (best === null || Math.abs(j - i) < Math.abs(best - i))) best = j;
        }
      }
    }
    const time = best === null ? null : (accounts[best] as EventAccount<T>).time;
    if (best !== null && time !== null) out.set(i, { time, from: best });
  });
  return out;
}
