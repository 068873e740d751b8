/**
 * Ties one actor's own words carry, whoever stands next to it: an office said with a person's name
 * ("Iraqi Prime Minister X"), a tie written into a description ("the Iran-backed X", "X, a
 * U.S.-designated group"), a state's body ("the Iraqi parliament").
 */
import type { RelationType } from "@atlas/schema";
import { stateNamed, stateOpening } from "../../names/paraphrase.js";
import type { RelationActor, TieReading } from "./relation-types.js";
import {
  BACKED_PREFIX,
  DESCRIPTORS,
  DESIGNATED_AFTER,
  DESIGNATED_BEFORE,
  HEAD_TITLE,
  LEAD,
  LISTED,
  OFFICE,
  STATE_OFFICE,
  STATE_OFFICE_AFTER,
  US_TITLE,
} from "./relation-words.js";

/** An office said with a person's name: a state's ("Iraqi Prime Minister X", "X, Iraq's foreign minister"), one the atlas holds ("President X"), a US title ("Secretary of State X"). */
export function officeTies(r: TieReading, a: RelationActor): void {
  const { text, held, push, knownAs, out } = r;
  // "Iraqi Prime Minister Haidar al-Abadi", "top Iranian commander Qasem Soleimani", "Iraq's president X";
  // "U.S. President Joe Biden", where the name found holds the title ("President Joe Biden").
  const titled = /^(?:(?:President|Prime Minister|Vice President|Supreme Leader|King|Emir|Gen\.|General)\s+)+/.exec(
    text.slice(a.start, a.end),
  );
  const nameAt = a.start + (titled && titled[0].length < a.end - a.start ? titled[0].length : 0);
  const officeBefore =
    a.kind === undefined || a.kind === "person"
      ? STATE_OFFICE.exec(text.slice(Math.max(0, nameAt - 60), nameAt))
      : null;
  // "X – Iran's most powerful military commander", "X, Iraq's foreign minister": the office after the name.
  const officeAfter =
    !officeBefore && (a.kind === undefined || a.kind === "person")
      ? STATE_OFFICE_AFTER.exec(text.slice(a.end, a.end + 80))
      : null;
  const office = officeBefore ?? officeAfter;
  if (office) {
    const state = stateNamed((office[1] ?? office[2] ?? "") as string);
    const title = (office[4] as string).toLowerCase().replace(/\.$/, "");
    const heads = /^(prime minister|premier)$/.test(title);
    const leads = heads || /^(president|king|emir|supreme leader)$/.test(title);
    // A head of government leads the government, a head of state the state; a minister or an adviser holds a post in the government.
    const military = /^(commander|gen|general)$/.test(title);
    const government =
      !leads || heads
        ? knownAs(`${state === "United States" ? "US" : (office[1] ?? `${office[2] as string}'s`)} government`)
        : null;
    const target = (military ? null : government) ?? knownAs(state);
    if (target) {
      const at = officeBefore
        ? nameAt - office[0].length
        : a.end + office[0].indexOf((office[1] ?? office[2]) as string);
      const officeEnd = officeBefore ? at + office[0].trim().length : a.end + office[0].length;
      const said = `${office[1] ? "<nationality>" : "<state>'s"} ${title}`;
      push({
        type: leads ? "leads" : "employed_by",
        from: a,
        to: { ...target, start: at, end: officeEnd },
        role: title,
        former: /\b(?:former|ex)[- ]/i.test(office[0]),
        pattern: officeBefore ? `${said} X` : `X, ${said}`,
        start: Math.min(at, a.start),
        end: Math.max(a.end, officeEnd),
        confidence: 0.75,
      });
    }
  }
  // "President Joe Biden", "the current prime minister, X": the office the atlas already has them in.
  const plain =
    !office && a.actorId && a.kind === "person" ? OFFICE.exec(text.slice(Math.max(0, a.start - 50), a.start)) : null;
  if (plain) {
    const title = (plain[2] as string).toLowerCase();
    const types: RelationType[] = HEAD_TITLE.test(title) ? ["leads"] : ["employed_by", "member_of"];
    const ties = held.filter((r) => r.fromId === a.actorId && types.includes(r.type));
    const tie = ties.find((r) => !r.former) ?? ties[0];
    const to = tie ? knownAs(tie.toId) : null;
    if (tie && to) {
      const at = a.start - plain[0].length;
      push({
        type: tie.type,
        from: a,
        to: { ...to, actorId: tie.toId, start: at, end: at + plain[0].trim().length },
        role: title,
        former: Boolean(plain[1]) && !/^then/i.test(plain[1] as string),
        pattern: `${plain[2]} X, an office the atlas holds`,
        start: at,
        end: a.end,
        confidence: 0.7,
      });
    }
  }
  // "Secretary of State Mike Pompeo", "Sen. Tim Kaine", with no office the atlas holds for them.
  const usTitle =
    !office && (a.kind === undefined || a.kind === "person") && !out.some((r) => r.from.start === a.start)
      ? US_TITLE.exec(text.slice(Math.max(0, a.start - 40), a.start))
      : null;
  const usBody = usTitle
    ? usTitle[1]
      ? knownAs("United States")
      : (knownAs("United States Congress") ?? knownAs("US Congress"))
    : null;
  if (usTitle && usBody) {
    const at = a.start - usTitle[0].length + (usTitle[0].length - usTitle[0].trimStart().length);
    push({
      type: usTitle[1] ? "employed_by" : "member_of",
      from: a,
      to: { ...usBody, start: at, end: at + usTitle[0].trim().length },
      role: usTitle[0].trim().toLowerCase(),
      former: false,
      pattern: usTitle[1] ? "US cabinet secretary X" : "US senator or representative X",
      start: at,
      end: a.end,
      confidence: 0.7,
    });
  }
}

/** Ties written into the words around a name: "Iran-backed X", "X, an Iran-backed militia", "U.S.-designated X", "the anti-American X", "X pro-Iran faction". */
export function writtenTies(r: TieReading, a: RelationActor, i: number): void {
  const { text, actors, push, knownAs } = r;
  // "Iran-backed militias": the backer is written into the word before the name.
  // Before the name ("the Iran-linked Badr Organization") or the name's own first word ("Iran-backed militias").
  const before = new RegExp(`${LEAD}(?:${DESCRIPTORS}\\s+){0,2}(?:[Aa]l-)?$`).exec(
    text.slice(Math.max(0, a.start - 60), a.start),
  );
  const own = before ? null : new RegExp(`^${LEAD}(?=\\S)`, "i").exec(text.slice(a.start, a.end));
  const lead = before ?? own;
  if (lead) {
    const backerName = (BACKED_PREFIX.exec(lead[1] as string)?.[1] ?? "").replace(/^pro-/i, "");
    const backer = backerOf(backerName, actors, knownAs);
    const how = /-(backed|supported|funded|sponsored)$/i.test(lead[1] as string)
      ? "backed_by"
      : /-led$/i.test(lead[1] as string)
        ? "led"
        : /-(aligned|allied)$/i.test(lead[1] as string) || /^pro-/i.test(lead[1] as string)
          ? "allied_with"
          : "linked_to";
    if (backer) {
      const at = before ? a.start - lead[0].length : a.start;
      const other = { ...backer, start: at, end: at + backerName.length };
      push({
        type: how === "led" ? "leads" : how,
        // "U.S.-led coalition": the United States leads it; "Iran-backed X": X is backed by Iran.
        from: how === "led" ? other : a,
        to: how === "led" ? a : other,
        role: null,
        former: false,
        pattern: `${lead[1]} Y`,
        start: at,
        end: a.end,
        confidence: 0.8,
      });
    }
  }
  // "the Iranian-backed militia, X", "Iranian-backed militias including X", "Iranian proxy X",
  // "X, an Iranian-backed militia", "X is an Iranian-backed militia": a description's tie is the name's.
  // "Iranian-backed militias including X and Y": Y is described as X is.
  let head = i;
  while (
    head > 0 &&
    LISTED.test(text.slice((actors[head - 1] as RelationActor).end, (actors[head] as RelationActor).start))
  )
    head--;
  const listStart = (actors[head] as RelationActor).start;
  const described =
    /([A-Z][\w.]*)-(backed|supported|funded|sponsored|aligned|allied|linked|affiliated)\s+(?:[A-Za-z-]+\s+){0,3}?(?:militias?|groups?|factions?|forces|organi[sz]ations?|paramilitar(?:y|ies)|proxy|proxies)(?:,\s+|\s+(?:including|such as|like)\s+(?:the\s+)?)$/.exec(
      text.slice(Math.max(0, listStart - 90), listStart),
    ) ?? /\b([A-Z][\w.]*)\s+(proxy)\s+$/.exec(text.slice(Math.max(0, a.start - 30), a.start));
  const describedAfter =
    /^(?:(?:,\s+|\s+(?:is|was|are|were|remains)\s+)(?:an?|the|one of the|another)|\s+and\s+(?:all\s+)?(?:the\s+)?other)\s+(?:[a-z-]+\s+){0,3}?([A-Z][\w.]*)-(backed|supported|funded|sponsored|aligned|allied|linked|affiliated)\b/.exec(
      text.slice(a.end, a.end + 80),
    ) ??
    // "Kataib Hezbollah, another U.S.-designated Iranian proxy": the state the proxy serves.
    /^(?:,\s+|\s+(?:is|was|are|were|remains)\s+)(?:an?|the|another|one of the)\s+(?:[A-Za-z.-]+\s+){0,3}?([A-Z][a-z]+)\s+(prox(?:y|ies))\b/.exec(
      text.slice(a.end, a.end + 80),
    );
  // "X, the commander of the Iran-backed Y": the backing is Y's, named right after the word.
  const describedEnd = describedAfter ? a.end + describedAfter[0].length : 0;
  const namedNext = describedAfter ? actors.find((x) => x.start >= describedEnd) : undefined;
  const ownedByNext =
    namedNext !== undefined &&
    new RegExp(`^\\s+(?:${DESCRIPTORS}\\s+){0,2}$`).test(text.slice(describedEnd, namedNext.start));
  const describing = described ?? (ownedByNext ? null : describedAfter);
  if (describing && !lead) {
    const how = /backed|supported|funded|sponsored|proxy/i.test(describing[2] as string)
      ? "backed_by"
      : /aligned|allied/i.test(describing[2] as string)
        ? "allied_with"
        : "linked_to";
    const backer = backerOf(describing[1] as string, actors, knownAs);
    // (A state by its name or adjective, or an actor the atlas knows: "a Shiite proxy" names no backer.)
    const named = backer !== null && (backer.actorId !== null || stateNamed(describing[1] as string) !== describing[1]);
    if (backer && named && backer.actorId !== a.actorId)
      push({
        type: how,
        from: a,
        to: { ...backer, start: a.start, end: a.start },
        role: null,
        former: false,
        pattern: "X, an Iran-backed militia",
        confidence: 0.75,
      });
  }
  // "U.S.-designated Harakat al-Nujaba", "Kataib Hezbollah, another U.S.-designated proxy": a
  // designation (or sanctions) written into a word, before the name or in a description after it.
  const listedBefore = DESIGNATED_BEFORE.exec(text.slice(Math.max(0, a.start - 60), a.start));
  const listedAfter = listedBefore ? null : DESIGNATED_AFTER.exec(text.slice(a.end, a.end + 80));
  const listed = listedBefore ?? listedAfter;
  const lister = listed ? backerOf(listed[1] as string, actors, knownAs) : null;
  if (listed && lister && lister.actorId !== a.actorId && (lister.actorId || lister.kind === "state")) {
    const designated = /designated|blacklisted/i.test(listed[2] as string);
    push({
      type: designated ? "designated_by" : "sanctioned_by",
      from: a,
      to: { ...lister, start: a.start, end: a.start },
      role: null,
      former: false,
      pattern: designated ? "U.S.-designated X" : "U.S.-sanctioned X",
      confidence: 0.75,
    });
  }
  // "X, an Iranian-sponsored, anti-American Shiite militia", "the anti-American X": opposition written into a word.
  const againstAfter =
    /^(?:,\s+|\s+(?:is|was|are|were|remains)\s+)(?:an?|the)\s+[^;()]{0,40}?\banti-([A-Z][\w.]*)\s+(?:[A-Za-z'’-]+\s+){0,2}?(?:militias?|groups?|factions?|movement|party|cleric|organi[sz]ation|paramilitar(?:y|ies)|force)\b/.exec(
      text.slice(a.end, a.end + 100),
    );
  const beforeText = text.slice(Math.max(0, a.start - 40), a.start);
  const againstBefore = againstAfter
    ? null
    : /\banti-([A-Z][\w.]*)\s+(?:(?:[a-z]+|Shi['’]?ite|Shia|Sunni)\s+){0,2}$/.exec(beforeText);
  const against = againstAfter ?? againstBefore;
  if (against) {
    const opposed = backerOf(against[1] as string, actors, knownAs);
    if (opposed?.actorId && opposed.actorId !== a.actorId)
      push({
        type: "opposes",
        from: a,
        to: { ...opposed, start: a.start, end: a.start },
        role: null,
        former: false,
        pattern: "X, an anti-American militia",
        start: againstBefore ? a.start - beforeText.length + againstBefore.index : a.start,
        end: againstAfter ? a.end + againstAfter[0].length : a.end,
        confidence: 0.7,
      });
  }
  // "the Asaib Ahl al-Haq pro-Iran faction": the tie written after the name.
  const trail = /^\s+(pro-([A-Z][\w.]*))\s+(?:faction|militia|group|party|bloc|movement)\b/.exec(
    text.slice(a.end, a.end + 40),
  );
  if (trail) {
    const backer = backerOf(trail[2] as string, actors, knownAs);
    if (backer)
      push({
        type: "allied_with",
        from: a,
        to: { ...backer, start: a.end + 1, end: a.end + 1 + (trail[1] as string).length },
        role: null,
        former: false,
        pattern: "Y pro-X faction",
        start: a.start,
        end: a.end + trail[0].length,
        confidence: 0.75,
      });
  }
}

/** "the U.S. State Department": a state's body is part of the state. */
export function stateBodyTie(r: TieReading, a: RelationActor, i: number): void {
  const { text, actors, push, knownAs } = r;
  // "the U.S. State Department": a state's body, the state's name right before it, or the
  // first word of the body's own proper name, one the atlas does not know ("the Iranian
  // government" is the state's paraphrase, "an Iraqi judicial council" no name).
  const prev = actors[i - 1];
  const ownState =
    a.kind === "government_body" &&
    a.actorId === null &&
    /^\S+\s+(?!Government\b)(?:[A-Z][\w'’-]*\s+)*[A-Z][\w'’-]*$/.test(a.name)
      ? stateOpening(a.name)
      : null;
  const state =
    prev?.kind === "state" &&
    (a.kind === "government_body" || a.kind === "military") &&
    /^\s+$/.test(text.slice(prev.end, a.start))
      ? prev
      : ownState?.adjective
        ? knownAs(ownState.state)
        : null;
  if (state?.kind === "state")
    push({
      type: "part_of",
      from: a,
      to: state === prev ? prev : { ...state, start: a.start, end: a.start + (ownState?.words ?? "").length },
      role: null,
      former: false,
      pattern: "the state's body Y",
      confidence: 0.7,
    });
}

/** The backer a word like "Iran-backed" or "U.S.-backed" names: a state, by its name or adjective. */
function backerOf(
  word: string,
  actors: RelationActor[],
  knownAs: (name: string) => RelationActor | null,
): RelationActor | null {
  const name = stateNamed(word);
  return (
    actors.find((x) => x.name.toLowerCase() === name.toLowerCase() || x.name.toLowerCase() === word.toLowerCase()) ??
    knownAs(name) ??
    (word ? { start: 0, end: 0, actorId: null, name } : null)
  );
}
