/**
 * A small ingested document with one suggestion of each kind, for the review's screen tests,
 * behind an Atlas that reviews like the server does in the ways a reviewer sees: accepting
 * creates records, a claim whose speaker is not an actor yet is refused naming the candidate
 * actor to accept first, a reviewed suggestion cannot be reviewed again.
 */
import type { Time } from "@atlas/schema";
import type { Atlas, IngestedDocument, SourceDetail, Suggestion, SuggestionEdit } from "../data.js";
import { NotFoundError, RefusedError } from "../errors.js";
import { fixtureAtlas } from "./fixture.js";

export const REVIEW_SOURCE_ID = "2015-militias-and-the-state";

const TEXT = [
  "Militias and the state",
  "",
  "“The volunteers are brave,” said Lt. Gen. Douglas Whitfield, the commander of the training mission. But last June, Kataib Hezbollah denied any role.",
].join("\n");

const at = (quote: string) => {
  const start = TEXT.indexOf(quote);
  if (start < 0) throw new Error(`review fixture quote not in text: ${quote}`);
  return { start, end: start + quote.length, quote };
};

const published: Time = { edtf: "2015-03-06", precision: "day", basis: "explicit" };
const lastJune: Time = { edtf: "2014-06", precision: "month", basis: "relative", expression: "last June" };

const base = (id: string, span: { start: number; end: number; quote: string }) => ({
  id: `${REVIEW_SOURCE_ID}.${id}`,
  sourceId: REVIEW_SOURCE_ID,
  status: "suggested" as const,
  ...span,
  edit: null,
  records: [],
  reviewedAt: null,
  reviewNote: null,
});

function suggestions(): Suggestion[] {
  const whitfield = at("Lt. Gen. Douglas Whitfield, the commander of the training mission");
  return [
    {
      ...base("mention-1", at("Kataib Hezbollah")),
      kind: "mention",
      label: "Mention of Kataib Hezbollah",
      proposal: {
        kind: "mention",
        actorId: "kataib-hezbollah",
        actorName: "Kataib Hezbollah",
        alias: "Kataib Hezbollah",
      },
    },
    {
      ...base("actor-1", whitfield),
      kind: "actor",
      label: "New actor? Douglas Whitfield (person, Lt. Gen.)",
      proposal: {
        kind: "actor",
        name: "Douglas Whitfield",
        nameSpan: at("Douglas Whitfield"),
        actorKind: "person",
        title: "Lt. Gen.",
        role: "the commander of the training mission",
        shortNames: [],
        occurrences: 1,
        description: "Described in the document as “the commander of the training mission”.",
      },
    },
    {
      ...base("date-1", at("last June")),
      kind: "date",
      label: "June 2014 (month, relative) — “last June”",
      proposal: { kind: "date", time: lastJune, sentence: at("But last June, Kataib Hezbollah denied any role.") },
    },
    {
      ...base("statement-1", at("“The volunteers are brave,” said Lt. Gen. Douglas Whitfield")),
      kind: "statement",
      label: "Douglas Whitfield (not a known actor) asserts: “The volunteers are brave”",
      proposal: {
        kind: "statement",
        speaker: "Lt. Gen. Douglas Whitfield",
        speakerSpan: at("Lt. Gen. Douglas Whitfield"),
        speakerFrom: "name",
        claimantId: null,
        claimantName: "Douglas Whitfield",
        verb: "said",
        stance: "asserts",
        mode: "direct",
        statement: "The volunteers are brave",
        evidence: at("The volunteers are brave"),
        attribution: at("said Lt. Gen. Douglas Whitfield"),
        said: null,
        aboutActorIds: [],
      },
    },
  ];
}

const source: SourceDetail = {
  id: REVIEW_SOURCE_ID,
  title: "Militias and the state",
  titleBasis: "stated",
  subtitle: null,
  publisher: null,
  publisherBasis: "unknown",
  published,
  authors: [],
  authorsBasis: "unknown",
  genre: "news",
  origin: "ingest",
  counts: { mentions: 0, events: 0, claims: 0, actors: 0 },
  text: TEXT,
  hash: "1".repeat(64),
  file: "militias.txt",
  dateline: null,
  language: "en",
  url: null,
  segments: [
    { start: 0, end: "Militias and the state".length, role: "headline", article: true },
    { start: TEXT.indexOf("“"), end: TEXT.length, role: "body", article: true },
  ],
  pages: null,
  notes: [],
  annotations: [],
};

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** The fixture atlas with an ingested document to review; its state lives as long as the atlas. */
export function reviewFixtureAtlas(): Atlas {
  const list = suggestions();
  const actors = new Map<string, string>();
  const find = (id: string) => {
    const s = list.find((x) => x.id === id);
    if (!s) throw new NotFoundError(`No suggestion with id "${id}".`);
    if (s.status !== "suggested") throw new RefusedError(`Suggestion "${id}" was already ${s.status}.`);
    return s;
  };
  const update = (s: Suggestion, change: Partial<Suggestion>) => {
    const next = { ...s, ...change, reviewedAt: "2026-01-01 00:00:00+00" } as Suggestion;
    list.splice(list.indexOf(s), 1, next);
    return next;
  };
  const recordsFor = (s: Suggestion, edit: SuggestionEdit): Suggestion["records"] => {
    const p = s.proposal;
    switch (p.kind) {
      case "mention":
        return [{ type: "mention", recordId: `${REVIEW_SOURCE_ID}@${s.start}` }];
      case "actor": {
        if (edit.mergeInto) return [{ type: "alias", recordId: edit.mergeInto }];
        const id = slug(edit.name ?? p.name);
        actors.set((edit.name ?? p.name).toLowerCase(), id);
        return [{ type: "actor", recordId: id }];
      }
      case "date":
        return [{ type: "event", recordId: `2014-06-${slug(edit.title ?? "kataib hezbollah denied any role")}` }];
      case "statement": {
        const claimant = edit.claimantId ?? p.claimantId ?? actors.get((p.claimantName ?? "").toLowerCase());
        if (!claimant) {
          const candidate = list.find((x) => x.kind === "actor");
          throw new RefusedError(
            `The speaker "${p.claimantName}" is not a known actor. Accept the candidate actor suggestion ${candidate?.id} first, or give claimantId (an existing actor's id).`,
          );
        }
        return [
          { type: "claim", recordId: `${claimant}-${edit.stance ?? p.stance}-${slug(edit.statement ?? p.statement)}` },
        ];
      }
    }
  };
  const accept = (id: string, edit: SuggestionEdit = {}) => {
    const s = find(id);
    const merged = { ...(s.edit ?? {}), ...edit };
    const records = recordsFor(s, merged);
    const suggestion = update(s, { status: "accepted", records, edit: Object.keys(merged).length ? merged : null });
    return { suggestion, records };
  };
  const documents = (): IngestedDocument[] => {
    const counts: Record<string, Record<string, number>> = {};
    for (const s of list) counts[s.kind] = { ...counts[s.kind], [s.status]: (counts[s.kind]?.[s.status] ?? 0) + 1 };
    return [
      {
        sourceId: REVIEW_SOURCE_ID,
        title: source.title,
        publisher: null,
        published,
        format: "text",
        fileName: "militias.txt",
        bytes: Buffer.byteLength(TEXT),
        ingestedAt: "2026-01-01 12:00:00.000+00",
        warnings: [],
        suggestions: counts,
      },
    ];
  };
  const explorer = fixtureAtlas();
  return {
    ...explorer,
    source: async (id) => (id === REVIEW_SOURCE_ID ? source : explorer.source(id)),
    ingestedDocuments: async () => documents(),
    suggestions: async (i) => ({
      items: list.filter(
        (s) => s.sourceId === i.sourceId && (!i.kind || s.kind === i.kind) && (!i.status || s.status === i.status),
      ),
      nextCursor: null,
    }),
    accept: async ({ id, edit }) => accept(id, edit),
    reject: async ({ id, note }) => update(find(id), { status: "rejected", reviewNote: note ?? null }),
    acceptAll: async ({ sourceId, kind }) => {
      const failed: { id: string; message: string }[] = [];
      let accepted = 0;
      for (const s of list.filter((x) => x.sourceId === sourceId && x.kind === kind && x.status === "suggested")) {
        try {
          accept(s.id);
          accepted++;
        } catch (e) {
          failed.push({ id: s.id, message: (e as Error).message });
        }
      }
      return { accepted, failed };
    },
  };
}
