/**
 * ACLED's coding conventions, as its codebook states them (ACLED Codebook,
 * https://acleddata.com/knowledge-base/codebook/): event, sub-event and disorder types; actor
 * types ("inter" values) and their interaction; how a vague date is placed; spatial precision;
 * and the conservative fatality figure. The CSV export writes these in ACLED's own columns, so
 * the rows append to an ACLED download; what ACLED's conventions flatten (an unknown toll
 * written as 0, a year placed on one day) is kept in the atlas's own columns after them.
 */
import {
  type Actor,
  type Event,
  type FatalityReport,
  type Participant,
  type ParticipantRole,
  type Place,
  type Time,
  timeBounds,
} from "@atlas/schema";
import { byRoleThenActor } from "../canonical.js";
import { type Country, countryNamed, countryOf } from "./countries.js";

/** Actor types (codebook: "Actor names, types, and Inter codes"), by their numeric code. */
export const INTER = {
  1: "State forces",
  2: "Rebel group",
  3: "Political militia",
  4: "Identity militia",
  5: "Rioters",
  6: "Protesters",
  7: "Civilians",
  8: "External/Other forces",
} as const;
export type InterCode = keyof typeof INTER;
export type Inter = (typeof INTER)[InterCode];

/**
 * Sub-event types with their event type and disorder type (codebook Table 2), in ACLED's
 * hierarchical order: when an event fits two, the first applies.
 */
export const SUB_EVENT_TYPES = {
  "Government regains territory": ["Battles", "Political violence"],
  "Non-state actor overtakes territory": ["Battles", "Political violence"],
  "Armed clash": ["Battles", "Political violence"],
  "Excessive force against protesters": ["Protests", "Political violence; Demonstrations"],
  "Protest with intervention": ["Protests", "Demonstrations"],
  "Peaceful protest": ["Protests", "Demonstrations"],
  "Violent demonstration": ["Riots", "Demonstrations"],
  "Mob violence": ["Riots", "Political violence"],
  "Chemical weapon": ["Explosions/Remote violence", "Political violence"],
  "Air/drone strike": ["Explosions/Remote violence", "Political violence"],
  "Suicide bomb": ["Explosions/Remote violence", "Political violence"],
  "Shelling/artillery/missile attack": ["Explosions/Remote violence", "Political violence"],
  "Remote explosive/landmine/IED": ["Explosions/Remote violence", "Political violence"],
  Grenade: ["Explosions/Remote violence", "Political violence"],
  "Sexual violence": ["Violence against civilians", "Political violence"],
  Attack: ["Violence against civilians", "Political violence"],
  "Abduction/forced disappearance": ["Violence against civilians", "Political violence"],
  Agreement: ["Strategic developments", "Strategic developments"],
  Arrests: ["Strategic developments", "Strategic developments"],
  "Change to group/activity": ["Strategic developments", "Strategic developments"],
  "Disrupted weapons use": ["Strategic developments", "Strategic developments"],
  "Headquarters or base established": ["Strategic developments", "Strategic developments"],
  "Looting/property destruction": ["Strategic developments", "Strategic developments"],
  "Non-violent transfer of territory": ["Strategic developments", "Strategic developments"],
  Other: ["Strategic developments", "Strategic developments"],
} as const;
export type SubEventType = keyof typeof SUB_EVENT_TYPES;

/**
 * Actors whose ACLED type their atlas kind does not give. ACLED classifies by a group's goals:
 * the Islamic State seeks to overthrow the state (a rebel group); the Fatah Alliance is the
 * political bloc of armed groups, as ACLED records party militias.
 */
const INTER_BY_ACTOR: Record<string, InterCode> = { "islamic-state": 2, "fatah-alliance": 3 };

/**
 * The state a state body belongs to, where the catalogue records no `part_of` relation to it:
 * outside knowledge, like coordinates, used only to tell state forces at home from forces
 * abroad. Keyed by actor id; the value is the state's place id.
 */
const HOME_STATE: Record<string, string> = {
  "us-forces": "united-states",
  "us-marine-corps": "united-states",
  "trump-administration": "united-states",
  "us-congress": "united-states",
  "iranian-army": "iran",
  "iranian-government": "iran",
  "iraqi-army": "iraq",
  "iraqi-government": "iraq",
  "iraqi-governing-council": "iraq",
  "iraqi-national-guard": "iraq",
  "iraqi-parliament": "iraq",
  "iraqi-security-forces": "iraq",
  "iraqi-command-partnered-with-us-against-isis": "iraq",
  "ground-forces-in-diyala": "iraq",
  "pmf-commission": "iraq",
  "british-army": "united-kingdom",
  "kuwaiti-court": "kuwait",
};

/** Relations that make a person act for an organisation: its type becomes theirs. */
const AFFILIATIONS = new Set(["leads", "commands", "deputy_of", "member_of", "part_of", "spokesperson_of", "founded"]);

export interface AcledContext {
  actors: Map<string, Actor>;
  places: Map<string, Place>;
  /** fromId → relations, for a person's affiliation and a state body's country. */
  relationsFrom: Map<string, { type: string; toId: string }[]>;
}

/** The country an actor belongs to: a state is its country; a state body is part of one. */
function homeCountry(id: string, ctx: AcledContext, seen = new Set<string>()): Country | undefined {
  if (seen.has(id)) return undefined;
  seen.add(id);
  const own = countryNamed(HOME_STATE[id] ?? id);
  if (own) return own;
  for (const r of ctx.relationsFrom.get(id) ?? []) {
    if (r.type !== "part_of") continue;
    const country = homeCountry(r.toId, ctx, seen);
    if (country) return country;
  }
  return undefined;
}

/**
 * An actor's ACLED type in an event. States, their governments and militaries are state forces
 * at home and external forces abroad (ACLED codes a military active outside its home state as
 * External/Other forces); armed groups, parties and coalitions are political militias, except
 * the foreign-led military coalitions (external forces); a person takes the type of the
 * organisation they lead, command, speak for or belong to, and is a civilian without one; the
 * unarmed — groups of people, organisations, media, clerics, writers — are civilians, and
 * groups of people in a protest are protesters.
 */
export function interOf(
  actorId: string,
  event: Pick<Event, "kind" | "placeId">,
  ctx: AcledContext,
  seen = new Set<string>(),
): InterCode | null {
  const actor = ctx.actors.get(actorId);
  if (!actor) return null;
  const fixed = INTER_BY_ACTOR[actor.id];
  if (fixed) return fixed;
  switch (actor.kind) {
    case "state":
    case "government_body":
    case "military": {
      const home = homeCountry(actor.id, ctx);
      const where = countryOf(event.placeId, ctx.places);
      return home && where && home.alpha3 !== where.alpha3 ? 8 : 1;
    }
    case "armed_group":
    case "political_party":
      return 3;
    case "coalition":
      // Foreign-led military coalitions (the US-led invasion, the anti-ISIS coalition).
      return 8;
    case "person": {
      if (seen.has(actor.id)) return 7;
      seen.add(actor.id);
      for (const r of ctx.relationsFrom.get(actor.id) ?? []) {
        if (!AFFILIATIONS.has(r.type) || ctx.actors.get(r.toId)?.kind === "person") continue;
        const inter = interOf(r.toId, event, ctx, seen);
        if (inter !== null) return inter;
      }
      return PROTEST.has(event.kind) ? 6 : 7;
    }
    case "group_of_people":
      return PROTEST.has(event.kind) ? 6 : 7;
    default:
      return 7;
  }
}

/** Events whose unarmed participants ACLED calls protesters. */
const PROTEST = new Set<Event["kind"]>(["protest", "crackdown"]);

/** The interaction value (codebook Table 3): the two types, lower code first; one type "only". */
export function interaction(a: InterCode | null, b: InterCode | null): string | null {
  if (a === null && b === null) return null;
  if (a === null || b === null) return `${INTER[(a ?? b) as InterCode]} only`;
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  // The codebook writes 78 with the external forces first: "External/Other forces-Civilians".
  if (lo === 7 && hi === 8) return `${INTER[8]}-${INTER[7]}`;
  return `${INTER[lo]}-${INTER[hi]}`;
}

/** The weapon an event's own words name, as an Explosions/Remote violence sub-event type. */
function remoteWeapon(words: string): SubEventType | null {
  if (/\bchemical\b/.test(words)) return "Chemical weapon";
  if (/\b(air ?strikes?|drones?|warplanes?|helicopters?)\b/.test(words)) return "Air/drone strike";
  if (/\bsuicide\b/.test(words)) return "Suicide bomb";
  if (/\b(rockets?|missiles?|mortars?|shell(s|ing|ed)?|artillery|katyushas?)\b/.test(words))
    return "Shelling/artillery/missile attack";
  if (/\b(ieds?|bombs?|bombings?|landmines?|mines|mining|explosives?)\b/.test(words))
    return "Remote explosive/landmine/IED";
  if (/\bgrenades?\b/.test(words)) return "Grenade";
  return null;
}

const killed = (reports: FatalityReport[]) => reports.some((f) => f.low === null || f.low > 0);

/**
 * The ACLED sub-event type for an atlas event, from its kind, the types of its two main actors
 * and the weapon its title names. See MAPPING.md for the table.
 */
export function subEventType(
  event: Pick<Event, "kind" | "title" | "fatalities" | "participants" | "placeId">,
  inter1: InterCode | null,
  inter2: InterCode | null,
  actor2Kind: Actor["kind"] | null,
): SubEventType {
  // The title names the method ("Rocket attack on…", "US drone strike kills…"); a summary's
  // background ("when US helicopters appeared overhead") would mislead.
  const words = event.title.toLowerCase();
  const weapon = remoteWeapon(words);
  switch (event.kind) {
    case "strike":
      return weapon ?? "Air/drone strike";
    case "attack":
      return weapon ?? (inter2 === 7 ? "Attack" : "Armed clash");
    case "killing":
      return weapon ?? (inter2 === 7 || inter2 === null ? "Attack" : "Armed clash");
    case "battle":
      return "Armed clash";
    case "capture":
      if (actor2Kind === "person" || inter2 === 7)
        return inter1 === 1 || inter1 === 8 ? "Arrests" : "Abduction/forced disappearance";
      if (inter1 === 1 && event.placeId) return "Government regains territory";
      if ((inter1 === 2 || inter1 === 3 || inter1 === 4) && event.placeId) return "Non-state actor overtakes territory";
      return "Armed clash";
    case "protest":
      if (
        event.participants.some((p) => p.role === "perpetrator") ||
        /\b(torch\w*|burn\w*|storm\w*|breach\w*|clash\w*|riot\w*|stone\w*|vandal\w*)\b/.test(words)
      )
        return "Violent demonstration";
      return killed(event.fatalities) ? "Excessive force against protesters" : "Peaceful protest";
    case "crackdown":
      return killed(event.fatalities) ? "Excessive force against protesters" : "Protest with intervention";
    case "release":
      return "Agreement";
    case "mobilization":
    case "founding":
      return "Change to group/activity";
    case "appointment":
      return inter1 === 2 || inter1 === 3 || inter1 === 4 ? "Change to group/activity" : "Other";
    case "death":
    case "other":
      return /\b(defus\w*|intercept\w*)\b/.test(words) ? "Disrupted weapons use" : "Other";
    case "policy":
      if (/\b(agree\w*|deal|ceasefire|truce|accord)\b/.test(words)) return "Agreement";
      if (/\b(deploy\w*|withdr[ae]w\w*|troops)\b/.test(words)) return "Change to group/activity";
      return "Other";
    default:
      return "Other";
  }
}

/** Roles on the acting side (ACLED's actor 1) and the side acted upon (actor 2). */
const SIDE_1: ParticipantRole[] = ["perpetrator", "alleged_perpetrator", "ordered_by", "initiator"];
const SIDE_2: ParticipantRole[] = ["target", "victim", "subject"];
const VIOLENT = new Set(["Battles", "Explosions/Remote violence", "Violence against civilians"]);

export interface AcledCoding {
  actor1: Participant | null;
  /** ACLED's name for an unidentified perpetrator, when the documents name none. */
  actor1Name: string | null;
  assoc1: Participant[];
  inter1: InterCode | null;
  actor2: Participant | null;
  assoc2: Participant[];
  inter2: InterCode | null;
  interaction: string | null;
  subEventType: SubEventType;
  eventType: string;
  disorderType: string;
  civilianTargeting: string | null;
}

/**
 * Who is actor 1 and actor 2, their types, and the event's types. Actor 1 is the acting side
 * (perpetrator, alleged perpetrator, who ordered it, who initiated it), actor 2 the side acted
 * upon (target, victim, subject); in a symmetric or one-sided event (a battle, a protest, a
 * meeting) participants stand in, groups before people. A violent event whose perpetrator the
 * documents do not name gets ACLED's "Unidentified Armed Group (Country)", a political
 * militia; a non-violent one with only a side acted upon is one-sided, that side as actor 1.
 */
export function acledCoding(event: Event, ctx: AcledContext): AcledCoding {
  const parts = [...event.participants].sort(byRoleThenActor);
  const acting = parts.filter((p) => SIDE_1.includes(p.role));
  const actedUpon = parts.filter((p) => SIDE_2.includes(p.role));
  const isPerson = (p: Participant) => ctx.actors.get(p.actorId)?.kind === "person";
  const others = parts
    .filter((p) => !SIDE_1.includes(p.role) && !SIDE_2.includes(p.role))
    .sort((a, b) => Number(isPerson(a)) - Number(isPerson(b)));
  let side1 = acting.length ? acting : others.slice(0, 1);
  const rest = acting.length ? others : others.slice(1);
  let side2 = actedUpon.length ? actedUpon : rest.slice(0, 1);
  const inter = (p: Participant | undefined) => (p ? interOf(p.actorId, event, ctx) : null);
  let [inter1, inter2] = [inter(side1[0]), inter(side2[0])];
  const actor2Kind = side2[0] ? (ctx.actors.get(side2[0].actorId)?.kind ?? null) : null;
  const sub = subEventType(event, inter1, inter2, actor2Kind);
  const [eventType, disorderType] = SUB_EVENT_TYPES[sub];
  let actor1Name: string | null = null;
  if (side1.length === 0 && VIOLENT.has(eventType)) {
    const country = countryOf(event.placeId, ctx.places);
    actor1Name = `Unidentified Armed Group${country ? ` (${country.acledName})` : ""}`;
    inter1 = 3;
  } else if (side1.length === 0 && side2.length > 0) {
    [side1, side2, inter1, inter2] = [side2, [], inter2, null];
  }
  return {
    actor1: side1[0] ?? null,
    actor1Name,
    assoc1: side1.slice(1),
    inter1,
    actor2: side2[0] ?? null,
    assoc2: side2.slice(1),
    inter2,
    interaction: interaction(inter1, inter2),
    subEventType: sub,
    eventType,
    disorderType,
    civilianTargeting: civilianTargeting(sub, inter2),
  };
}

/** Civilians were the main or only target (codebook: "Civilian targeting"). */
export function civilianTargeting(sub: SubEventType, inter2: InterCode | null): string | null {
  const [type] = SUB_EVENT_TYPES[sub];
  const targetable =
    type === "Violence against civilians" ||
    type === "Explosions/Remote violence" ||
    type === "Riots" ||
    sub === "Excessive force against protesters";
  return targetable && inter2 === 7 ? "Civilians targeted" : null;
}

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Where ACLED puts a date (codebook: "Time precision codes"): a day is itself (1); a period of a
 * week or less, its middle (2); a month, its 15th — or its first or last day when the source
 * says early or late — (3). ACLED records nothing vaguer; the atlas places a season, a year or a
 * longer range the same way (its middle, or its first or last day for early or late) with
 * precision 3, and says so in `vaguer`.
 */
export function acledDate(time: Time): { date: string; precision: 1 | 2 | 3; vaguer: boolean } {
  const b = timeBounds(time);
  const first = b.earliest ?? b.latest;
  const last = b.latest ?? b.earliest;
  if (!first || !last) throw new Error(`"${time.edtf}" has neither a first nor a last day`);
  const from = Date.parse(first);
  const to = Date.parse(last);
  const days = Math.round((to - from) / DAY) + 1;
  const open = b.earliest === null || b.latest === null;
  if (days === 1 && !open) return { date: first, precision: 1, vaguer: false };
  const placed =
    time.part === "early" ? first : time.part === "late" ? last : isoDay(from + Math.floor((days - 1) / 2) * DAY);
  if (days <= 7 && !open) return { date: placed, precision: 2, vaguer: false };
  const month = time.precision === "month" && !time.edtf.includes("/");
  if (month) return { date: time.part ? placed : `${first.slice(0, 8)}15`, precision: 3, vaguer: false };
  return { date: placed, precision: 3, vaguer: true };
}

/** ACLED's figure for words that give no number (codebook: "Reported fatalities"). */
const VAGUE_COUNTS: [RegExp, number][] = [
  [/\bdozens\b/i, 12],
  [/\bhundreds\b/i, 100],
  [/\bthousands\b/i, 1000],
  [/\b(several|many|few|some|scores|multiple|numerous)\b/i, 3],
];

/**
 * The conservative integer ACLED records: each report's figure (the vague-word convention, else
 * its low count; deaths with no number are plural fatalities, 3), and the lowest across reports.
 * No report at all is 0 — which is why the atlas's own columns say "not reported".
 */
export function acledFatalities(reports: FatalityReport[]): number {
  if (reports.length === 0) return 0;
  return Math.min(
    ...reports.map((f) => {
      const vague = f.expression ? VAGUE_COUNTS.find(([re]) => re.test(f.expression as string)) : undefined;
      return vague ? vague[1] : (f.low ?? 3);
    }),
  );
}

/** Spatial precision (codebook: "Spatial precision codes"): 1 a named town or site in it, 2 near one, 3 a region. */
export function geoPrecision(place: Place, placeNote: string | null): 1 | 2 | 3 {
  if (place.kind === "city" || place.kind === "town" || place.kind === "village" || place.kind === "site") {
    return placeNote && /\b(near|outside|around|north|south|east|west|close to|area)\b/i.test(placeNote) ? 2 : 1;
  }
  return 3;
}

/** The first-level administrative division (a province) a place is, or lies in. */
export function admin1Of(place: Place | undefined, places: Map<string, Place>): string | null {
  for (let at = place, hops = 0; at && hops < 5; hops++) {
    if (at.kind === "province") return at.name.replace(/ (Province|Governorate)$/, "");
    at = at.withinId ? places.get(at.withinId) : undefined;
  }
  return null;
}
