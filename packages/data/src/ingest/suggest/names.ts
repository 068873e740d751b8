/**
 * Candidate new actors: capitalized name sequences that are not a known actor's name, with the
 * title or role that introduces them ("Lt. Gen. Paul Calvert", "group spokesman Naeem
 * al-Aboudi", "Hadi al-Amiri, the leader of the Badr Organization"). Works on one sentence at
 * a time with a bounded look-around, so it is linear in the text.
 *
 * The words a name is read with (word lists, roles, titles) are name-words.ts's; where a run of
 * capitals ends and where its name lies, name-runs.ts's; what the words around a name say of a
 * place, an outlet or an institution, places-outlets.ts's; a person's name and nickname,
 * person-names.ts's. Here: what each run names, and the sentence's candidates.
 */
import { isCityName, isCountryName } from "../../names/places.js";
import { foldName } from "../../text/fold.js";
import { judgeName, knownKind, ORG_WORDS } from "./kinds.js";
import { anyIn, type NameContext, type NameRun, nameWithin, numberedUnit, runEnd, splitPairs } from "./name-runs.js";
import {
  GEOGRAPHY,
  isAcronym,
  isCapitalized,
  KIN_BEFORE,
  matchTitle,
  nameLike,
  PEOPLES,
  PLACE_FIRST,
  ROLE_AFTER,
  ROLE_BEFORE,
  STOP,
  type Token,
  tokenize,
  UNIT_WORDS,
} from "./name-words.js";
import { lastWordKey, nicknamed } from "./person-names.js";
import {
  addInstitutions,
  GROUP_AFTER,
  IN_PLACE_BEFORE,
  isOutletNamed,
  MEDIA_AFTER,
  PLACE_AFTER,
  PLACE_BEFORE,
  PLACES_BEFORE,
  TOWN_OF,
} from "./places-outlets.js";

/**
 * The candidate a raw run names, once its title, role and context are told apart from the name,
 * and the organisation named inside its title; none when it names no actor (a place, a category,
 * a known actor, a common word).
 */
function namesIn(
  raw: Token[],
  sentence: string,
  offset: number,
  known: (start: number, end: number) => boolean,
  ctx: NameContext,
): NameRun[] {
  const found: NameRun[] = [];
  const outlet =
    raw.length === 1 &&
    isOutletNamed(
      (raw[0] as Token).text,
      sentence.slice(Math.max(0, (raw[0] as Token).start - offset - 40), (raw[0] as Token).start - offset),
    );
  const within = nameWithin(raw, sentence, offset, outlet);
  const { a, titleParts, stateBefore } = within;
  const b = ownerAfterOf(raw, a, within.b, known);
  // The organisation in a title: "U.S. Marine Corps Gen. Frank McKenzie", "State Department spokesman Ned Price".
  const titleOrg = organisationIn(titleParts);
  if (titleOrg) found.push(titleOrg);
  const name = raw.slice(a, b);
  if (name.length === 0 || name.length > 7) return found;
  // A stop word inside a name makes it no name, unless it is the organisation's head word ending it ("Human Rights Watch").
  const lastIsOrg = name.length > 1 && ORG_WORDS.has((name[name.length - 1] as Token).text);
  if (anyIn(name, (raw[a] as Token).text === "The" ? 1 : 0, name.length - (lastIsOrg ? 1 : 0), STOP)) return found;
  // "US Central Command": an acronym may lead an organisation's name.
  const orgHeaded = name.length > 1 && ORG_WORDS.has((name[name.length - 1] as Token).text);
  let acronym = false;
  for (const t of name) acronym ||= isAcronym(t.text) && !(orgHeaded && t === name[0]);
  // An acronym is a name only when it is a known organisation's ("IRNA", "CIA").
  if (acronym && !(name.length === 1 && (knownKind((name[0] as Token).text) || outlet))) return found;
  const last = name[name.length - 1] as Token;
  if (GEOGRAPHY.has(last.text) || PLACE_FIRST.has((name[0] as Token).text)) return found;
  const nameStart = (name[0] as Token).start;
  const nameEnd = last.end;
  // A known state opening an organisation's name that is not known itself ("US Central Command",
  // "U.S. Army"): the whole name is the candidate; only the state's word is known.
  // So is the country that ends an organisation's name after "in" or "of" ("Islamic Resistance in
  // Iraq", "Central Bank of Iraq").
  let swallows: NameRun["swallows"];
  if (known(nameStart, nameEnd)) {
    const rest = name[1] as Token | undefined;
    const country =
      name.length >= 3 &&
      /^(in|of)$/.test((name[name.length - 2] as Token).text) &&
      ORG_WORDS.has((name[name.length - 3] as Token).text)
        ? last
        : null;
    if (stateBefore && stateBefore === name[0] && rest && !known(rest.start, nameEnd))
      swallows = { start: stateBefore.start, end: stateBefore.end };
    else if (country && isCountryName(country.text) && !known(nameStart, (name[name.length - 2] as Token).start))
      swallows = { start: country.start, end: country.end };
    else return found;
  }
  const nameText = sentence.slice(nameStart - offset, nameEnd - offset);
  if (ctx.places.has(foldName(nameText))) return found;

  const before = sentence.slice(Math.max(0, nameStart - offset - 40), (titleParts[0]?.start ?? nameStart) - offset);
  const roleBefore = titleParts.length === 0 ? (ROLE_BEFORE.exec(before) ?? KIN_BEFORE.exec(before)) : null;
  const titleStart = titleParts[0]?.start ?? (roleBefore ? nameStart - roleBefore[0].length : nameStart);
  const titleText =
    titleParts.length > 0
      ? sentence.slice((titleParts[0] as Token).start - offset, nameStart - offset).trim()
      : roleBefore
        ? roleBefore[0].trim()
        : null;
  const after = ROLE_AFTER.exec(sentence.slice(nameEnd - offset, nameEnd - offset + 160));
  const role = after ? (after[1] as string).trim() : null;
  const orgWord = anyIn(name, 0, name.length, ORG_WORDS);
  // "in Jurf al-Sakhar", "near Abu Ghraib", "the town of Amerli": after a preposition of place, an
  // untitled name is a place, and the document's place from then on ("Amerli had been surrounded").
  // "in Nineveh's Bashiqa, an official of the PUK said": no one is "in" a person; the role is
  // someone else's, described and unnamed.
  if (
    !titleText &&
    !orgWord &&
    ((!role && (PLACE_BEFORE.test(before) || TOWN_OF.test(before))) || IN_PLACE_BEFORE.test(before))
  ) {
    ctx.places.add(foldName(nameText));
    return found;
  }
  // "Ain al-Asad air base", "Anbar province": a name followed by a lowercase place noun is a place.
  if (!titleText && PLACE_AFTER.test(sentence.slice(nameEnd - offset, nameEnd - offset + 40))) return found;
  const verb = ctx.verbAfter?.(nameEnd) ?? null;
  const titled = Boolean(titleText) || Boolean(role);
  // "Specially Designated Global Terrorists", "Strike Eagles": a plural English noun heads a category, not an actor.
  // (Every word of it an English word: "Khudeda Alias" is a name.)
  if (
    name.length > 1 &&
    !orgWord &&
    /s$/.test(last.text) &&
    name.every((t) => ctx.isCommonWord?.(t.text) || /^[\p{Lu}\d-]+$/u.test(t.text))
  )
    return found;
  const verdict = judgeName(nameText.replace(/\s+/g, " "), titled);
  if (!verdict.actor) return found;
  // "The New Arab", "The Guardian": no person's name opens on "The"; in the news, an outlet's does.
  // Nor is one followed by an outlet's noun ("the US-funded Al Hurra television").
  let kind =
    outlet ||
    (verdict.kind === "person" && (name[0] as Token).text === "The") ||
    MEDIA_AFTER.test(sentence.slice(nameEnd - offset, nameEnd - offset + 30))
      ? "media"
      : verdict.kind === "person" &&
          !titled &&
          name.length > 1 &&
          !KUNYA.test(nameText) &&
          GROUP_AFTER.test(sentence.slice(nameEnd - offset))
        ? "armed_group"
        : verdict.kind;
  // A country acts as a state ("Israel struck"); "in Syria", "in Iraq and Syria" are places. A town is a place.
  if (isCountryName(nameText)) {
    if (PLACE_BEFORE.test(before) || PLACES_BEFORE.test(before)) return found;
    kind = "state";
  } else if (!titled && !orgWord && isCityName(nameText)) return found;
  // A people's word alone is context, not a name ("the Palestinian cause").
  if (name.length === 1 && !titled && PEOPLES.has(nameText)) return found;
  // One capitalized word is a name with a title or role ("Gen. Calvert", "spokesman Aboudi"), a
  // known organisation's ("Hamas", "the Pentagon"), or one that acts or speaks ("Sattar said").
  if (name.length === 1 && !titled && kind !== "state") {
    const gazetted = knownKind(nameText);
    if (gazetted) kind = gazetted;
    else if (outlet) kind = "media";
    // A proper noun that acts or speaks: most often a person named once in full elsewhere, or by one name.
    // …but a common word that opens a sentence or a quotation is not a name ("Officials said", "“Clashes go on”").
    // (Nor after a dateline's or a heading's dash: "BAGHDAD (AFP) -- Hundreds stormed …".)
    else if (verb && !orgWord && !(/(?:^|[—–-]|:)[\s“"‘(]*$/.test(before) && ctx.isCommonWord?.(nameText)))
      kind = "person";
    // "Kildani is the leader of …": the surname of someone the document named in full.
    else if (ctx.surnames?.has(lastWordKey(nameText))) kind = "person";
    else return found;
  }
  if (kind === "person" && name.length > 1) ctx.surnames?.add(lastWordKey(nameText));
  found.push({
    start: titleStart,
    end: after ? nameEnd + (after[0] as string).length : nameEnd,
    nameStart,
    nameEnd,
    name: nameText.replace(/\s+/g, " "),
    title: titleText,
    role,
    kind,
    ...(swallows ? { swallows } : {}),
  });
  return found;
}

/** A name that opens with a kunya ("Abu Fadak al-Mohammedawi") is a person's: before "faction" it names theirs. */
const KUNYA = /^(?:Abu|Umm|Abi)\s/;

/**
 * "the 80th Brigade of the Badr Organization": a unit's name that runs on through "of" into a
 * known actor's ends before "of" (the known one owns it), where the words before are not known
 * themselves. (Not any body's: "the Media Office of the PMF" names no one by "Media Office".)
 */
function ownerAfterOf(raw: Token[], a: number, b: number, known: (start: number, end: number) => boolean): number {
  for (let k = a + 1; k + 1 < b; k++) {
    if ((raw[k] as Token).text !== "of") continue;
    const head = raw[k - 1] as Token;
    const owner = raw[(raw[k + 1] as Token).text === "the" ? k + 2 : k + 1];
    if (!owner || !UNIT_WORDS.has(head.text)) return b;
    if (known((raw[a] as Token).start, head.end)) return b;
    return known(owner.start, (raw[b - 1] as Token).end) ? k : b;
  }
  return b;
}

/** "Ahmad “Abu Hussein” al-Hamidawi": one person, the nickname kept; the pieces are not three names. */
function joinNicknamed(sentence: string, offset: number, runs: NameRun[]): void {
  for (const n of nicknamed(sentence, offset)) {
    const inside = runs.filter((r) => r.nameStart >= n.start && r.nameEnd <= n.end);
    if (inside.length === 0) continue;
    const title = inside[0] as NameRun;
    for (const r of inside) runs.splice(runs.indexOf(r), 1);
    runs.push({
      start: Math.min(title.start, n.start),
      end: Math.max(n.end, ...inside.map((r) => r.end)),
      nameStart: n.start,
      nameEnd: n.end,
      name: n.name,
      title: title.title,
      role: inside.find((r) => r.role)?.role ?? null,
      kind: "person",
      nickname: n.nickname,
    });
  }
}

/** foldName for single words, remembered: the same capitalized words recur all through a document. */
const folded = new Map<string, string>();
function foldWord(word: string): string {
  let key = folded.get(word);
  if (key === undefined) {
    if (folded.size > 100_000) folded.clear();
    key = foldName(word);
    folded.set(word, key);
  }
  return key;
}

/** Counts the run's capitalized words, for the names the document uses most. */
function countWords(raw: Token[], ctx: NameContext): void {
  for (const t of raw) {
    if (isCapitalized(t.text) && !STOP.has(t.text)) {
      const key = foldWord(t.text);
      ctx.wordCounts.set(key, (ctx.wordCounts.get(key) ?? 0) + 1);
    }
  }
}

/**
 * Candidate names in one sentence. `known(start, end)` tells whether a span overlaps a known
 * actor's mention, which is never a candidate.
 */
export function findNames(
  sentence: string,
  offset: number,
  known: (start: number, end: number) => boolean,
  ctx: NameContext,
): NameRun[] {
  const tokens = splitPairs(tokenize(sentence, offset), known);
  const runs: NameRun[] = [];
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i] as Token;
    if (!nameLike(first) && !numberedUnit(tokens, i)) {
      i++;
      continue;
    }
    const j = runEnd(tokens, i, sentence, offset, known);
    const raw = tokens.slice(i, j);
    i = j;
    countWords(raw, ctx);
    runs.push(...namesIn(raw, sentence, offset, known, ctx));
  }
  addInstitutions(sentence, offset, known, ctx, runs);
  joinNicknamed(sentence, offset, runs);
  return runs.sort((a, b) => a.start - b.start);
}

/** An organisation named inside a title ("U.S. Marine Corps Gen."): its capitalized words before the rank. */
function organisationIn(title: Token[]): NameRun | null {
  let end = title.length;
  while (end > 0 && matchTitle(title, end - 1) > 0) end--;
  // Drop the rank itself ("Gen.", "Maj. Gen.") from the end.
  for (let k = 0; k < end; k++) {
    const n = matchTitle(title, k);
    if (n > 0) {
      end = k;
      break;
    }
  }
  const words = title.slice(0, end).filter((t) => !STOP.has(t.text));
  // One word only when it is a known organisation's ("Pentagon Press Secretary John Kirby").
  const single = words.length === 1 && knownKind((words[0] as Token).text) !== undefined;
  if (!single && (words.length < 2 || !ORG_WORDS.has((words.at(-1) as Token).text))) return null;
  const first = words[0] as Token;
  const last = words.at(-1) as Token;
  const name = words.map((t) => t.text).join(" ");
  const verdict = judgeName(name, false);
  if (!verdict.actor) return null;
  return {
    start: first.start,
    end: last.end,
    nameStart: first.start,
    nameEnd: last.end,
    name,
    title: null,
    role: null,
    kind: verdict.kind,
  };
}
