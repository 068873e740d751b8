/**
 * The words of the domain that mean the same thing to an analyst, in one place: search expands a
 * query word into its group, so "rocket" finds "Katyusha rockets" and "strike" finds "air strikes".
 * Stemming (rockets → rocket, killed → kill) is the database's English dictionary; these are
 * the equivalences a dictionary does not know. Each group is a set of equals: any member finds
 * every other. Multi-word members are matched as phrases.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ["rocket", "katyusha"],
  ["strike", "airstrike", "air strike", "air raid"],
  ["drone", "uav"],
  ["attack", "assault"],
  ["kill", "assassinate", "assassination"],
  ["US", "U.S.", "United States", "American", "America"],
  ["Iran", "Iranian"],
  ["Iraq", "Iraqi"],
  ["ISIS", "ISIL", "Islamic State", "Daesh"],
  ["PMF", "PMU", "Popular Mobilization", "Hashd"],
  ["IRGC", "Revolutionary Guards", "Revolutionary Guard"],
  ["Shiite", "Shia", "Shi'ite"],
  ["protest", "demonstration", "protester", "demonstrator"],
  ["found", "form", "establish", "create"],
  ["withdraw", "withdrawal", "drawdown", "pull out"],
  ["capture", "detain", "arrest"],
  ["fatwa", "call to arms"],
];

/** Folds a word or phrase the way the groups are compared: lower case, straight apostrophes, single spaces. */
export const synonymKey = (s: string) =>
  s
    .toLowerCase()
    .replace(/[‘’ʼ`]/g, "'")
    .replace(/[\s-]+/g, " ")
    .trim();

const GROUP_OF = new Map<string, readonly string[]>();
for (const group of SYNONYM_GROUPS) for (const member of group) GROUP_OF.set(synonymKey(member), group);

/** The longest member (in words) any group has: how far a query is scanned for a multi-word member. */
export const LONGEST_SYNONYM = Math.max(...SYNONYM_GROUPS.flat().map((m) => synonymKey(m).split(" ").length));

/** The other members of the word's (or phrase's) group, or [] when it has none. */
export function synonymsOf(text: string): string[] {
  const key = synonymKey(text);
  return (GROUP_OF.get(key) ?? []).filter((m) => synonymKey(m) !== key);
}
