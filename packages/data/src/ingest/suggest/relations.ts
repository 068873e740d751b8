/**
 * Ties a sentence states between two actors it names, found by the patterns news English uses:
 *
 * - appositions: "X, the leader of Y", "X, a spokesman for Y", "X, head of Y's security division";
 * - a role before the name: "Y's secretary-general X", "Kataib Hezbollah spokesperson X", "the leader of Y, X";
 * - backing: "Iran-backed Y", "Y, which is funded by Iran", "backed by Iran";
 * - belonging: "Z, a faction of Y", "Y, an umbrella of militias including Z", "Z is part of Y";
 * - sanctions and designations: "the Treasury sanctioned X", "X was designated a terrorist organization by Y".
 *
 * Each is proposed with the pattern that found it, the role in the text's words, and whether the
 * text says it is over ("former"). Sentence by sentence, on the actors the sentence names.
 */
import type { RelationType } from "@atlas/schema";
import { stateNamed } from "../../names/paraphrase.js";

export interface RelationActor {
  start: number;
  end: number;
  actorId: string | null;
  name: string;
  kind?: string;
}

export interface RelationHit {
  type: RelationType;
  from: RelationActor;
  to: RelationActor;
  role: string | null;
  former: boolean;
  pattern: string;
  start: number;
  end: number;
  confidence: number;
}

/** Role words by the relation they state; the longest role phrase wins ("deputy leader" before "leader"). */
const ROLE_TYPES: [RegExp, RelationType][] = [
  [/^(?:co-)?founders?$/i, "founded"],
  [/^spokes(?:man|woman|person|people|men)$/i, "spokesperson_of"],
  [/^(?:military\s+)?commanders?(?:-in-chief)?$/i, "commands"],
  [/^(?:deputy|assistant|vice)\s+\w+$/i, "member_of"],
  [/^(?:leader|head|chief|secretary[- ]general|president|chairman|emir|director|boss|general secretary)s?$/i, "leads"],
  [/^(?:researchers?|analysts?|fellows?|scholars?)$/i, "researcher_at"],
  [/^(?:advis[eo]rs?|aides?|officers?|employees?|envoys?|ambassadors?)$/i, "employed_by"],
  [/^(?:members?|fighters?|officials?|militants?|lawmakers?|mps?|representatives?|operatives?|cadres?|clerics?|ministers?)$/i, "member_of"],
];

const ROLE_WORDS =
  "(?:co-)?founders?|spokes(?:man|woman|person|people|men)|(?:military\\s+)?commanders?(?:-in-chief)?|(?:deputy|assistant|vice)\\s+[a-z-]+|leaders?|head|chief|secretary[- ]general|general secretary|president|chairman|emir|director|boss|researchers?|analysts?|fellows?|scholars?|advis[eo]rs?|aides?|officers?|envoys?|ambassadors?|members?|fighters?|officials?|militants?|lawmakers?|operatives?|clerics?|ministers?";

/** A state's office before a name: "Iraqi Prime Minister", "Iran's supreme leader", "top Iranian commander". */
const STATE_OFFICE =
  /(?:\b(Iraqi|Iranian|American|U\.S\.|US|Syrian|Israeli|Turkish|Lebanese|British|Russian|Saudi|Kuwaiti|Jordanian)\s+|\b(Iraq|Iran|Syria|Israel|Turkey|Lebanon|Russia|Kuwait|Jordan)['’]s\s+)(?:top\s+|senior\s+)?((?:former|then|ex)[- ])?(Prime Minister|prime minister|President|president|Supreme Leader|supreme leader|King|Emir|Foreign Minister|foreign minister|Defen[cs]e Minister|Interior Minister|minister|Defen[cs]e Secretary|Secretary of State|Secretary of Defense|National Security Advis[eo]r|national security advis[eo]r|Press Secretary|commander|Gen\.|General|general|official|diplomat|envoy|ambassador)\s+$/;

/** Military ranks: "Marine Corps Gen. Frank McKenzie" is a member of the Marine Corps. */
const RANKS =
  "(?:lt\\.?|lieutenant|maj\\.?|major|brig\\.?|brigadier)?\\s*(?:gen\\.?|general|col\\.?|colonel|capt\\.?|captain|sgt\\.?|sergeant|adm\\.?|admiral|cmdr\\.?|commander)";

const typeOfRole = (role: string): RelationType | null => {
  const r = role.trim().replace(/\s+/g, " ");
  for (const [re, type] of ROLE_TYPES) if (re.test(r)) return type;
  if (new RegExp(`^${RANKS}$`, "i").test(r)) return "member_of";
  return null;
};

/** Between an actor and the next: only these words (checked on the text between their spans). */
const APPOSITION = new RegExp(
  `^,\\s+(?:(?:who|which)\\s+(?:is|was|has been|had been)\\s+(?:also\\s+)?)?(?:(?:the|a|an|its|his|her|their)\\s+)?((?:former|then|ex)[- ])?((?:[A-Za-z.-]+\\s+){0,2}?)(${ROLE_WORDS})(?:\\s+(?:of|for|at|in|with))\\s+(?:(?:the|a|an)\\s+)?(?:[a-z]+\\s+){0,3}?$`,
  "i",
);
/** "Y's secretary-general X", "Kataib Hezbollah spokesperson X", "Y leader X". */
const ROLE_BETWEEN = new RegExp(
  `^(?:['’]s)?\\s+((?:former|then|ex)[- ])?(?:(?:top|senior|chief|military|political|deputy)\\s+)?(${ROLE_WORDS})\\s+$`,
  "i",
);
/** "the leader of Y, X": the role before Y, and X after a comma. */
const ROLE_OF_BEFORE = new RegExp(`\\b((?:former|then|ex)[- ])?(${ROLE_WORDS})\\s+of\\s+(?:the\\s+)?$`, "i");
/** "Z, a faction of Y", "Z, part of Y", "Z, one of the groups in Y", "Z, which is part of Y". */
const PART_OF = /^,?\s+(?:(?:which|that|who)\s+(?:is|are|was|were)\s+)?(?:(?:a|an|the|one of the|one of|among the)\s+)?(?:(?:powerful|leading|main|key|largest|armed|militia|major|small|founding)\s+)*(?:factions?|components?|parts?|units?|brigades?|members?|groups|militias|wings?|branch(?:es)?)\s+(?:of|in|within|inside)\s+(?:the\s+)?$/i;
/** "Y, an umbrella (group) of (Shiite) militias including Z": Z part of Y. */
const UMBRELLA = /^,\s+(?:an?|the)\s+(?:\w+\s+){0,2}?(?:umbrella|coalition|alliance|grouping|network)(?:\s+\w+){0,4}?\s+(?:including|such as|like)\s+(?:the\s+)?$/i;
/** "Iran-backed Y", "Iranian-backed Y", "pro-Iran Y". */
const BACKED_PREFIX = /^(?:pro-)?(.+?)(?:-(?:backed|aligned|allied|supported|funded|sponsored|linked|affiliated|led))?$/i;
/** "Y, which is funded by X", "Y, backed by X", "Y, an ally of X"… between Y and X. */
const BACKED_BETWEEN = /^,?\s+(?:(?:which|that|who)\s+(?:is|are|was|were|has been|have been)\s+)?(?:(?:widely|closely|heavily|reportedly|allegedly)\s+)?(?:backed|funded|armed|supported|trained|financed|sponsored|directed)(?:\s+(?:and|or)\s+(?:backed|funded|armed|supported|trained|financed|sponsored|directed))*\s+by\s+(?:the\s+)?$/i;
/** "B sanctioned A", "B imposed sanctions on A", "B designated A (as) a terrorist…". */
const SANCTION_ACTIVE = /^\s+(?:has\s+|have\s+|had\s+)?(?:also\s+)?(sanctioned|blacklisted|designated|imposed sanctions on|placed sanctions on|announced sanctions on|slapped sanctions on|listed)\s+(?:the\s+)?$/i;
/** "A was sanctioned by B", "A was designated a terrorist organization by B". */
const SANCTION_PASSIVE = /^,?\s+(?:(?:who|which|that)\s+)?(?:was|were|has been|had been|have been)\s+(?:also\s+)?(sanctioned|blacklisted|designated)(?:\s+(?:as\s+)?(?:an?\s+)?(?:[A-Za-z-]+\s+){0,4}?)?\s*by\s+(?:the\s+)?$/i;

const STATE_KINDS = new Set(["state", "government_body", "military"]);

/** Relations among the actors of one sentence (sorted by position). */
export function findRelations(
  text: string,
  actors: RelationActor[],
  knownAs: (name: string) => RelationActor | null,
): RelationHit[] {
  const out: RelationHit[] = [];
  const push = (h: Omit<RelationHit, "start" | "end"> & { start?: number; end?: number }) => {
    if (h.from.actorId && h.from.actorId === h.to.actorId) return;
    if (h.from.name === h.to.name) return;
    const start = h.start ?? Math.min(h.from.start, h.to.start);
    const end = h.end ?? Math.max(h.from.end, h.to.end);
    if (out.some((o) => o.type === h.type && o.from.start === h.from.start && o.to.start === h.to.start)) return;
    out.push({ ...h, start, end });
  };
  for (let i = 0; i < actors.length; i++) {
    const a = actors[i] as RelationActor;
    const b = actors[i + 1];
    // "Iraqi Prime Minister Haidar al-Abadi", "top Iranian commander Qasem Soleimani", "Iraq's president X".
    const office = a.kind === undefined || a.kind === "person" ? STATE_OFFICE.exec(text.slice(Math.max(0, a.start - 60), a.start)) : null;
    if (office) {
      const state = stateNamed((office[1] ?? office[2] ?? "") as string);
      const title = (office[4] as string).toLowerCase().replace(/\.$/, "");
      const heads = /^(prime minister|premier)$/.test(title);
      const leads = heads || /^(president|king|emir|supreme leader)$/.test(title);
      const target = heads ? (knownAs(`${state === "United States" ? "US" : (office[1] ?? state)} government`) ?? knownAs(state)) : knownAs(state);
      if (target) {
        const at = a.start - office[0].length;
        push({
          type: leads ? "leads" : /minister/.test(title) ? "member_of" : "employed_by",
          from: a,
          to: { ...target, start: at, end: at + office[0].trim().length },
          role: title,
          former: Boolean(office[3]) && !/^then/i.test(office[3] as string),
          pattern: `${office[1] ? "<nationality>" : "<state>'s"} ${title} X`,
          start: at,
          end: a.end,
          confidence: 0.75,
        });
      }
    }
    // "Iran-backed militias": the backer is written into the word before the name.
    const lead = /((?:pro-[A-Z][\w.]*)|(?:[A-Z][\w.]*-(?:backed|aligned|allied|supported|funded|sponsored|linked|affiliated|led)))\s+$/.exec(
      text.slice(Math.max(0, a.start - 40), a.start),
    );
    if (lead) {
      const backerName = (BACKED_PREFIX.exec(lead[1] as string)?.[1] ?? "").replace(/^pro-/i, "");
      const backer = backerOf(backerName, actors, knownAs);
      const how = /-(backed|supported|funded|sponsored)$/i.test(lead[1] as string)
        ? "backed_by"
        : /-led$/i.test(lead[1] as string)
          ? "led"
        : /-(aligned|allied)$/i.test(lead[1] as string)
          ? "allied_with"
          : "linked_to";
      if (backer) {
        const at = a.start - lead[0].length;
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
    const described =
      /([A-Z][\w.]*)-(backed|supported|funded|sponsored|aligned|allied|linked|affiliated)\s+(?:[A-Za-z-]+\s+){0,3}?(?:militias?|groups?|factions?|forces|organi[sz]ations?|paramilitar(?:y|ies)|proxy|proxies)(?:,\s+|\s+(?:including|such as|like)\s+(?:the\s+)?)$/.exec(
        text.slice(Math.max(0, a.start - 90), a.start),
      ) ??
      /\b([A-Z][\w.]*?)(?:ian|i)?\s+(proxy)\s+$/.exec(text.slice(Math.max(0, a.start - 30), a.start)) ??
      /^(?:,\s+|\s+(?:is|was|are|were|remains)\s+)(?:an?|the|one of the)\s+(?:[a-z-]+\s+)?([A-Z][\w.]*)-(backed|supported|funded|sponsored|aligned|allied|linked|affiliated)\b/.exec(
        text.slice(a.end, a.end + 60),
      );
    if (described && !lead) {
      const how = /backed|supported|funded|sponsored|proxy/i.test(described[2] as string)
        ? "backed_by"
        : /aligned|allied/i.test(described[2] as string)
          ? "allied_with"
          : "linked_to";
      const backer = backerOf(described[1] as string, actors, knownAs);
      if (backer && backer.actorId !== a.actorId)
        push({ type: how, from: a, to: { ...backer, start: a.start, end: a.start }, role: null, former: false, pattern: "X, an Iran-backed militia", confidence: 0.75 });
    }
    // "the Asaib Ahl al-Haq pro-Iran faction": the tie written after the name.
    const trail = /^\s+(pro-([A-Z][\w.]*))\s+(?:faction|militia|group|party|bloc|movement)\b/.exec(text.slice(a.end, a.end + 40));
    if (trail) {
      const backer = backerOf(trail[2] as string, actors, knownAs);
      if (backer)
        push({ type: "linked_to", from: a, to: { ...backer, start: a.end + 1, end: a.end + 1 + (trail[1] as string).length }, role: null, former: false, pattern: "Y pro-X faction", start: a.start, end: a.end + trail[0].length, confidence: 0.75 });
    }
    if (!b) continue;
    const between = text.slice(a.end, b.start);
    if (between.length > 120) continue;
    // "the commander of the U.S.-led mission": the U.S. modifies the mission, it is not the group.
    const headsPhrase = !/^(?:-(?:led|backed|based|linked)|\s+(?!(?:of|in|and|or|since|for|who|which|that|to|on|at|with|as|from|by|is|was|are|were|has|had|have|said|says|told)\b)[a-z]{3,})/.test(
      text.slice(b.end, b.end + 20),
    );
    let m = headsPhrase ? APPOSITION.exec(between) : null;
    if (m) {
      let type = typeOfRole(m[3] as string);
      // "Anbar head of the PMF", "the security head of": a part of the group, not the whole.
      if (type === "leads" && /\b[A-Z][a-z]+\s+$|security|regional|provincial|local|branch|media|military/i.test(m[2] as string))
        type = "member_of";
      if (type) {
        push({
          type,
          from: a,
          to: b,
          role: `${(m[2] as string).trim()} ${(m[3] as string).toLowerCase()}`.trim(),
          former: Boolean(m[1]) && !/^then/i.test(m[1] as string),
          pattern: `X, the ${(m[3] as string).toLowerCase()} of Y`,
          confidence: a.actorId && b.actorId ? 0.85 : 0.75,
        });
        continue;
      }
    }
    // "Abu Mahdi al-Muhandis, the PMF commander": the group before the role.
    const roleAfter = new RegExp(`^(?:['’]s)?\\s+((?:former|then|ex)[- ])?(${ROLE_WORDS})\\b`, "i").exec(text.slice(b.end, b.end + 40));
    if (/^,\s+(?:the|its|their)\s+(?:former\s+)?$/i.test(between) && roleAfter) {
      const type = typeOfRole(roleAfter[2] as string);
      if (type) {
        push({
          type,
          from: a,
          to: b,
          role: (roleAfter[2] as string).toLowerCase(),
          former: /former/i.test(between) || (Boolean(roleAfter[1]) && !/^then/i.test(roleAfter[1] as string)),
          pattern: `X, the Y ${(roleAfter[2] as string).toLowerCase()}`,
          end: b.end + roleAfter[0].length,
          confidence: 0.8,
        });
        continue;
      }
    }
    // "Y's father, X", "Y's brother X": kin.
    const kin = /^['’]s\s+(?:own\s+)?(father|mother|brother|sister|son|daughter|uncle|cousin|nephew|wife|husband)\s*,?\s+$/i.exec(between);
    if (kin) {
      push({ type: "kin_of", from: b, to: a, role: (kin[1] as string).toLowerCase(), former: false, pattern: "Y's brother X", confidence: 0.8 });
      continue;
    }
    // "Operation Inherent Resolve, which is led by the United States".
    if (/^,?\s+(?:(?:which|who|that)\s+(?:is|are|was|were)\s+)?led by\s+(?:the\s+)?$/i.test(between)) {
      push({ type: "leads", from: b, to: a, role: null, former: false, pattern: "Y, which is led by X", confidence: 0.8 });
      continue;
    }
    // "X, an Iraqi paramilitary faction with strong ties to Iran": ties.
    if (/^,\s+(?:an?|the)\s+[^,;]{0,60}?\b(?:with|has)\s+(?:(?:strong|close|deep|long|longstanding|historic)\s+)*(?:ties|links)\s+to\s+(?:the\s+)?$/i.test(between)) {
      push({ type: "linked_to", from: a, to: b, role: null, former: false, pattern: "X, a faction with ties to Y", confidence: 0.75 });
      continue;
    }
    m = ROLE_BETWEEN.exec(between);
    if (m) {
      const type = typeOfRole(m[2] as string);
      if (type) {
        push({
          type,
          from: b,
          to: a,
          role: (m[2] as string).toLowerCase(),
          former: Boolean(m[1]) && !/^then/i.test(m[1] as string),
          pattern: `Y's ${(m[2] as string).toLowerCase()} X`,
          confidence: 0.8,
        });
        continue;
      }
    }
    if (PART_OF.test(between)) {
      push({ type: "part_of", from: a, to: b, role: null, former: false, pattern: "Z, a faction of Y", confidence: 0.8 });
      continue;
    }
    if (UMBRELLA.test(between)) {
      push({ type: "part_of", from: b, to: a, role: null, former: false, pattern: "Y, an umbrella of militias including Z", confidence: 0.75 });
      // The others listed after Z ("including Z1, Z2 and Z3") belong too.
      for (let k = i + 2; k < actors.length; k++) {
        const next = actors[k] as RelationActor;
        const prev = actors[k - 1] as RelationActor;
        if (!/^\s*(?:,|and|,\s*and)\s*(?:the\s+)?$/i.test(text.slice(prev.end, next.start))) break;
        push({ type: "part_of", from: next, to: a, role: null, former: false, pattern: "Y, an umbrella of militias including Z", confidence: 0.7 });
      }
      continue;
    }
    if (BACKED_BETWEEN.test(between)) {
      push({ type: "backed_by", from: a, to: b, role: null, former: false, pattern: "Y, which is funded by X", confidence: 0.8 });
      continue;
    }
    m = SANCTION_ACTIVE.exec(between);
    if (m && (a.kind === undefined || STATE_KINDS.has(a.kind))) {
      const designated = /designat|list/i.test(m[1] as string);
      const rest = text.slice(b.end, b.end + 80);
      push({
        type: designated && /terror/i.test(rest) ? "designated_by" : designated ? "designated_by" : "sanctioned_by",
        from: b,
        to: a,
        role: null,
        former: false,
        pattern: designated ? "the Treasury designated X" : "the Treasury sanctioned X",
        confidence: 0.8,
      });
      continue;
    }
    m = SANCTION_PASSIVE.exec(between);
    if (m && (b.kind === undefined || STATE_KINDS.has(b.kind))) {
      const designated = /designat|list/i.test(m[1] as string);
      push({
        type: designated ? "designated_by" : "sanctioned_by",
        from: a,
        to: b,
        role: null,
        former: false,
        pattern: designated ? "X was designated … by Y" : "X was sanctioned by Y",
        confidence: 0.8,
      });
    }
  }
  // "the leader of Y, X": the role before the first actor, the person after a comma.
  for (let i = 0; i + 1 < actors.length; i++) {
    const y = actors[i] as RelationActor;
    const x = actors[i + 1] as RelationActor;
    if (!/^(?:['’]s)?,\s+$/.test(text.slice(y.end, x.start))) continue;
    const m = ROLE_OF_BEFORE.exec(text.slice(Math.max(0, y.start - 60), y.start));
    const type = m ? typeOfRole(m[2] as string) : null;
    if (m && type) {
      push({
        type,
        from: x,
        to: y,
        role: (m[2] as string).toLowerCase(),
        former: Boolean(m[1]) && !/^then/i.test(m[1] as string),
        pattern: `the ${(m[2] as string).toLowerCase()} of Y, X`,
        start: y.start - m[0].length,
        confidence: 0.75,
      });
    }
  }
  return out;
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
