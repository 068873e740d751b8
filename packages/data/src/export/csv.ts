/**
 * Events as CSV, one row per event, after ACLED's layout (date and precision, event type,
 * actor 1 and 2 with associated actors, place and coordinates, fatalities, sources, notes),
 * with what ACLED leaves out: the date's basis and exact range, each actor's role, and
 * fatalities as reported — an event with no report has empty counts and "not reported", never
 * 0. RFC 4180: CRLF line ends, fields with commas, quotes or line breaks quoted.
 */
import { type Dataset, describeDeathCount, describeTime, type ParticipantRole, timeBounds } from "@atlas/schema";
import { byRoleThenActor } from "../canonical.js";
import { countryCode } from "./countries.js";

export const CSV_COLUMNS = [
  "event_id",
  "event_date",
  "date_earliest",
  "date_latest",
  "year",
  "time_precision",
  "time_basis",
  "time_expression",
  "time_description",
  "event_type",
  "title",
  "actor1",
  "actor1_role",
  "assoc_actor_1",
  "actor2",
  "actor2_role",
  "assoc_actor_2",
  "other_participants",
  "participant_ids",
  "location",
  "place_id",
  "place_note",
  "country",
  "latitude",
  "longitude",
  "geo_approximate",
  "geo_source",
  "fatalities_reported",
  "fatalities_low",
  "fatalities_high",
  "fatalities_reports",
  "fatalities_detail",
  "source_ids",
  "sources",
  "source_count",
  "notes",
  "evidence",
] as const;

type Column = (typeof CSV_COLUMNS)[number];

/** RFC 4180 quoting: a field with a comma, quote, CR or LF is quoted, its quotes doubled. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

const SIDE_1: ParticipantRole[] = ["perpetrator", "alleged_perpetrator", "ordered_by", "initiator"];
const SIDE_2: ParticipantRole[] = ["target", "victim", "subject"];

export function toCsv(dataset: Dataset): string {
  const actors = new Map(dataset.actors.map((a) => [a.id, a]));
  const places = new Map(dataset.places.map((p) => [p.id, p]));
  const sources = new Map(dataset.sources.map((s) => [s.id, s]));
  const name = (id: string) => actors.get(id)?.name ?? id;
  const rows = [CSV_COLUMNS.join(",")];
  const events = [...dataset.events].sort(
    (a, b) =>
      (timeBounds(a.time).earliest ?? "").localeCompare(timeBounds(b.time).earliest ?? "") || a.id.localeCompare(b.id),
  );
  for (const e of events) {
    const b = timeBounds(e.time);
    const parts = [...e.participants].sort(byRoleThenActor);
    const side1 = parts.filter((p) => SIDE_1.includes(p.role));
    const side2 = parts.filter((p) => SIDE_2.includes(p.role));
    const others = parts.filter((p) => !SIDE_1.includes(p.role) && !SIDE_2.includes(p.role));
    const place = e.placeId ? places.get(e.placeId) : undefined;
    let country: string | undefined;
    for (let at = place, hops = 0; at && !country && hops < 5; at = places.get(at.withinId ?? ""), hops++)
      country = countryCode(at.id);
    const reported = e.fatalities.length > 0;
    const lows = e.fatalities.map((f) => f.low).filter((n): n is number => n !== null);
    const openEnded = e.fatalities.some((f) => f.high === null);
    const sourceIds = [...new Set(e.evidence.map((x) => x.sourceId))];
    const row: Record<Column, string | number | null | undefined> = {
      event_id: e.id,
      event_date: e.time.edtf,
      date_earliest: b.earliest,
      date_latest: b.latest,
      year: b.earliest?.slice(0, 4),
      time_precision: e.time.precision,
      time_basis: e.time.basis,
      time_expression: e.time.expression,
      time_description: `${e.time.part ? `${e.time.part} ` : ""}${describeTime(e.time)}`,
      event_type: e.kind,
      title: e.title,
      actor1: side1[0] ? name(side1[0].actorId) : null,
      actor1_role: side1[0]?.role,
      assoc_actor_1: side1
        .slice(1)
        .map((p) => `${name(p.actorId)} (${p.role})`)
        .join("; "),
      actor2: side2[0] ? name(side2[0].actorId) : null,
      actor2_role: side2[0]?.role,
      assoc_actor_2: side2
        .slice(1)
        .map((p) => `${name(p.actorId)} (${p.role})`)
        .join("; "),
      other_participants: others.map((p) => `${name(p.actorId)} (${p.role})`).join("; "),
      participant_ids: parts.map((p) => `${p.actorId}:${p.role}`).join("; "),
      location: place?.name,
      place_id: e.placeId,
      place_note: e.placeNote,
      country,
      latitude: place?.coordinates?.lat,
      longitude: place?.coordinates?.lon,
      geo_approximate: place?.coordinates ? String(place.coordinates.approximate) : null,
      geo_source: place?.coordinates?.source,
      fatalities_reported: reported ? "reported" : "not reported",
      fatalities_low: reported && lows.length > 0 ? Math.min(...lows) : null,
      fatalities_high: reported && !openEnded ? Math.max(...e.fatalities.map((f) => f.high as number)) : null,
      fatalities_reports: e.fatalities.length,
      fatalities_detail: e.fatalities
        .map((f) => {
          const n = describeDeathCount(f);
          return `${n} (${f.who}) according to ${f.reportedById ? name(f.reportedById) : "the source"}`;
        })
        .join("; "),
      source_ids: sourceIds.join("; "),
      sources: sourceIds
        .map((id) => {
          const s = sources.get(id);
          return s
            ? `${s.title} (${[s.publisher, s.published ? describeTime(s.published) : null].filter(Boolean).join(", ")})`
            : id;
        })
        .join("; "),
      source_count: sourceIds.length,
      notes: e.summary,
      evidence: e.evidence.map((x) => `“${x.quote}”`).join(" | "),
    };
    rows.push(CSV_COLUMNS.map((c) => csvField(row[c])).join(","));
  }
  return `${rows.join("\r\n")}\r\n`;
}
