/**
 * The Admiralty scales' words, apart from the schemas built on them (grade.ts): a browser form
 * that lists the grades imports these without pulling zod into its page's JavaScript.
 */
/** The Admiralty scale's source reliability, A–F. */
export const RELIABILITY = {
  A: "completely reliable",
  B: "usually reliable",
  C: "fairly reliable",
  D: "not usually reliable",
  E: "unreliable",
  F: "reliability cannot be judged",
} as const;

/** The Admiralty scale's information credibility, 1–6. */
export const CREDIBILITY = {
  1: "confirmed by other sources",
  2: "probably true",
  3: "possibly true",
  4: "doubtful",
  5: "improbable",
  6: "truth cannot be judged",
} as const;
