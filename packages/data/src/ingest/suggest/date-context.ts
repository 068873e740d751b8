/**
 * What the words around a date make of it, once found: "since" or "by" before it opens it
 * ("2021-03/.."), "the first four months of" takes that part of its period, a day said in a
 * quotation is the day the words were spoken, and "this morning" is the morning of the day the
 * sentence states.
 */
import { timeBounds } from "@atlas/schema";
import { addDays, countOf, DAY_MS, type DateHit, make, pad, type Reference, shift } from "./date-core.js";

/** "within the next two days": a span counted forward. */
export const NEXT_SPAN =
  /\b(?:within|in|over)\s+the\s+(?:next|coming)\s+(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(days?|weeks?|months?)\b/gi;
/**
 * "Speaking on Thursday, X said he had met the prime minister this morning": a part of the day in a
 * sentence that states another day is on that day (the day the words were said), not on the day of
 * publication.
 */
export function partOfToldDay(hits: DateHit[]): DateHit[] {
  const isPart = (h: DateHit) =>
    /^(?:(?:early|earlier|late|later)\s+)?this\s+(?:morning|afternoon|evening)$/i.test(h.time.expression ?? "");
  const day = hits.find((h) => !isPart(h) && /^\d{4}-\d{2}-\d{2}$/.test(h.time.edtf))?.time.edtf;
  if (!day) return hits;
  return hits.map((h) => {
    if (!isPart(h) || h.time.edtf === day) return h;
    const time = make(day, "relative", h.time.expression ?? "", `On the day the sentence states (${day}).`);
    return time ? { ...h, time } : h;
  });
}

/** A day, or the night of two days ("2019-12-29/2019-12-30"). */
export const DAYISH = /^\d{4}-\d{2}-\d{2}(?:\/\d{4}-\d{2}-\d{2})?$/;
const QUOTED = /“[^”]*(?:”|$)|"[^"]*(?:"|$)/g;
const DAY_AWAY: Record<string, number> = { yesterday: -1, tomorrow: 1 };
const SPEAKING_NOW =
  /^(?:now|today|tonight|currently|at present|nowadays|these days|(?:(?:early|earlier|late|later)\s+)?this\s+(?:morning|afternoon|evening))$/i;

/**
 * "“Our battle is now open,” the group said around midnight Sunday": a time-of-writing word inside
 * a quotation is the time of the speaker's words, when its attribution dates them: a day its own
 * sentence states outside the quotation, or else one the sentence just before stated ("During a
 * speech on June 14 … He emphasized that “… have now become …”"). So is a span counted forward
 * ("“… will be signed within the next two days”") and a day named from it ("yesterday",
 * "tomorrow"): from that day, not from publication.
 */
export function spokenAt(hits: DateHit[], sentence: string, offset: number, ref: Reference | null): DateHit[] {
  const quotes = [...sentence.matchAll(QUOTED)].map((m) => [m.index, m.index + m[0].length] as const);
  if (quotes.length === 0) return hits;
  const inQuote = (h: DateHit) => quotes.some(([a, b]) => h.start - offset >= a && h.end - offset <= b);
  const said = hits.find((h) => !inQuote(h) && DAYISH.test(h.time.edtf))?.time.edtf ?? ref?.justBefore;
  if (!said) return hits;
  return hits.map((h) => {
    if (!inQuote(h)) return h;
    // "will be signed within the next two days": from the day the words were said forward.
    const next = new RegExp(NEXT_SPAN.source, "i").exec(h.time.expression ?? "");
    if (next && /^\d{4}-\d{2}-\d{2}$/.test(said)) {
      const end = shift(said, countOf(next[1] as string), next[2] as string, 1);
      const time =
        end &&
        make(
          `${said}/${end}`,
          "relative",
          h.time.expression ?? "",
          `From the day of the speaker's words (${said}), as the attribution dates them, forward.`,
        );
      return time ? { ...h, time } : h;
    }
    // "“We struck them yesterday,” he said on March 2": the day before the words, not before publication.
    const away = DAY_AWAY[(h.time.expression ?? "").toLowerCase()];
    if (away !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(said)) {
      const time = make(
        addDays(said, away),
        "relative",
        h.time.expression ?? "",
        `The day ${away < 0 ? "before" : "after"} the speaker's words (${said}), as the attribution dates them.`,
      );
      return time ? { ...h, time } : h;
    }
    if (!SPEAKING_NOW.test(h.time.expression ?? "")) return h;
    const time = make(
      said,
      "relative",
      h.time.expression ?? "",
      `The time of the speaker's words (${said}), as the attribution dates them.`,
    );
    return time ? { ...h, time } : h;
  });
}

/** "the first three weeks of January", "the last two months of 2021", "the first week of March". */
const PART_OF_PERIOD =
  /\b(first|last|final)\s+(?:(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+)?(days?|weeks?|months?)\s+of\s+(?:the\s+)?$/i;

/** "the first four months of 2021" is 2021-01/2021-04: that part of the period a date names. */
export function partOfPeriod(hit: DateHit, sentence: string, offset: number): DateHit {
  if (hit.time.edtf.includes("/")) return hit;
  const before = sentence.slice(Math.max(0, hit.start - offset - 40), hit.start - offset);
  const m = PART_OF_PERIOD.exec(before);
  const { earliest, latest } = timeBounds({ edtf: hit.time.edtf });
  if (!m || !earliest || !latest) return hit;
  const count = m[2] ? countOf(m[2]) : 1;
  const unit = (m[3] as string).toLowerCase().replace(/s$/, "");
  const first = (m[1] as string).toLowerCase() === "first";
  let edtf: string | null;
  if (unit === "month") {
    if (hit.time.precision !== "year") return hit;
    const from = first ? 1 : 13 - count;
    const to = first ? count : 12;
    if (count < 1 || count > 12) return hit;
    const y = earliest.slice(0, 4);
    edtf = from === to ? `${y}-${pad(from)}` : `${y}-${pad(from)}/${y}-${pad(to)}`;
  } else {
    const days = count * (unit === "week" ? 7 : 1);
    const span = Math.round((Date.parse(latest) - Date.parse(earliest)) / DAY_MS) + 1;
    if (count < 1 || days >= span) return hit;
    const a = first ? earliest : addDays(latest, 1 - days);
    const b = first ? addDays(earliest, days - 1) : latest;
    edtf = days === 1 ? a : `${a}/${b}`;
  }
  const start = hit.start - m[0].length;
  const time = make(
    edtf,
    hit.time.basis,
    sentence.slice(start - offset, hit.end - offset),
    hit.time.note,
    hit.time.part,
  );
  return time ? { start, end: hit.end, time } : hit;
}

/**
 * "since 2014" is 2014 and after; "by 2017", "until June" are up to then: open intervals, the word
 * kept. So is a clause that "since" opens and the date ends ("Since Biden took office early this year").
 */
export function openEnded(hit: DateHit, sentence: string, offset: number): DateHit {
  if (hit.time.edtf.includes("..")) return hit;
  const before = sentence.slice(Math.max(0, hit.start - offset - 80), hit.start - offset);
  const m =
    /\b(since|by|until|till|before)\s+$/i.exec(before) ?? /\b(since)\s+(?:[^\s,;:.()“”"]+\s+){1,8}$/i.exec(before);
  if (!m) return hit;
  // A span opens from its first day ("since last week": 2017-04-10/..) or closes on its last.
  const [first, last] = [hit.time.edtf.split("/")[0], hit.time.edtf.split("/").at(-1)];
  const edtf = /since/i.test(m[1] as string) ? `${first}/..` : `../${last}`;
  const start = hit.start - m[0].length;
  const expression = sentence.slice(start - offset, hit.end - offset);
  const { precision: _, ...rest } = hit.time;
  const time = make(edtf, hit.time.basis, expression, rest.note, rest.part);
  return time ? { start, end: hit.end, time } : hit;
}
