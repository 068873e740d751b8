/**
 * Event suggestions: each happening a sentence tells, dated from its paragraph (or from another
 * account of it in the document, or bounded by publication), placed, and matched against the
 * events the atlas holds.
 */
import { precisionOf, type Time } from "@atlas/schema";
import type { Draft, ProposalOf } from "../types.js";
import { corroborated, placesIn, tieWeights } from "./corroborate.js";
import type { DateHit } from "./date-core.js";
import { isSeries, nearestTime, retoldTimes, toldAsDone } from "./event-times.js";
import { type EventHit, eventTitle } from "./events.js";
import type { SuggestInput } from "./input.js";
import { eventLabel, span } from "./labels.js";

/** A happening a sentence tells, with the dates of its paragraph so far. */
export interface ToldEvent {
  hit: EventHit;
  sentence: [number, number];
  paragraphStart: number;
  dates: DateHit[];
  headline: boolean;
}

/** The honest bound for a happening the text does not date: by the time of publication. */
function byPublication(published: string): Time {
  const edtf = `../${(published.split("/").at(-1) ?? published).replace(/[~?%]/g, "")}`;
  return {
    edtf,
    precision: precisionOf(edtf),
    basis: "inferred",
    note: `The text gives no date near it: it happened by the time the document was published (${published}).`,
  };
}

/**
 * A happening dated "since October 17" happened between then and the time of writing: the open end
 * of the date is closed at the publication date.
 */
function untilPublication(time: Time, published: string | undefined): Time {
  if (!published || !time.edtf.endsWith("/..")) return time;
  const edtf = `${time.edtf.slice(0, -3)}/${(published.split("/").at(-1) ?? published).replace(/[~?%]/g, "")}`;
  return {
    ...time,
    edtf,
    precision: precisionOf(edtf),
    note: `${time.note ? `${time.note} ` : ""}Until the time of writing (${published}).`,
  };
}

/** Each told event's own account: its time as its paragraph dates it, its place, who takes part as what. */
function accountsOf(text: string, events: ToldEvent[], published: string | undefined, places: SuggestInput["places"]) {
  const placeFinder = placesIn(places);
  return events.map(({ hit, sentence, paragraphStart, dates: before, headline }) => {
    const near = toldAsDone(
      nearestTime({ start: sentence[0], end: sentence[1] }, before, paragraphStart, hit),
      text.slice(sentence[0], hit.trigger.start),
      before.some((d) => d.start >= hit.trigger.end && d.start < sentence[1]),
    );
    // A habit or a series, or how things stand now ("X is designated"), that its own sentence does
    // not date is not dated by another sentence's day.
    const series = isSeries({
      kind: hit.kind,
      sentence: text.slice(sentence[0], sentence[1]),
      trigger: hit.trigger.text,
    });
    const when = near?.near === false && (series || hit.standing) ? null : near;
    const place = placeFinder(text, sentence[0], sentence[1]);
    return {
      kind: hit.kind,
      time: when ? untilPublication(when.time, published) : null,
      own: when?.near === true,
      // Who takes part as what ("the US" attacking is not "the US" attacked), and the place.
      keys: [
        ...hit.participants.map((x) => `${x.actorId ?? x.name}:${x.role.replace(/^alleged_/, "")}`),
        ...(place ? [place.placeId ?? place.name] : []),
      ],
      headline,
      sentence: text.slice(sentence[0], sentence[1]),
      trigger: hit.trigger.text,
      when,
      place,
    };
  });
}

export function eventDrafts(
  text: string,
  events: ToldEvent[],
  published: string | undefined,
  input: Pick<SuggestInput, "places" | "actors" | "events">,
  actorNames: Map<string, string>,
): Draft<ProposalOf<"event">>[] {
  const accounts = accountsOf(text, events, published, input.places);
  const weights = tieWeights(input.actors, input.places);
  // A happening told again without a date takes the date of the account that gives one, saying so.
  const retold = new Map(
    [...retoldTimes(accounts)].map(([index, { time, from }]) => [
      index,
      {
        ...time,
        basis: "inferred" as const,
        note: `The sentence gives no date; another account of it in the document does: “${eventTitle((accounts[from] as (typeof accounts)[number]).sentence, (accounts[from] as (typeof accounts)[number]).trigger)}” (${time.edtf}).`,
      },
    ]),
  );
  return events.map(({ hit, sentence }, index) => {
    const sentenceSpan = span(text, { start: sentence[0], end: sentence[1] });
    const account = accounts[index] as (typeof accounts)[number];
    const { when, place } = account;
    const time: Time | null = account.time ?? retold.get(index) ?? (published ? byPublication(published) : null);
    const participants = hit.participants.map((x) => ({
      actorId: x.actorId,
      name: x.actorId ? (actorNames.get(x.actorId) ?? x.name) : x.name,
      span: span(text, x),
      role: x.role,
    }));
    const title = eventTitle(sentenceSpan.quote, hit.trigger.text);
    const match = corroborated(
      {
        kind: hit.kind,
        time,
        participants: participants.flatMap((x) => (x.actorId ? [{ actorId: x.actorId, role: x.role }] : [])),
        placeId: place?.placeId ?? null,
      },
      input.events ?? [],
      actorNames,
      weights,
    );
    return {
      kind: "event",
      start: sentence[0],
      end: sentence[1],
      quote: sentenceSpan.quote,
      label: eventLabel({ eventKind: hit.kind, title, corroborates: match }),
      proposal: {
        kind: "event",
        eventKind: hit.kind,
        trigger: hit.trigger.text,
        title,
        summary: sentenceSpan.quote.replace(/\s+/g, " ").trim(),
        sentence: sentenceSpan,
        time,
        place,
        participants,
        fatalities: hit.fatalities.map((f) => ({
          low: f.low,
          high: f.high,
          expression: f.expression,
          who: f.who,
          span: span(text, f),
        })),
        injuries: hit.injuries.map((x) => ({ words: x.words, span: span(text, x) })),
        corroborates: match,
        confidence:
          Math.round(
            (hit.confidence -
              (when?.near === false || retold.has(index) ? 0.05 : 0) -
              (when || retold.has(index) ? 0 : 0.1)) *
              100,
          ) / 100,
      },
    };
  });
}

/**
 * The events the atlas holds that the sentence around `words` retells. Event drafts are in
 * document order, one sentence each, and sentences do not overlap: only the events of the last
 * sentence starting at or before the words can hold them, found by halving — a scan of every
 * event for every statement grew with the square of the document.
 */
export function corroboratedAround(drafts: Draft<ProposalOf<"event">>[], words: { start: number; end: number }) {
  let lo = 0;
  let hi = drafts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((drafts[mid] as (typeof drafts)[number]).start <= words.start) lo = mid + 1;
    else hi = mid;
  }
  const sentenceStart = drafts[lo - 1]?.start;
  const ids: string[] = [];
  for (let i = lo - 1; i >= 0 && (drafts[i] as (typeof drafts)[number]).start === sentenceStart; i--) {
    const x = drafts[i] as (typeof drafts)[number];
    if (words.end <= x.end && x.proposal.corroborates) ids.unshift(x.proposal.corroborates.id);
  }
  return ids;
}
