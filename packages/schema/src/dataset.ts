/**
 * The whole bundle, validated as one: every referenced id exists, every span lies inside its
 * source, equals the text at its offsets and stays out of boilerplate. Each error names the
 * record (collection, index and id) and the field.
 */
import { z } from "zod";
import { Actor } from "./actor.js";
import { Claim } from "./claim.js";
import { Event } from "./event.js";
import type { Evidence } from "./evidence.js";
import { Mention } from "./mention.js";
import { Place } from "./place.js";
import { Relation } from "./relation.js";
import { Source } from "./source.js";

export const DATASET_VERSION = "1";

const DatasetShape = z.object({
  version: z.literal(DATASET_VERSION).describe("Version of this format."),
  revision: z
    .int()
    .nonnegative()
    .optional()
    .describe(
      "The atlas's revision when exported: the number of its latest change (0 before any). Ask for what changed since with GET /api/changes. Absent in a dataset built from files.",
    ),
  sources: z.array(Source).describe("The documents."),
  actors: z.array(Actor).describe("The actors: people, groups, states and bodies, each with all its names."),
  places: z.array(Place).describe("The places events happen in."),
  relations: z.array(Relation).describe("Typed, dated links between actors."),
  events: z.array(Event).describe("The happenings, each with every source that tells it."),
  claims: z.array(Claim).describe("Attributed statements, linked to the claims they support or contradict."),
  mentions: z.array(Mention).describe("Occurrences of actor names in the sources, found from the aliases."),
});
type DatasetShape = z.infer<typeof DatasetShape>;

type Path = (string | number)[];
type Report = (path: Path, message: string) => void;

/** Checks a span against the sources: known source, inside the text, verbatim, out of boilerplate. */
function checkSpan(
  span: Pick<Evidence, "sourceId" | "start" | "end" | "quote"> & Partial<Pick<Evidence, "prefix" | "suffix">>,
  sources: Map<string, DatasetShape["sources"][number]>,
  where: string,
  path: Path,
  report: Report,
  { allowBoilerplate = false } = {},
) {
  const source = sources.get(span.sourceId);
  if (!source) {
    report([...path, "sourceId"], `${where}: sourceId "${span.sourceId}" is not a source id`);
    return;
  }
  if (span.end > source.text.length) {
    report(
      [...path, "end"],
      `${where}: span ${span.start}..${span.end} runs past the end of "${source.id}" (${source.text.length} characters)`,
    );
    return;
  }
  const actual = source.text.slice(span.start, span.end);
  if (actual !== span.quote) {
    report(
      [...path, "quote"],
      `${where}: quote ${JSON.stringify(span.quote.slice(0, 60))} does not equal the text of "${source.id}" at ${span.start}..${span.end}, which reads ${JSON.stringify(actual.slice(0, 60))}`,
    );
    return;
  }
  if (span.prefix !== undefined && !source.text.slice(0, span.start).endsWith(span.prefix)) {
    report([...path, "prefix"], `${where}: prefix does not match the text before the quote`);
  }
  if (span.suffix !== undefined && !source.text.slice(span.end).startsWith(span.suffix)) {
    report([...path, "suffix"], `${where}: suffix does not match the text after the quote`);
  }
  if (!allowBoilerplate) {
    const hit = source.segments.find((s) => !s.article && s.start < span.end && span.start < s.end);
    if (hit) {
      report(
        [...path, "start"],
        `${where}: span ${span.start}..${span.end} in "${source.id}" falls in boilerplate (${hit.role} at ${hit.start}..${hit.end}); cite article text instead`,
      );
    }
  }
}

function checkDataset(d: DatasetShape, ctx: z.RefinementCtx) {
  const report: Report = (path, message) => ctx.addIssue({ code: "custom", path, message });

  const index = <T extends { id: string }>(name: keyof DatasetShape, items: T[]) => {
    const map = new Map<string, T>();
    items.forEach((item, i) => {
      if (map.has(item.id)) report([name, i, "id"], `${name}[${i}]: id "${item.id}" is used twice`);
      map.set(item.id, item);
    });
    return map;
  };
  const sources = index("sources", d.sources);
  const actors = index("actors", d.actors);
  const places = index("places", d.places);
  index("relations", d.relations);
  const events = index("events", d.events);
  const claims = index("claims", d.claims);

  const ref = (map: Map<string, unknown>, kind: string, id: string | null, where: string, path: Path) => {
    const field = path.findLast((p) => typeof p === "string");
    if (id !== null && !map.has(id)) report(path, `${where}: ${field} "${id}" is not a known ${kind} id`);
  };
  const spans = (list: Evidence[], where: string, path: Path) =>
    list.forEach((e, i) => {
      checkSpan(e, sources, where, [...path, i], report);
    });

  d.sources.forEach((s, i) => {
    s.notes.forEach((note, j) => {
      note.evidence.forEach((e, k) => {
        const where = `source "${s.id}" note on ${note.field}`;
        checkSpan(e, sources, where, ["sources", i, "notes", j, "evidence", k], report, { allowBoilerplate: true });
      });
    });
  });

  d.actors.forEach((a, i) => {
    const where = `actor "${a.id}"`;
    spans(a.evidence, where, ["actors", i, "evidence"]);
    a.sizes?.forEach((size, j) => {
      ref(actors, "actor", size.reportedById, where, ["actors", i, "sizes", j, "reportedById"]);
      spans(size.evidence, where, ["actors", i, "sizes", j, "evidence"]);
    });
    a.aliases.forEach((alias, j) => {
      alias.sourceIds.forEach((sid, k) => {
        ref(sources, "source", sid, where, ["actors", i, "aliases", j, "sourceIds", k]);
      });
    });
  });

  d.places.forEach((p, i) => {
    const where = `place "${p.id}"`;
    ref(places, "place", p.withinId, where, ["places", i, "withinId"]);
    spans(p.evidence, where, ["places", i, "evidence"]);
  });

  d.relations.forEach((r, i) => {
    const where = `relation "${r.id}"`;
    ref(actors, "actor", r.fromId, where, ["relations", i, "fromId"]);
    ref(actors, "actor", r.toId, where, ["relations", i, "toId"]);
    spans(r.evidence, where, ["relations", i, "evidence"]);
  });

  d.events.forEach((e, i) => {
    const where = `event "${e.id}"`;
    ref(places, "place", e.placeId, where, ["events", i, "placeId"]);
    ref(events, "event", e.partOfId, where, ["events", i, "partOfId"]);
    e.responseToIds.forEach((id, j) => {
      ref(events, "event", id, where, ["events", i, "responseToIds", j]);
    });
    e.participants.forEach((p, j) => {
      ref(actors, "actor", p.actorId, where, ["events", i, "participants", j, "actorId"]);
    });
    e.fatalities.forEach((f, j) => {
      ref(actors, "actor", f.reportedById, where, ["events", i, "fatalities", j, "reportedById"]);
      ref(claims, "claim", f.claimId, where, ["events", i, "fatalities", j, "claimId"]);
      spans(f.evidence, where, ["events", i, "fatalities", j, "evidence"]);
    });
    spans(e.evidence, where, ["events", i, "evidence"]);
  });

  d.claims.forEach((c, i) => {
    const where = `claim "${c.id}"`;
    ref(actors, "actor", c.claimantId, where, ["claims", i, "claimantId"]);
    ref(actors, "actor", c.onBehalfOfId, where, ["claims", i, "onBehalfOfId"]);
    ref(actors, "actor", c.viaId, where, ["claims", i, "viaId"]);
    c.about.actorIds.forEach((id, j) => {
      ref(actors, "actor", id, where, ["claims", i, "about", "actorIds", j]);
    });
    c.about.eventIds.forEach((id, j) => {
      ref(events, "event", id, where, ["claims", i, "about", "eventIds", j]);
    });
    c.supportsIds.forEach((id, j) => {
      ref(claims, "claim", id, where, ["claims", i, "supportsIds", j]);
    });
    c.contradictsIds.forEach((id, j) => {
      ref(claims, "claim", id, where, ["claims", i, "contradictsIds", j]);
      const other = claims.get(id);
      if (other && !other.contradictsIds.includes(c.id)) {
        report(
          ["claims", i, "contradictsIds", j],
          `${where}: contradicts "${id}" but "${id}" does not list it back; contradiction is symmetric`,
        );
      }
    });
    spans(c.evidence, where, ["claims", i, "evidence"]);
    spans(c.attribution, where, ["claims", i, "attribution"]);
  });

  d.mentions.forEach((m, i) => {
    const where = `mention ${i} of "${m.actorId}"`;
    ref(actors, "actor", m.actorId, where, ["mentions", i, "actorId"]);
    checkSpan(m, sources, where, ["mentions", i], report);
  });
}

export const Dataset = DatasetShape.superRefine(checkDataset).meta({
  id: "Dataset",
  title: "Militia Atlas dataset",
  description:
    "The whole bundle: sources, actors, places, relations, events, claims and mentions. Valid only when every referenced id exists and every evidence span equals its source's text at its offsets, outside boilerplate.",
});
export type Dataset = z.infer<typeof Dataset>;
