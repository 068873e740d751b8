/**
 * Builds a dossier from an actor's profile (the same record the API serves as ActorDetail) and the
 * first quote of each of its aliases. Pure: the database work is in build.ts. The fields follow
 * the profiles analysts cite; which relation types feed which field is decided here, once, for
 * the web, the terminal and the Markdown export alike.
 */
import { describePeriod, describeSize, describeTime, type Time, timeBounds } from "@atlas/schema";
import type { ActorDetail, ClaimSummary, Quote, RelationView, SourceRef } from "../queries/types.js";
import {
  type Dossier,
  type DossierLine,
  type DossierNote,
  type DossierPart,
  type DossierSection,
  NOT_REPORTED,
} from "./types.js";

type Direction = RelationView["direction"];
/** Relation type → how a line reads, for relations in one direction. */
type Phrases = Partial<Record<string, string>>;

interface RelationField {
  id: string;
  title: string;
  outgoing?: Phrases;
  incoming?: Phrases;
  /** Lines read "<other> — <phrase>" (the group's leaders) instead of "<phrase> <other>". */
  otherFirst?: boolean;
  /** Only relations whose other actor passes (units are groups, not people). */
  other?: (r: RelationView) => boolean;
  /** "over time" fields say when a line's time is not reported. */
  overTime?: boolean;
}

const GROUP_FIELDS: RelationField[] = [
  {
    id: "leadership",
    title: "Leadership over time",
    incoming: {
      leads: "leader",
      commands: "commander",
      founded: "founder",
      deputy_of: "deputy",
      spokesperson_of: "spokesperson",
    },
    otherFirst: true,
    overTime: true,
  },
  { id: "parent", title: "Belongs to", outgoing: { part_of: "Part of", member_of: "Member of" } },
  {
    id: "units",
    title: "Units and components",
    incoming: { part_of: "a component", member_of: "a member group" },
    otherFirst: true,
    other: (r) => r.other.kind !== "person",
  },
  { id: "backers", title: "Backed by", outgoing: { backed_by: "Backed by", directed_by: "Takes direction from" } },
];

const PERSON_FIELDS: RelationField[] = [
  {
    id: "roles",
    title: "Roles over time",
    outgoing: {
      leads: "Leader of",
      commands: "Commander of",
      founded: "Founder of",
      deputy_of: "Deputy of",
      spokesperson_of: "Spokesperson of",
      subordinate_of: "Served under",
      employed_by: "Held a post in",
      researcher_at: "Researcher at",
    },
    overTime: true,
  },
  {
    id: "affiliations",
    title: "Affiliations",
    outgoing: {
      member_of: "Member of",
      part_of: "Part of",
      allied_with: "Allied with",
      linked_to: "Linked to",
      backed_by: "Backed by",
      directed_by: "Takes direction from",
      kin_of: "Relative of",
    },
    incoming: { allied_with: "Allied with", linked_to: "Linked to", kin_of: "Relative of", backed_by: "Backs" },
  },
];

const DESIGNATIONS: RelationField = {
  id: "designations",
  title: "Designations and sanctions",
  outgoing: { designated_by: "Designated by", sanctioned_by: "Sanctioned by" },
};

/** Event kinds that count as an attack, and the roles that make it the actor's. */
const ATTACK_KINDS = new Set(["attack", "killing", "crackdown", "strike"]);
const ATTACKER_ROLES: Partial<Record<string, string>> = {
  perpetrator: "carried out",
  alleged_perpetrator: "alleged to have carried out",
  ordered_by: "ordered",
};

const words = (s: string) => s.replaceAll("_", " ");
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const start = (time: Time | null) => (time ? (timeBounds(time).earliest ?? timeBounds(time).latest) : null);
/** Undated last; then by when it began; then by name. */
const byTime =
  <T>(key: (x: T) => { time: Time | null; name: string }) =>
  (a: T, b: T) => {
    const [x, y] = [key(a), key(b)];
    const [sx, sy] = [start(x.time), start(y.time)];
    if (sx !== sy) return sx === null ? 1 : sy === null ? -1 : sx.localeCompare(sy);
    return x.name.localeCompare(y.name);
  };

/** "3 January 2020", or "between 26 January and 1 February 2020 (date inferred)". */
function publishedText(source: SourceRef): string {
  if (!source.published) return "date not known";
  const basis = source.published.basis === "explicit" ? "" : ` (date ${source.published.basis})`;
  return `${describeTime(source.published)}${basis}`;
}

const citation = (s: SourceRef) => `${s.title}${s.publisher ? `, ${s.publisher}` : ""}, ${publishedText(s)}`;

/** A section; with nothing to say, it says so. */
function section(id: string, title: string, lines: DossierLine[]): DossierSection {
  return lines.length
    ? { id, title, reported: true, lines }
    : { id, title, reported: false, lines: [{ parts: [{ text: NOT_REPORTED }], notes: [] }] };
}

class Notes {
  readonly list: DossierNote[] = [];
  private readonly index = new Map<string, number>();
  /** Footnote numbers for quotes, reusing the number of a quote already cited. */
  cite(quotes: Quote[]): number[] {
    return quotes.map((q) => {
      const key = `${q.sourceId}:${q.start}:${q.end}`;
      let n = this.index.get(key);
      if (n === undefined) {
        n = this.list.length + 1;
        this.index.set(key, n);
        this.list.push({ n, quote: q, citation: citation(q.source) });
      }
      return n;
    });
  }
}

function relationDetails(r: RelationView, overTime: boolean): string {
  const details = [
    r.role ? `“${r.role}”` : null,
    r.time ? describePeriod(r.time) : overTime ? "date not reported" : null,
    r.former ? "former" : null,
    r.note,
  ].filter((d): d is string => Boolean(d));
  return details.length ? ` (${details.join("; ")})` : "";
}

function relationLines(actor: ActorDetail, field: RelationField, notes: Notes): DossierLine[] {
  const phrases: Record<Direction, Phrases> = { outgoing: field.outgoing ?? {}, incoming: field.incoming ?? {} };
  const relations = actor.relations
    .filter((r) => phrases[r.direction][r.type] !== undefined && (field.other?.(r) ?? true))
    .sort(byTime((r) => ({ time: r.time, name: r.other.name })));
  const lines = relations.map((r): DossierLine => {
    const phrase = phrases[r.direction][r.type] as string;
    const other: DossierPart = { text: r.other.name, actorId: r.other.id };
    const details = relationDetails(r, field.overTime === true);
    const parts: DossierPart[] = field.otherFirst
      ? [other, { text: ` — ${phrase}${details}` }]
      : [{ text: `${phrase} ` }, other, ...(details ? [{ text: details }] : [])];
    // A former relation that ended with its subject's death says which event that was.
    if (r.endedWith) parts.push({ text: "; it ended with " }, { text: r.endedWith.title, eventId: r.endedWith.id });
    return { parts, notes: notes.cite(r.evidence) };
  });
  return lines;
}

function namesSection(actor: ActorDetail, aliasQuotes: Map<string, Quote>, notes: Notes): DossierSection {
  const lines: DossierLine[] = [
    { parts: [{ text: `${actor.name} — the name used here` }], notes: notes.cite(actor.evidence.slice(0, 1)) },
  ];
  for (const alias of actor.aliasDetails) {
    const quote = aliasQuotes.get(alias.name);
    // A name no document uses verbatim (one matched only in folded form) is cited where the actor is introduced.
    lines.push({
      parts: [{ text: `${alias.name} — ${words(alias.kind)}` }],
      notes: notes.cite(quote ? [quote] : actor.evidence.slice(0, 1)),
    });
  }
  return section("names", "Names and aliases", lines);
}

const eventWhen = (e: ActorDetail["events"][number]) => describeTime(e.time);

function designationSection(actor: ActorDetail, notes: Notes): DossierSection {
  const lines = relationLines(actor, DESIGNATIONS, notes);
  const sanctions = actor.events.filter((e) => e.kind === "sanction" && e.roles.includes("subject"));
  for (const e of sanctions) {
    const by = e.participants.filter((p) => p.role === "initiator").map((p) => p.actor);
    const parts: DossierPart[] = [{ text: e.title, eventId: e.id }, { text: ` (${eventWhen(e)})` }];
    by.forEach((a, i) => {
      parts.push({ text: i === 0 ? " — by " : ", " }, { text: a.name, actorId: a.id });
    });
    lines.push({ parts, notes: notes.cite(e.evidence) });
  }
  return section(DESIGNATIONS.id, DESIGNATIONS.title, lines);
}

function attackSection(actor: ActorDetail, notes: Notes): DossierSection {
  const attacks = actor.events
    .filter((e) => ATTACK_KINDS.has(e.kind) && e.roles.some((r) => ATTACKER_ROLES[r]))
    .filter((e) => e.earliest !== null || e.latest !== null)
    .sort(byTime((e) => ({ time: e.time, name: e.title })));
  const line = (label: string, e: (typeof attacks)[number]): DossierLine => {
    const role = e.roles.map((r) => ATTACKER_ROLES[r]).find(Boolean) as string;
    return {
      parts: [{ text: `${label}: ` }, { text: e.title, eventId: e.id }, { text: ` (${eventWhen(e)}; ${role})` }],
      notes: notes.cite(e.evidence),
    };
  };
  const first = attacks[0];
  const last = [...attacks].sort((a, b) => (a.latest ?? "").localeCompare(b.latest ?? "")).at(-1);
  const lines =
    !first || !last
      ? []
      : first === last
        ? [line("The only reported attack", first)]
        : [line("First reported", first), line("Last reported", last)];
  return section("attacks", "First and last reported attack", lines);
}

function sizeSection(actor: ActorDetail, notes: Notes): DossierSection {
  const lines = [...actor.sizes]
    .sort(byTime((z) => ({ time: z.time, name: z.expression })))
    .map((size): DossierLine => {
      const parts: DossierPart[] = [{ text: describeSize(size) }];
      if (size.reportedBy)
        parts.push({ text: ", according to " }, { text: size.reportedBy.name, actorId: size.reportedBy.id });
      return { parts, notes: notes.cite(size.evidence) };
    });
  return section("size", "Size as each source reports it", lines);
}

function claimLine(c: ClaimSummary, withClaimant: boolean, notes: Notes): DossierLine {
  const when = c.said ? `, ${describeTime(c.said)}` : "";
  const parts: DossierPart[] = withClaimant
    ? [
        { text: c.claimant.name, actorId: c.claimant.id },
        { text: ` ${words(c.stance)}${when}: ` },
        { text: c.statement, claimId: c.id },
      ]
    : [{ text: `${capital(words(c.stance))}${when}: ` }, { text: c.statement, claimId: c.id }];
  return { parts, notes: notes.cite(c.evidence) };
}

function eventsSection(actor: ActorDetail, notes: Notes): DossierSection {
  const lines = [...actor.events].sort(byTime((e) => ({ time: e.time, name: e.title }))).map(
    (e): DossierLine => ({
      parts: [{ text: e.title, eventId: e.id }, { text: ` (${eventWhen(e)}) — ${e.roles.map(words).join(", ")}` }],
      notes: notes.cite(e.evidence),
    }),
  );
  return section("events", "Events and roles", lines);
}

const publishedLast = (s: SourceRef) => (s.published ? (timeBounds(s.published).latest ?? "") : "");

/** The dossier of an actor. `aliasQuotes` maps an alias to the first quote that uses it verbatim. */
export function assembleDossier(actor: ActorDetail, aliasQuotes: Map<string, Quote>): Dossier {
  const notes = new Notes();
  const person = actor.kind === "person";
  const sections: DossierSection[] = [
    section("about", "Who", [{ parts: [{ text: actor.description }], notes: notes.cite(actor.evidence) }]),
    namesSection(actor, aliasQuotes, notes),
  ];
  if (person) {
    sections.push(...PERSON_FIELDS.map((f) => section(f.id, f.title, relationLines(actor, f, notes))));
    sections.push(designationSection(actor, notes));
    sections.push(
      section(
        "statements",
        "Statements",
        actor.claimsBy.map((c) => claimLine(c, false, notes)),
      ),
    );
    sections.push(eventsSection(actor, notes));
  } else {
    sections.push(...GROUP_FIELDS.map((f) => section(f.id, f.title, relationLines(actor, f, notes))));
    sections.push(designationSection(actor, notes));
    sections.push(attackSection(actor, notes));
    sections.push(sizeSection(actor, notes));
    sections.push(
      section(
        "claims-by",
        `Claims by ${actor.name}`,
        actor.claimsBy.map((c) => claimLine(c, false, notes)),
      ),
    );
  }
  sections.push(
    section(
      "claims-about",
      `Claims about ${actor.name}`,
      actor.claimsAbout.map((c) => claimLine(c, true, notes)),
    ),
  );
  const sources = [...new Map(notes.list.map((n) => [n.quote.source.id, n.quote.source])).values()].sort(
    (a, b) => publishedLast(b).localeCompare(publishedLast(a)) || a.id.localeCompare(b.id),
  );
  const latest = sources.find((s) => s.published);
  sections.push(
    section(
      "updated",
      "Last updated",
      latest?.published
        ? [
            {
              parts: [
                {
                  text: `The newest source cited, “${latest.title}”${latest.publisher ? ` (${latest.publisher})` : ""}, was published ${publishedText(latest)}.`,
                },
              ],
              notes: [],
            },
          ]
        : [],
    ),
  );
  return {
    actor: { id: actor.id, name: actor.name, kind: actor.kind, description: actor.description },
    template: person ? "person" : "group",
    sections,
    notes: notes.list,
    sources,
  };
}
