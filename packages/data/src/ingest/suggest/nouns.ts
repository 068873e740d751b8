/**
 * Nouns that stand for a body the text named before ("the group said", "the head of this bloc",
 * "the militia fired"), and the head nouns a group's name may take after it ("the Al-Mahdi Army
 * militia"): one list each, for statements, relations, events and the names a text defines.
 */
export const BODY_NOUNS: ReadonlySet<string> = new Set(
  "group bloc foundation militia movement organization organisation ministry government faction coalition alliance party force forces army administration department agency office embassy council commission committee brigade brigades militias factions network channel outlet newspaper broadcaster military".split(
    " ",
  ),
);
/** The body nouns as one alternation, for patterns. */
export const BODY_NOUN = [...BODY_NOUNS].join("|");
/** A group's head noun written after its name. */
export const HEAD_NOUN =
  "(?:militia|group|movement|party|organi[sz]ation|faction|brigades?|alliance|coalition|bloc|network|forces?)";
/**
 * Words that stand for a body named before: "the militia", "This group". Read where a sentence
 * opens (relations) and where such words act (statements' and events' subjects): one rule.
 */
export const BODY_REFERENCE = new RegExp(`^(?:the|this)\\s+(${BODY_NOUN})\\b`, "i");

/**
 * Words before a name that name it only as another's tie: "a Telegram channel close to the
 * Resistance Front", "a militia backed by Iran", "a faction with strong ties to Iran".
 */
export const AS_TIE =
  /\b(?:(?:close|linked|tied|affiliated|aligned|loyal|allied|backed|funded|financed|armed|supported)\s+(?:to|with|by)|(?:ties|links|connections)\s+(?:to|with))\s+(?:the\s+)?$/;

/** Participles that join a backer to a word: "Iran-backed", "U.S.-led", "Iran-aligned". */
export const BACKING = "backed|aligned|allied|supported|funded|sponsored|linked|affiliated|led";

/** Does the name ending at `end` own what follows ("Iran's proxies", "Sadr’s Saraya al-Salam")? */
export const ownsNext = (text: string, end: number) => /^['’]s\b/.test(text.slice(end, end + 3));
