/**
 * The state of the annotate form above its fields: the quote as typed, how often and where the
 * document has it, and what the fields below are prefilled with from it. Prefilling happens once
 * (see `rebase`), so a reviewer's own choices are never overwritten by a later edit of the quote.
 */
import { articleOccurrences, quoteAt } from "@atlas/schema";
import { useMemo, useRef, useState } from "react";
import {
  type AnnotationKind,
  actorsIn,
  dateIn,
  type KnownActor,
  kindFor,
  type MentionSpan,
  reportingVerbIn,
} from "@/lib/annotate";

/** The words the form opened with, and where they start in the text (null when typed, not selected). */
export interface Selected {
  quote: string;
  start: number | null;
}

/** What the fields below the quote are prefilled with, from the words they were last based on. */
export interface Prefill {
  verb: ReturnType<typeof reportingVerbIn>;
  found: string[];
  date: ReturnType<typeof dateIn>;
  kind: AnnotationKind;
}

export function useAnnotationDraft({
  selected,
  text,
  segments,
  mentions,
  actors,
}: {
  selected: Selected;
  text: string;
  segments: { start: number; end: number; article: boolean }[];
  mentions: MentionSpan[];
  actors: KnownActor[];
}) {
  const [quote, setQuote] = useState(selected.quote);
  const typed = quote.trim();
  // The selection's own start, while the quote is still the selected words.
  const at = typed === selected.quote ? selected.start : null;
  const count = useMemo(() => articleOccurrences(text, segments, typed).length, [text, segments, typed]);
  // Which occurrence the selected words are, by the rule the API resolves a quote with (given when there are several).
  const occurrence = useMemo(
    () => (at === null ? null : (quoteAt({ text, segments }, at, at + typed.length)?.occurrence ?? null)),
    [text, segments, typed, at],
  );
  // Prefill once: from the selected words the form opened with, or — opened without a selection —
  // from the words first typed, when the quote field is left before anything else was filled in.
  // Later edits of the quote keep whatever was filled in below.
  const [basis, setBasis] = useState(selected.quote);
  const prefill = useMemo((): Prefill => {
    const from = basis === selected.quote ? selected.start : (articleOccurrences(text, segments, basis)[0] ?? null);
    const span = from === null ? null : { start: from, end: from + basis.length };
    const verb = reportingVerbIn(basis);
    const found = actorsIn(basis, span, mentions, actors);
    return {
      verb,
      found,
      date: dateIn(basis),
      kind: basis ? kindFor(verb, found, basis) : ("claim" as AnnotationKind),
    };
  }, [basis, selected, text, segments, mentions, actors]);
  const [kind, setKind] = useState<AnnotationKind>(prefill.kind);
  // Whether anything below the quote was filled in yet: a prefill never overwrites it.
  const touched = useRef(false);
  const touch = () => {
    touched.current = true;
  };
  const rebase = () => {
    if (!typed || basis !== "" || touched.current) return;
    setBasis(typed);
    const verb = reportingVerbIn(typed);
    setKind(kindFor(verb, actorsIn(typed, null, mentions, actors), typed));
  };
  return { quote, setQuote, typed, count, occurrence, basis, prefill, kind, setKind, touch, rebase };
}
