/**
 * Events as CSV, one row per event, that appends to an ACLED download: ACLED's own columns
 * first, in ACLED's order, with ACLED's values and conventions (acled.ts), then the atlas's
 * columns with what those conventions flatten — the honest date range, deaths as each source
 * reports them (not reported is not zero), every participant's role, the sources and the
 * verbatim evidence. RFC 4180: CRLF line ends, fields with commas, quotes or line breaks quoted.
 */
import { type Dataset, describeDeathCount, describeTime, timeBounds } from "@atlas/schema";
import { byRoleThenActor } from "../canonical.js";
import { type AcledContext, acledCoding, acledDate, acledFatalities, admin1Of, geoPrecision, INTER } from "./acled.js";
import { countryOf } from "./countries.js";
import { STIX_TIMESTAMP } from "./stix.js";

/** ACLED's columns, in the order of its data export (codebook Table 1). */
export const ACLED_COLUMNS = [
  "event_id_cnty",
  "event_date",
  "year",
  "time_precision",
  "disorder_type",
  "event_type",
  "sub_event_type",
  "actor1",
  "assoc_actor_1",
  "inter1",
  "actor2",
  "assoc_actor_2",
  "inter2",
  "interaction",
  "civilian_targeting",
  "iso",
  "region",
  "country",
  "admin1",
  "admin2",
  "admin3",
  "location",
  "latitude",
  "longitude",
  "geo_precision",
  "source",
  "source_scale",
  "notes",
  "fatalities",
  "tags",
  "timestamp",
] as const;

/** The atlas's columns, after ACLED's: what ACLED's conventions leave out. */
export const ATLAS_COLUMNS = [
  "atlas_event_id",
  "atlas_event_kind",
  "atlas_title",
  "atlas_date",
  "atlas_date_earliest",
  "atlas_date_latest",
  "atlas_date_precision",
  "atlas_date_basis",
  "atlas_date_words",
  "atlas_date_description",
  "atlas_participants",
  "atlas_place_id",
  "atlas_place_words",
  "atlas_geo_source",
  "atlas_fatalities",
  "atlas_fatalities_low",
  "atlas_fatalities_high",
  "atlas_fatalities_words",
  "atlas_fatalities_reports",
  "atlas_source_ids",
  "atlas_sources",
  "atlas_evidence",
] as const;

export const CSV_COLUMNS = [...ACLED_COLUMNS, ...ATLAS_COLUMNS] as const;
type Column = (typeof CSV_COLUMNS)[number];

/** RFC 4180 quoting: a field with a comma, quote, CR or LF is quoted, its quotes doubled. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv(dataset: Dataset, { timestamp = STIX_TIMESTAMP }: { timestamp?: string } = {}): string {
  const actors = new Map(dataset.actors.map((a) => [a.id, a]));
  const places = new Map(dataset.places.map((p) => [p.id, p]));
  const sources = new Map(dataset.sources.map((s) => [s.id, s]));
  const relationsFrom = new Map<string, { type: string; toId: string }[]>();
  for (const r of dataset.relations) relationsFrom.set(r.fromId, [...(relationsFrom.get(r.fromId) ?? []), r]);
  const ctx: AcledContext = { actors, places, relationsFrom };
  const name = (id: string) => actors.get(id)?.name ?? id;
  const unix = Math.floor(Date.parse(timestamp) / 1000);

  const rows = [CSV_COLUMNS.join(",")];
  const events = [...dataset.events].sort(
    (a, b) =>
      (timeBounds(a.time).earliest ?? "").localeCompare(timeBounds(b.time).earliest ?? "") || a.id.localeCompare(b.id),
  );
  for (const e of events) {
    const b = timeBounds(e.time);
    const placed = acledDate(e.time);
    const parts = [...e.participants].sort(byRoleThenActor);
    const c = acledCoding(e, ctx);
    const place = e.placeId ? places.get(e.placeId) : undefined;
    const country = countryOf(e.placeId, places);
    const sourceIds = [...new Set(e.evidence.map((x) => x.sourceId))];
    const reported = e.fatalities.length > 0;
    const lows = e.fatalities.map((f) => f.low).filter((n): n is number => n !== null);
    const openEnded = e.fatalities.some((f) => f.high === null);
    const tags = [
      "militia atlas",
      placed.vaguer ? `date vaguer than ACLED records: ${describeTime(e.time)}` : null,
      reported ? null : "fatalities not reported",
      c.actor1?.role === "alleged_perpetrator" ? "actor 1 alleged" : null,
    ].filter(Boolean);

    const row: Record<Column, string | number | null | undefined> = {
      event_id_cnty: `${country?.alpha3 ?? "XXX"}-MA-${e.id}`,
      event_date: placed.date,
      year: Number(placed.date.slice(0, 4)),
      time_precision: placed.precision,
      disorder_type: c.disorderType,
      event_type: c.eventType,
      sub_event_type: c.subEventType,
      actor1: c.actor1 ? name(c.actor1.actorId) : c.actor1Name,
      assoc_actor_1: c.assoc1.map((p) => name(p.actorId)).join("; "),
      inter1: c.inter1 ? INTER[c.inter1] : null,
      actor2: c.actor2 ? name(c.actor2.actorId) : null,
      assoc_actor_2: c.assoc2.map((p) => name(p.actorId)).join("; "),
      inter2: c.inter2 ? INTER[c.inter2] : null,
      interaction: c.interaction,
      civilian_targeting: c.civilianTargeting,
      iso: country?.numeric,
      region: country?.acledRegion,
      country: country?.acledName,
      admin1: admin1Of(place, places),
      admin2: null,
      admin3: null,
      location: place?.name,
      latitude: place?.coordinates?.lat.toFixed(4),
      longitude: place?.coordinates?.lon.toFixed(4),
      geo_precision: place ? geoPrecision(place, e.placeNote) : null,
      source: sourceIds
        .map((id) => sources.get(id)?.publisher ?? sources.get(id)?.title ?? id)
        .filter((s, i, all) => all.indexOf(s) === i)
        .join("; "),
      source_scale: null,
      notes: e.summary,
      fatalities: acledFatalities(e.fatalities),
      tags: tags.join("; "),
      timestamp: unix,

      atlas_event_id: e.id,
      atlas_event_kind: e.kind,
      atlas_title: e.title,
      atlas_date: e.time.edtf,
      atlas_date_earliest: b.earliest,
      atlas_date_latest: b.latest,
      atlas_date_precision: e.time.precision,
      atlas_date_basis: e.time.basis,
      atlas_date_words: e.time.expression,
      atlas_date_description: describeTime(e.time),
      atlas_participants: parts.map((p) => `${name(p.actorId)} (${p.actorId}): ${p.role}`).join("; "),
      atlas_place_id: e.placeId,
      atlas_place_words: e.placeNote,
      atlas_geo_source: place?.coordinates?.source,
      atlas_fatalities: reported ? "reported" : "not reported",
      atlas_fatalities_low: reported && lows.length > 0 ? Math.min(...lows) : null,
      atlas_fatalities_high: reported && !openEnded ? Math.max(...e.fatalities.map((f) => f.high as number)) : null,
      atlas_fatalities_words: e.fatalities
        .flatMap((f) => f.evidence)
        .map((x) => `“${x.quote}”`)
        .join(" | "),
      atlas_fatalities_reports: e.fatalities
        .map((f) => {
          const by = f.reportedById ? name(f.reportedById) : "the source";
          const where = [...new Set(f.evidence.map((x) => sources.get(x.sourceId)?.title ?? x.sourceId))].join(", ");
          return `${describeDeathCount(f)} (${f.who}) according to ${by}${where ? `, in ${where}` : ""}`;
        })
        .join("; "),
      atlas_source_ids: sourceIds.join("; "),
      atlas_sources: sourceIds
        .map((id) => {
          const s = sources.get(id);
          return s
            ? `${s.title} (${[s.publisher, s.published ? describeTime(s.published) : null].filter(Boolean).join(", ")})`
            : id;
        })
        .join("; "),
      atlas_evidence: e.evidence.map((x) => `“${x.quote}”`).join(" | "),
    };
    rows.push(CSV_COLUMNS.map((c) => csvField(row[c])).join(","));
  }
  return `${rows.join("\r\n")}\r\n`;
}
