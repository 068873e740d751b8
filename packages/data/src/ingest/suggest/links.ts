/**
 * A new statement meets the claims the atlas holds. On the same subject (an actor both are
 * about, or the event the sentence retells), an opposite stance contradicts — a denial against an
 * accusation or an allegation, "no casualties" against a toll — and the same stance in largely the
 * same words supports. Each link says why, so the reviewer sees the existing claim beside the new
 * words before accepting it.
 */
import type { Stance } from "@atlas/schema";
import type { Match } from "../types.js";

export interface KnownClaim {
  id: string;
  claimantId: string;
  stance: Stance;
  statement: string;
  actorIds: string[];
  eventIds: string[];
}

/** Stances that say something happened or someone did it, against those that say not. */
const AFFIRM = new Set<Stance>(["accuses", "alleges", "asserts", "confirms", "acknowledges", "characterizes"]);
const DENY = new Set<Stance>(["denies"]);

const STOP = new Set(
  "the a an of to in on at for and or but that this these those it its is are was were be been by with as from has have had not no he she they we i you his her their our".split(
    " ",
  ),
);
const content = (s: string) =>
  new Set(
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s]/gu, " ")
      .split(/\s+/)
      .filter((w) => w.length > 2 && !STOP.has(w)),
  );
function similarity(a: string, b: string): number {
  const x = content(a);
  const y = content(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared / Math.min(x.size, y.size);
}

/** What a statement says of the dead: none ("no casualties", "nobody was killed"), some (a toll), or nothing. */
function tollOf(statement: string): "none" | "some" | null {
  if (
    /\b(?:no|zero)\s+(?:casualties|deaths|fatalities|injuries|losses)\b|\b(?:nobody|no one|none)\s+(?:was|were)\s+(?:killed|hurt|injured|wounded)\b/i.test(
      statement,
    )
  )
    return "none";
  if (
    /\b(?:\d[\d,]*|dozens|scores|hundreds|thousands|several|many)\s+(?:[a-z]+\s+){0,3}?(?:were\s+|had been\s+)?(?:killed|dead|deaths|casualties|slain)\b/i.test(
      statement,
    )
  )
    return "some";
  return null;
}

export function claimLinks(
  statement: { claimantId: string | null; stance: Stance; statement: string; actorIds: string[]; eventIds: string[] },
  claims: KnownClaim[],
  names: Map<string, string>,
): { supports: Match[]; contradicts: Match[] } {
  const supports: Match[] = [];
  const contradicts: Match[] = [];
  const subjects = new Set(statement.actorIds);
  for (const c of claims) {
    const sharedEvents = c.eventIds.filter((e) => statement.eventIds.includes(e));
    // The claimant of a denial is its subject too: "Kataib Hezbollah denied…" is about Kataib Hezbollah.
    const theirs = new Set([...c.actorIds, ...(DENY.has(c.stance) ? [c.claimantId] : [])]);
    const ours = new Set([
      ...subjects,
      ...(DENY.has(statement.stance) && statement.claimantId ? [statement.claimantId] : []),
    ]);
    const sharedActors = [...ours].filter((a) => theirs.has(a));
    if (sharedEvents.length === 0 && sharedActors.length === 0) continue;
    const about = [
      ...sharedEvents.map((e) => `both about the event ${e}`),
      ...sharedActors.map((a) => `both about ${names.get(a) ?? a}`),
    ];
    const tolls = [tollOf(statement.statement), tollOf(c.statement)];
    const tollsDiffer = tolls.includes("none") && tolls.includes("some");
    const opposed =
      (DENY.has(statement.stance) && AFFIRM.has(c.stance)) ||
      (AFFIRM.has(statement.stance) && DENY.has(c.stance)) ||
      tollsDiffer;
    const title = `${names.get(c.claimantId) ?? c.claimantId} ${c.stance}: ${c.statement}`;
    if (opposed && (sharedEvents.length > 0 || similarity(statement.statement, c.statement) >= 0.2)) {
      contradicts.push({
        id: c.id,
        title,
        why: [...about, tollsDiffer ? "no casualties against a toll" : `${statement.stance} against ${c.stance}`],
      });
    } else if (!opposed && c.stance === statement.stance && similarity(statement.statement, c.statement) >= 0.5) {
      supports.push({ id: c.id, title, why: [...about, "the same stance in largely the same words"] });
    }
  }
  return { supports: supports.slice(0, 3), contradicts: contradicts.slice(0, 3) };
}
