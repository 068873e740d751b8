/**
 * What is done to a sentence's statements once they are found: one relayed through another is
 * one statement with its channel, a reported clause ends where the next speaker begins, and a
 * quotation standing alone goes on with the last speaker's words.
 */
import type { NlpSentence } from "./nlp.js";
import { trimSpan } from "./speaker-phrases.js";
import { type StatementContext, type StatementHit, spanOf } from "./speech.js";

/** Verbs of passing on what others said: "reported", "published", "quoted", "cited". */
const RELAY_VERBS = /^(report|publish|quot|cit)/i;

/**
 * "Local press reported Iran has threatened Al-Fayadh": the press relays Iran's words; one
 * statement, by Iran, through the press, as with "according to".
 */
export function relayedThrough(out: StatementHit[]): void {
  for (let i = out.length - 1; i >= 0; i--) {
    const relay = out[i] as StatementHit;
    if (!RELAY_VERBS.test(relay.verb)) continue;
    const inner = out.find(
      (x) =>
        x !== relay &&
        x.speaker !== relay.speaker &&
        relay.evidence.start <= x.speaker.start &&
        relay.evidence.start <= x.attribution.start &&
        x.attribution.end <= relay.evidence.end,
    );
    if (!inner) continue;
    inner.via ??= {
      actorId: relay.speaker.actorId,
      name: relay.speaker.name ?? relay.speaker.text,
      span: spanOf(relay.speaker),
    };
    out.splice(i, 1);
  }
}

/**
 * "X claimed the attack was sabotage and Y denied that …": a reported clause ends where the next
 * speaker's attribution begins.
 */
export function endAtNextSpeaker(ctx: StatementContext, out: StatementHit[]): void {
  const { text } = ctx;
  for (let i = 0; i + 1 < out.length; i++) {
    const hit = out[i] as StatementHit;
    const nextAt = (out[i + 1] as StatementHit).attribution.start;
    const quotation = ctx.quotes.some((q) => q.start === hit.evidence.start && q.end === hit.evidence.end);
    if (!quotation && hit.evidence.start < nextAt && nextAt < hit.evidence.end) {
      const before = trimSpan(text, hit.evidence.start, nextAt);
      const words = text
        .slice(before.start, before.end)
        .replace(/(?:[\s,;]+(?:and|but|while|as|whereas|his|her|its|their|the|a|an))+$/i, "");
      const cut = trimSpan(text, before.start, before.start + words.length);
      if (cut.end - cut.start >= 12) hit.evidence = cut;
    }
  }
}

/**
 * A quotation that opens the sentence and stands alone (over one or more sentences) continues the
 * last speaker's words: “…,” he said. “These evil people must leave. Otherwise…”
 */
export function continuedQuotation(
  ctx: StatementContext,
  sentence: NlpSentence,
  push: (hit: StatementHit) => void,
): void {
  const { text } = ctx;
  const q = ctx.quotes.find((x) => x.start >= sentence.start && x.start <= sentence.start + 1);
  const last = ctx.memory.speakers.at(-1);
  // It closes alone: nothing but punctuation to the sentence's end, or its own full stop inside the marks (“… afterlife.” Hamidawi went on).
  const closesAlone =
    q &&
    (/^[\s.!?,”"]*$/.test(text.slice(q.end, textEndOfSentenceAt(text, q.end))) ||
      (/[.!?]$/.test(text.slice(q.start, q.end)) && /^[”"]\s/.test(text.slice(q.end, q.end + 2))));
  if (q && closesAlone && last && sentence.start - last.end < 600 && !ctx.continued.has(q.start)) {
    ctx.continued.add(q.start);
    push({
      speaker: { ...last, from: "context" },
      verb: "",
      stance: "asserts",
      mode: "direct",
      evidence: q,
      attribution: { start: last.start, end: last.end },
      verbAt: { start: q.start, end: q.start },
      via: null,
      confidence: 0.6,
    });
  }
}

/**
 * Where the sentence around `at` ends: the next full stop, question or exclamation mark after it,
 * or a line break.
 */
function textEndOfSentenceAt(text: string, at: number): number {
  const m = /[.!?](?=[\s”"]|$)|\n/.exec(text.slice(at, at + 400));
  return m ? at + m.index + 1 : Math.min(text.length, at + 400);
}
