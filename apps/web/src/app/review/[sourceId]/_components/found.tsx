/**
 * What the suggester found, per kind, with the reviewer's edits applied (the API's effective
 * values): how a name was matched and how sure it is; who speaks, how the speaker was found, the
 * channel and the claims the words meet; an event's kind, participants and roles, place, date
 * and the deaths and injuries in the document's words; a relation's ends, role and time. Where a
 * suggestion meets a record the atlas holds (an event it retells, a claim it answers, a relation
 * it repeats or contradicts), both are shown side by side.
 */
import { describeDeathCount, describeTime } from "@atlas/schema";
import type { ReactNode } from "react";
import { ActorLink } from "@/components/actor-link";
import { QuoteBlock } from "@/components/evidence";
import { TimeText } from "@/components/time";
import { Badge } from "@/components/ui/badge";
import Link from "@/components/ui/link";
import { kindLabel, relationVerb, roleLabel, stanceDescription } from "@/lib/labels";
import { claimHref, eventHref, placeHref } from "@/lib/links";
import { percent } from "@/lib/review";
import type { ClaimDetail, EventDetail, Suggestion } from "@/lib/types";
import { cn, words } from "@/lib/utils";
import { type CardContext, type HeldRelation, isKind, type SuggestionOf } from "./card-context";

export function Actor({ id, ctx }: { id: string; ctx: CardContext }) {
  const actor = ctx.actors.get(id);
  return actor ? (
    <ActorLink actor={actor} />
  ) : (
    <span>
      <code>{id}</code> <span className="text-muted-foreground">(no such actor)</span>
    </span>
  );
}

/** An actor the text names: the actor when it is one, else its name, marked as not an actor yet. */
function Named({ id, name, ctx }: { id: string | null; name: string; ctx: CardContext }) {
  if (id) return <Actor id={id} ctx={ctx} />;
  return (
    <span>
      <strong>{name}</strong> <span className="text-muted-foreground">(not an actor yet)</span>
    </span>
  );
}

export function Words({ children }: { children: ReactNode }) {
  return <q className="font-serif">{children}</q>;
}

function List<T>({ items, children, none }: { items: T[]; children: (x: T) => ReactNode; none: ReactNode }) {
  if (items.length === 0) return <span className="text-muted-foreground">{none}</span>;
  return (
    <>
      {items.map((x, i) => (
        <span key={i}>
          {i > 0 && ", "}
          {children(x)}
        </span>
      ))}
    </>
  );
}

function Facts({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <dl
      className={cn("grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-sm [&>dt]:text-muted-foreground", className)}
    >
      {children}
    </dl>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd className="min-w-0">{children}</dd>
    </>
  );
}

const Sure = ({ confidence }: { confidence: number }) => (
  <span className="tabular-nums" title="How sure the suggester is">
    confidence {percent(confidence)}
  </span>
);

const RULE_WORDS: Record<string, string> = {
  exact: "the name as written",
  spelling: "the name but for its article (al-, el-…)",
  transliteration: "another Latin spelling of the Arabic name",
  "arabic-script": "the name in Arabic script",
  acronym: "an acronym the document defines",
  "alternative-name": "another name the document gives",
  "short-form": "a short form after the full name",
  paraphrase: "a paraphrase of the name",
};
const ruleWords = (rule: string) => RULE_WORDS[rule] ?? words(rule);

const SPEAKER_FROM: Record<string, string> = {
  name: "a name in the text",
  pronoun: "a pronoun or back-reference, resolved to the nearest fitting speaker",
  description: "a description, linked to the organisation it names",
  context: "a quotation on its own, continuing the last speaker",
};

function MentionFound({ s, ctx }: { s: SuggestionOf<"mention">; ctx: CardContext }) {
  const p = s.proposal;
  const v = s.effective;
  return (
    <Facts>
      <Fact term="Matched">
        <Words>{p.alias}</Words> as {ruleWords(p.rule)} · <Sure confidence={p.confidence} />
      </Fact>
      <Fact term="Names">
        {v.actorId ? (
          <Actor id={v.actorId} ctx={ctx} />
        ) : (
          <span className="text-warning-fg">one of {p.candidates.length} actors: the reviewer chooses</span>
        )}
      </Fact>
      {p.candidates.length > 1 && (
        <Fact term="Could name">
          <ul className="flex flex-col gap-0.5">
            {p.candidates.map((c) => (
              <li key={c.actorId}>
                <Actor id={c.actorId} ctx={ctx} /> — as <Words>{c.alias}</Words>
                {c.outside ? " (a name attested outside the documents)" : ""}, {ruleWords(c.rule)},{" "}
                <Sure confidence={c.confidence} />
                {v.actorId === c.actorId && (
                  <Badge variant="outline" className="ml-1.5">
                    chosen
                  </Badge>
                )}
              </li>
            ))}
          </ul>
        </Fact>
      )}
    </Facts>
  );
}

function ActorFound({ s, ctx }: { s: SuggestionOf<"actor">; ctx: CardContext }) {
  const p = s.proposal;
  const v = s.effective;
  return (
    <Facts>
      <Fact term="Name">{v.name}</Fact>
      {v.mergeInto ? (
        <Fact term="Same as">
          <Actor id={v.mergeInto} ctx={ctx} /> (the name becomes its {words(v.aliasKind)})
        </Fact>
      ) : (
        <Fact term="Kind">{kindLabel(v.actorKind)}</Fact>
      )}
      {(p.title || p.role) && (
        <Fact term="Described as">
          {[p.title && `title “${p.title}”`, p.role && `“${p.role}”`].filter(Boolean).join("; ")}
        </Fact>
      )}
      {!v.mergeInto && <Fact term="Description">{v.description}</Fact>}
      {v.id && <Fact term="Id">{v.id}</Fact>}
      <Fact term="In this document">
        {p.occurrences} {p.occurrences === 1 ? "occurrence" : "occurrences"}
        {p.shortNames.length > 0 && <>; also called {p.shortNames.map((n) => `“${n}”`).join(", ")}</>}
      </Fact>
    </Facts>
  );
}

/** Two accounts of one thing next to each other: what the atlas holds, and what this document says. */
function SideBySide({
  caption,
  held,
  here,
  why,
}: {
  caption: string;
  held: { title: ReactNode; rows: [string, ReactNode][] };
  here: { title: ReactNode; rows: [string, ReactNode][] };
  why: string[];
}) {
  const terms = [...new Set([...here.rows.map(([t]) => t), ...held.rows.map(([t]) => t)])];
  const cell = (rows: [string, ReactNode][], term: string) =>
    rows.find(([t]) => t === term)?.[1] ?? <span className="text-muted-foreground">—</span>;
  return (
    <div className="flex flex-col gap-1.5 rounded-md border bg-muted/30 p-2">
      <table className="w-full table-fixed text-sm">
        <caption className="pb-1 text-left text-xs font-medium text-muted-foreground">{caption}</caption>
        <thead>
          <tr className="text-left align-top">
            <td className="w-24" />
            <th scope="col" className="px-2 pb-1 font-medium">
              {held.title}
            </th>
            <th scope="col" className="px-2 pb-1 font-medium">
              {here.title}
            </th>
          </tr>
        </thead>
        <tbody>
          {terms.map((term) => (
            <tr key={term} className="border-t align-top">
              <th scope="row" className="py-1 pr-2 text-left text-xs font-normal text-muted-foreground">
                {term}
              </th>
              <td className="min-w-0 px-2 py-1 break-words">{cell(held.rows, term)}</td>
              <td className="min-w-0 px-2 py-1 break-words">{cell(here.rows, term)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {why.length > 0 && <p className="text-xs text-muted-foreground">Why they match: {why.join(" · ")}.</p>}
    </div>
  );
}

function ClaimSide(
  c: ClaimDetail | undefined,
  fallbackTitle: string,
): { title: ReactNode; rows: [string, ReactNode][] } {
  if (!c) return { title: fallbackTitle, rows: [] };
  return {
    title: (
      <Link href={claimHref(c.id)} className="text-primary hover:underline">
        The atlas’s claim
      </Link>
    ),
    rows: [
      [
        "Who",
        <>
          <ActorLink actor={c.claimant} /> <span title={stanceDescription(c.stance)}>{c.stance}</span>
        </>,
      ],
      ["Statement", c.statement],
      ["Words", c.evidence[0] ? <QuoteBlock quote={c.evidence[0]} /> : "—"],
    ],
  };
}

function StatementFound({ s, ctx }: { s: SuggestionOf<"statement">; ctx: CardContext }) {
  const p = s.proposal;
  const v = s.effective;
  const links = [
    ...p.supports.map((m) => ({ match: m, how: "support", kept: v.supportsIds.includes(m.id) })),
    ...p.contradicts.map((m) => ({ match: m, how: "contradict", kept: v.contradictsIds.includes(m.id) })),
  ];
  const added = [
    ...v.supportsIds.filter((id) => !p.supports.some((m) => m.id === id)).map((id) => ({ id, how: "supports" })),
    ...v.contradictsIds
      .filter((id) => !p.contradicts.some((m) => m.id === id))
      .map((id) => ({ id, how: "contradicts" })),
  ];
  return (
    <div className="flex flex-col gap-2">
      <Facts>
        <Fact term="Speaker">
          <Words>{p.speaker}</Words> — found from {SPEAKER_FROM[p.speakerFrom] ?? p.speakerFrom} ·{" "}
          <Sure confidence={p.confidence} />
        </Fact>
        <Fact term="Claimant">
          <Named id={v.claimantId} name={v.speaker} ctx={ctx} />{" "}
          <span title={stanceDescription(v.stance)}>{v.stance}</span>
        </Fact>
        <Fact term="Claim">
          <Words>{v.statement}</Words>
        </Fact>
        <Fact term="How">
          {p.mode === "direct" ? "a direct quote" : "reported speech"}, attributed by{" "}
          <Words>{p.attribution.quote}</Words>
          {v.said ? (
            <>
              ; said <TimeText time={v.said} />
            </>
          ) : (
            "; when it was said is not given"
          )}
        </Fact>
        {(v.onBehalfOfId || p.onBehalfOfId) && (
          <Fact term="On behalf of">
            {v.onBehalfOfId ? (
              <Actor id={v.onBehalfOfId} ctx={ctx} />
            ) : (
              <span className="text-muted-foreground">nobody (edited)</span>
            )}
          </Fact>
        )}
        {(v.viaId || p.via) && (
          <Fact term="Through">
            {v.viaId ? (
              <Actor id={v.viaId} ctx={ctx} />
            ) : p.via ? (
              <Named id={null} name={p.via.name} ctx={ctx} />
            ) : null}{" "}
            <span className="text-muted-foreground">(the channel the words came through, not a second speaker)</span>
          </Fact>
        )}
        {v.aboutActorIds.length > 0 && (
          <Fact term="About">
            <List items={v.aboutActorIds} none="">
              {(id) => <Actor id={id} ctx={ctx} />}
            </List>
          </Fact>
        )}
        {added.length > 0 && (
          <Fact term="Also links">
            <List items={added} none="">
              {(a) => (
                <>
                  {a.how}{" "}
                  <Link href={claimHref(a.id)} className="text-primary hover:underline">
                    {ctx.claims.get(a.id)?.statement ?? a.id}
                  </Link>
                </>
              )}
            </List>
          </Fact>
        )}
      </Facts>
      {links.map(({ match, how, kept }) => (
        <SideBySide
          key={`${how}:${match.id}`}
          caption={`Proposed: these words ${how} a claim the atlas holds${kept ? "" : " — left out by the reviewer's edit"}`}
          held={ClaimSide(ctx.claims.get(match.id), match.title)}
          here={{
            title: "These words",
            rows: [
              [
                "Who",
                <>
                  <Named id={v.claimantId} name={v.speaker} ctx={ctx} /> {v.stance}
                </>,
              ],
              ["Statement", v.statement],
              ["Words", <Words key="w">{p.evidence.quote}</Words>],
            ],
          }}
          why={match.why}
        />
      ))}
    </div>
  );
}

const placeName = (id: string | null, ctx: CardContext) => (id ? (ctx.places.get(id) ?? id) : null);

function Participants({ list, ctx }: { list: { actorId: string; role: string }[]; ctx: CardContext }) {
  return (
    <List items={list} none="none named">
      {(x) => (
        <>
          <Actor id={x.actorId} ctx={ctx} /> ({roleLabel(x.role)})
        </>
      )}
    </List>
  );
}

function heldEvent(e: EventDetail | undefined, fallbackTitle: string, id: string) {
  return {
    title: (
      <Link href={eventHref(id)} className="text-primary hover:underline">
        {e?.title ?? fallbackTitle}
      </Link>
    ),
    rows: e
      ? ([
          ["Kind", words(e.kind)],
          ["Date", <TimeText key="t" time={e.time} />],
          ["Place", e.place?.name ?? e.placeNote ?? "not given"],
          [
            "Who",
            <List key="p" items={e.participants} none="none named">
              {(x) => (
                <>
                  <ActorLink actor={x.actor} /> ({roleLabel(x.role)})
                </>
              )}
            </List>,
          ],
          [
            "Deaths",
            <List key="d" items={e.fatalities} none="not reported">
              {(f) => deathsText(f)}
            </List>,
          ],
          ["Sources", `${e.sources.length} ${e.sources.length === 1 ? "source" : "sources"}`],
        ] satisfies [string, ReactNode][])
      : [],
  };
}

/** A death toll as reported: the document's words when it gave words ("dozens"), with the figure. */
const deathsText = (f: { low: number | null; high: number | null; expression: string | null; who: string }) =>
  `${describeDeathCount(f)} (${f.who})`;

function EventFound({ s, ctx }: { s: SuggestionOf<"event">; ctx: CardContext }) {
  const p = s.proposal;
  const v = s.effective;
  const place = placeName(v.placeId, ctx);
  const deaths = p.fatalities.map(deathsText);
  const rows: [string, ReactNode][] = [
    ["Kind", words(v.eventKind)],
    ["Date", v.time ? <TimeText key="t" time={v.time} /> : <span className="text-warning-fg">no date near it</span>],
    [
      "Place",
      place ? (
        <Link key="p" href={placeHref(v.placeId as string)} className="text-primary hover:underline">
          {place}
        </Link>
      ) : p.place && p.place.placeId === null && v.placeId === null ? (
        <>
          <Words>{p.place.name}</Words> (not in the gazetteer: a new place)
        </>
      ) : (
        "not given"
      ),
    ],
    [
      "Who",
      <span key="w">
        <Participants list={v.participants} ctx={ctx} />
        {v.unknownParticipants.length > 0 && (
          <span className="text-warning-fg">
            ; {v.unknownParticipants.join(", ")}: not an actor yet, left out unless accepted as an actor first
          </span>
        )}
      </span>,
    ],
    ["Deaths", deaths.length ? deaths.join("; ") : "not reported"],
    ["Injuries", p.injuries.length ? p.injuries.map((i) => i.words).join("; ") : "not reported"],
  ];
  return (
    <div className="flex flex-col gap-2">
      <Facts>
        <Fact term="Reported by">
          <Words>{p.trigger}</Words> · <Sure confidence={p.confidence} />
        </Fact>
        {!p.corroborates && (
          <>
            <Fact term="Title">{v.title}</Fact>
            {rows.map(([term, value]) => (
              <Fact key={term} term={term}>
                {value}
              </Fact>
            ))}
          </>
        )}
        {v.eventId && v.eventId !== p.corroborates?.id && (
          <Fact term="Added to">
            <Link href={eventHref(v.eventId)} className="text-primary hover:underline">
              {ctx.events.get(v.eventId)?.title ?? v.eventId}
            </Link>{" "}
            (chosen in review)
          </Fact>
        )}
      </Facts>
      {p.corroborates && (
        <SideBySide
          caption={
            v.eventId === p.corroborates.id
              ? "The atlas holds this event: accepting adds this document's account to it"
              : "The atlas holds a matching event; the reviewer chose a new event instead"
          }
          held={heldEvent(ctx.events.get(p.corroborates.id), p.corroborates.title, p.corroborates.id)}
          here={{ title: <>This document: {v.title}</>, rows }}
          why={p.corroborates.why}
        />
      )}
    </div>
  );
}

function DateFound({ s, ctx }: { s: SuggestionOf<"date">; ctx: CardContext }) {
  const v = s.effective;
  return (
    <Facts>
      <Fact term="Date">
        <TimeText time={v.time} />
      </Fact>
      {v.eventId ? (
        <Fact term="Added to">
          <Link href={eventHref(v.eventId)} className="text-primary hover:underline">
            {ctx.events.get(v.eventId)?.title ?? v.eventId}
          </Link>
        </Fact>
      ) : (
        <>
          <Fact term="As an event">
            {words(v.eventKind)}, <Words>{v.title}</Words>
          </Fact>
          {v.placeId && <Fact term="Place">{placeName(v.placeId, ctx)}</Fact>}
          {v.participants.length > 0 && (
            <Fact term="Who">
              <Participants list={v.participants} ctx={ctx} />
            </Fact>
          )}
        </>
      )}
    </Facts>
  );
}

function heldRelation(r: HeldRelation | undefined, fallbackTitle: string) {
  if (!r) return { title: fallbackTitle, rows: [] };
  return {
    title: "The atlas’s relation",
    rows: [
      [
        "Relation",
        <>
          <ActorLink actor={r.from} /> {relationVerb(r.type)} <ActorLink actor={r.to} />
        </>,
      ],
      ["Role", r.role ?? "—"],
      ["Former", r.former ? "yes" : "no"],
      ["Words", r.evidence[0] ? <QuoteBlock quote={r.evidence[0]} /> : "—"],
    ] satisfies [string, ReactNode][],
  };
}

function RelationFound({ s, ctx }: { s: SuggestionOf<"relation">; ctx: CardContext }) {
  const p = s.proposal;
  const v = s.effective;
  const mine: [string, ReactNode][] = [
    [
      "Relation",
      <>
        <Named id={v.fromId} name={v.fromName} ctx={ctx} /> {relationVerb(v.relationType)}{" "}
        <Named id={v.toId} name={v.toName} ctx={ctx} />
      </>,
    ],
    ["Role", v.role ?? "—"],
    ["Former", v.former ? "yes" : "no"],
    ["Words", <Words key="w">{p.evidence.quote}</Words>],
  ];
  return (
    <div className="flex flex-col gap-2">
      <Facts>
        <Fact term="Found by">
          the pattern <Words>{p.pattern}</Words> · <Sure confidence={p.confidence} />
        </Fact>
        {mine.slice(0, 3).map(([term, value]) => (
          <Fact key={term} term={term}>
            {value}
          </Fact>
        ))}
        <Fact term="When">{v.time ? <TimeText time={v.time} /> : "not given"}</Fact>
      </Facts>
      {p.existing && (
        <SideBySide
          caption={
            v.relationId === p.existing.id
              ? "The atlas holds this relation: accepting adds these words as its evidence"
              : "The atlas holds this relation; the reviewer chose a new relation instead"
          }
          held={heldRelation(ctx.relations.get(p.existing.id), p.existing.title)}
          here={{ title: "These words", rows: mine }}
          why={p.existing.why}
        />
      )}
      {p.conflicts && (
        <SideBySide
          caption="It disagrees with a relation the atlas holds: both are kept as each source reports them"
          held={heldRelation(ctx.relations.get(p.conflicts.id), p.conflicts.title)}
          here={{ title: "These words", rows: mine }}
          why={p.conflicts.why}
        />
      )}
    </div>
  );
}

/** The details of any suggestion, by its kind. */
export function Found({ s, ctx }: { s: Suggestion; ctx: CardContext }) {
  if (isKind(s, "mention")) return <MentionFound s={s} ctx={ctx} />;
  if (isKind(s, "actor")) return <ActorFound s={s} ctx={ctx} />;
  if (isKind(s, "statement")) return <StatementFound s={s} ctx={ctx} />;
  if (isKind(s, "event")) return <EventFound s={s} ctx={ctx} />;
  if (isKind(s, "relation")) return <RelationFound s={s} ctx={ctx} />;
  if (isKind(s, "date")) return <DateFound s={s} ctx={ctx} />;
  return null;
}

/** The suggestion's title, from its effective values, so an edit shows everywhere at once. */
export function titleOf(s: Suggestion, ctx: CardContext): string {
  const name = (id: string | null, fallback: string) => (id ? (ctx.actors.get(id)?.name ?? id) : fallback);
  const v = s.effective;
  switch (v.kind) {
    case "mention":
      return v.actorId
        ? `Mention of ${name(v.actorId, v.actorId)}`
        : `Mention of ${v.choices.map((id) => name(id, id)).join(" or ")}?`;
    case "actor":
      return v.mergeInto
        ? `${v.name}: another name of ${name(v.mergeInto, v.mergeInto)}`
        : `New actor? ${v.name} (${kindLabel(v.actorKind).toLowerCase()})`;
    case "statement":
      return `${name(v.claimantId, v.speaker)} ${v.stance}: “${v.statement}”`;
    case "event":
    case "date": {
      if (v.eventId) return `Another account of ${ctx.events.get(v.eventId)?.title ?? v.eventId}`;
      const when = v.time ? describeTime(v.time) : "no date";
      return v.kind === "date"
        ? `${when}: ${v.title} (${words(v.eventKind)})`
        : `${v.title} (${words(v.eventKind)}, ${when})`;
    }
    case "relation":
      return `${name(v.fromId, v.fromName)} ${relationVerb(v.relationType)} ${name(v.toId, v.toName)}`;
  }
}
