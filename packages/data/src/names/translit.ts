/**
 * How Arabic (and Persian) names are written in Latin script, as rules rather than aliases. A
 * word's key keeps what transliterations agree on and drops what they vary:
 *
 * - vowels vary (Hezbollah / Hizballah / Hizbullah, Muhandis / Mohandes, Amiri / Ameri): each run
 *   of vowels is one "V", so the pattern of consonants and vowels stays (Omar is not Amiri);
 * - letter pairs vary: kh / k / q / g / gh (Qais, Kais, Gais), dh / z / d (Kadhimi, Kazemi,
 *   Khadimi), th / t, sh / ch, ph / f, dj / j;
 * - doubled letters (Qassem / Qasem), a final h after a vowel (Allah / Alla, Fateh / Fate), and
 *   y or w after a vowel (Qays / Qais, Awliya / Auliya) are not told apart;
 * - apostrophes for hamza and ayn (’ ‘ ' ʿ ʾ) are already gone in folded text.
 *
 * Names are keyed word by word, with the Arabic article (al-, el-, and the sun-letter forms ad-,
 * ash-, as-, at-… when joined by a hyphen) dropped, and Abdul / Abdel / Abd al- read as one "Abd".
 * Arabic script is read into the same consonant classes (its short vowels are not written), so
 * a name in Arabic script is compared by consonants only.
 */
import { entryOf } from "../text/lookup.js";

/** Articles that are articles wherever they stand: "al Sadr", "Al-Sadr", "el-Sadr". */
export const ARTICLES = new Set(["al", "el", "il", "ul"]);
/** Sun-letter forms of the article: articles only when a hyphen joins them to the word ("as-Sadr"). */
export const HYPHEN_ARTICLES = new Set([
  "ad",
  "adh",
  "an",
  "ar",
  "as",
  "ash",
  "at",
  "ath",
  "az",
  "ed",
  "en",
  "er",
  "es",
  "esh",
  "et",
  "ez",
]);

/** Spellings of one word that rules would not bring together. */
const WORD_FORMS: Record<string, string> = {
  abdul: "abd",
  abdel: "abd",
  abdal: "abd",
  abdol: "abd",
  abdil: "abd",
  ibn: "bin",
  ben: "bin",
  // A body's head noun in the singular or the plural is one name: "Popular Mobilization Force(s)".
  forces: "force",
  units: "unit",
  brigades: "brigade",
  battalions: "battalion",
};

const VOWELS = new Set(["a", "e", "i", "o", "u"]);
const isVowel = (c: string | undefined) => c !== undefined && VOWELS.has(c);

/** Letter pairs first (longest first), then single letters, to their class. */
const PAIRS: [string, string][] = [
  ["kh", "k"],
  ["gh", "k"],
  ["dh", "d"],
  ["th", "t"],
  ["sh", "S"],
  ["ch", "S"],
  ["ph", "f"],
  ["dj", "j"],
  ["ck", "k"],
];
const LETTERS: Record<string, string> = { q: "k", g: "k", c: "k", z: "d", x: "ks", v: "w" };

/**
 * A word's transliteration key: consonant classes, and "V" for each run of vowels.
 * Input is a folded word (lower case, no diacritics or apostrophes).
 */
export function wordKey(folded: string): string {
  const w = entryOf(WORD_FORMS, folded) ?? folded;
  // Letter classes.
  const classes: string[] = [];
  for (let i = 0; i < w.length; ) {
    const pair = w.slice(i, i + 2);
    const mapped = PAIRS.find(([p]) => p === pair);
    if (mapped) {
      classes.push(mapped[1]);
      i += 2;
      continue;
    }
    const c = w[i] as string;
    classes.push(LETTERS[c] ?? c);
    i++;
  }
  // y and w after a vowel and before a consonant or the end are vowels ("Qays", "Awliya").
  for (let i = 1; i < classes.length; i++) {
    const c = classes[i];
    if ((c === "y" || c === "w") && isVowel(classes[i - 1]) && !isVowel(classes[i + 1])) classes[i] = "a";
  }
  // A final y after a consonant is a vowel ("Aly").
  if (classes.length > 1 && classes[classes.length - 1] === "y" && !isVowel(classes[classes.length - 2]))
    classes[classes.length - 1] = "i";
  // A final h after a vowel is not written by everyone ("Allah", "Fateh").
  if (classes.length > 2 && classes[classes.length - 1] === "h" && isVowel(classes[classes.length - 2])) classes.pop();
  let key = "";
  let last = "";
  for (const c of classes) {
    const k = isVowel(c) ? "V" : c;
    if (k === last) continue; // doubled letters, vowel runs
    key += k;
    last = k;
  }
  return key;
}

/**
 * A word that ends in two consonants after a vowel is also written with a vowel between them:
 * Arabic writes no short vowels, and English spellings often sound one ("Hashd" / "Hashed",
 * "Badr" / "Bader", "Fadl" / "Fadel"). The key with that vowel, or null.
 */
export function epentheticKey(key: string): string | null {
  const m = /^(.*V)([^V])([^V])$/.exec(key);
  return m ? `${m[1]}${m[2]}V${m[3]}` : null;
}

/** The consonants of a word's key, for comparing with Arabic script (which writes no short vowels). */
export const consonants = (key: string) => key.replace(/V/g, "");

/** How many consonant classes a key has: a key with few is too common to match on its own. */
export const consonantCount = (key: string) => consonants(key).length;

// ---- Arabic script ------------------------------------------------------------------------------

/** Arabic letters to the consonant classes above; long vowels and hamza carriers drop out. */
const ARABIC: Record<string, string> = {
  ب: "b",
  ت: "t",
  ث: "t",
  ج: "j",
  ح: "h",
  خ: "k",
  د: "d",
  ذ: "d",
  ر: "r",
  ز: "d",
  س: "s",
  ش: "S",
  ص: "s",
  ض: "d",
  ط: "t",
  ظ: "d",
  ع: "",
  غ: "k",
  ف: "f",
  ق: "k",
  ك: "k",
  ک: "k",
  گ: "k",
  ل: "l",
  م: "m",
  ن: "n",
  ه: "h",
  ة: "",
  و: "",
  ي: "",
  ی: "",
  ى: "",
  ا: "",
  أ: "",
  إ: "",
  آ: "",
  ء: "",
  ئ: "",
  ؤ: "",
  پ: "b",
  چ: "S",
  ژ: "j",
};

export const ARABIC_LETTER = /[\u0600-\u06ff]/;

/**
 * The consonant key of a word in Arabic script, the article ال dropped: "الخزعلي" → "kdl".
 * Initial و (w) and ي (y) are consonants; elsewhere they are mostly long vowels and drop.
 */
export function arabicConsonants(word: string): string {
  let w = word.replace(/[\u064b-\u065f\u0670\u0640]/g, ""); // harakat, dagger alif, tatweel
  if (w.startsWith("ال") && w.length > 3) w = w.slice(2);
  // A final ه is the h Latin spellings drop after a vowel ("Allah", "Hezbollah"): dropped alike.
  if (w.length >= 2 && w.endsWith("ه")) w = w.slice(0, -1);
  let out = "";
  let last = "";
  for (let i = 0; i < w.length; i++) {
    const ch = w[i] as string;
    let c = ARABIC[ch];
    if (c === undefined) continue;
    if (i === 0 && (ch === "و" || ch === "ي")) c = ch === "و" ? "w" : "y";
    if (c === "" || c === last) continue;
    out += c;
    last = c;
  }
  return out;
}

/** A Latin name's consonant key comparable with Arabic script: its words' consonants, joined. */
export const latinConsonants = (keys: string[]) => keys.map(consonants).join("");
