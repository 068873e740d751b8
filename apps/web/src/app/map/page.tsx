/**
 * The map: where events happened, on an offline SVG map of the region. A point from a gazetteer
 * says which gazetteer; an approximate point (a province or country drawn at its capital or
 * centroid) is drawn as a dashed ring and says so; places with no honest point are listed as
 * not mapped. ?place= shows a place and its events.
 */
import { describeTime } from "@atlas/schema";
import type { Metadata } from "next";
import { ApiFailure } from "@/components/api-failure";
import { PageHeader, Section } from "@/components/page";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import Link from "@/components/ui/link";
import { SCROLL_HINT, WideDrawing } from "@/components/wide-drawing";
import { eventHref, placeHref } from "@/lib/links";
import { countryShapes, IRAQ_ID, MAP_HEIGHT, MAP_WIDTH, project } from "@/lib/map";
import { first, type SearchParams } from "@/lib/search-params";
import type { EventSummary, Place } from "@/lib/types";
import { cn, plural } from "@/lib/utils";
import { api } from "@/trpc/client";
import { load } from "@/trpc/load";

export const metadata: Metadata = {
  title: "Map",
  description:
    "Where events involving Iraq's armed groups happened, with the gazetteer behind every point and approximate points marked.",
};

interface PointGroup {
  key: string;
  x: number;
  y: number;
  places: Place[];
  /** The place the marker links to: most events, a located site before an approximate one. */
  lead: Place;
  events: number;
  approximate: boolean;
}

function groupPoints(places: Place[]) {
  const groups = new Map<string, PointGroup>();
  const outside: Place[] = [];
  for (const p of places) {
    if (!p.coordinates) continue;
    const at = project(p.coordinates.lon, p.coordinates.lat);
    if (!at) {
      outside.push(p);
      continue;
    }
    const key = `${p.coordinates.lat.toFixed(4)},${p.coordinates.lon.toFixed(4)}`;
    const g = groups.get(key) ?? { key, ...at, places: [], lead: p, events: 0, approximate: true };
    g.places.push(p);
    g.events += p.eventCount;
    g.approximate &&= p.coordinates.approximate;
    groups.set(key, g);
  }
  for (const g of groups.values()) {
    g.lead = [...g.places].sort(
      (a, b) => Number(a.coordinates?.approximate) - Number(b.coordinates?.approximate) || b.eventCount - a.eventCount,
    )[0] as Place;
  }
  // Bigger markers underneath smaller ones.
  return { groups: [...groups.values()].sort((a, b) => b.events - a.events), outside };
}

const markerRadius = (events: number) => (events === 0 ? 4 : 5 + Math.sqrt(events) * 2.2);

function MapSvg({ groups, selected }: { groups: PointGroup[]; selected: string | undefined }) {
  const countries = countryShapes();
  return (
    <svg
      viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
      className="h-auto w-full"
      aria-labelledby="map-title"
      data-testid="event-map"
    >
      <title id="map-title">Map of Iraq and its neighbours with the places events happened</title>
      <rect width={MAP_WIDTH} height={MAP_HEIGHT} className="map-water" />
      <g>
        {countries.map((c) => (
          <path key={c.id} d={c.d} className={c.id === IRAQ_ID ? "map-country-focus" : "map-country"}>
            <title>{c.name}</title>
          </path>
        ))}
      </g>
      <g aria-hidden className="fill-muted-foreground text-[15px] tracking-[0.2em] uppercase">
        {countries.map((c) =>
          c.label ? (
            <text key={c.id} x={c.label.x} y={c.label.y} textAnchor="middle" className="opacity-70">
              {c.name}
            </text>
          ) : null,
        )}
      </g>
      <g>
        {groups.map((g) => {
          const r = markerRadius(g.events);
          const isSelected = g.places.some((p) => p.id === selected);
          const names = g.places.map((p) => p.name).join(", ");
          return (
            <a
              key={g.key}
              href={placeHref(g.lead.id)}
              className="map-point"
              aria-label={`${g.lead.name}${g.places.length > 1 ? ` +${g.places.length - 1}` : ""}: ${names}, ${plural(g.events, "event")}${g.approximate ? ", approximate point" : ""}`}
            >
              <title>{`${names} — ${plural(g.events, "event")}${g.approximate ? " (approximate point)" : ""}`}</title>
              {g.approximate ? (
                <circle
                  cx={g.x}
                  cy={g.y}
                  r={r}
                  className={cn("fill-primary/15 stroke-primary", isSelected && "stroke-danger")}
                  strokeWidth={2}
                  strokeDasharray="3 2.5"
                />
              ) : (
                <circle
                  cx={g.x}
                  cy={g.y}
                  r={r}
                  className={cn(
                    "fill-primary stroke-card",
                    g.events === 0 && "fill-muted-foreground",
                    isSelected && "fill-danger",
                  )}
                  strokeWidth={1.5}
                />
              )}
              {(g.events > 0 || isSelected) && (
                <text x={g.x + r + 3} y={g.y + 4} className="graph-label text-[13px]">
                  {g.lead.name}
                  {g.places.length > 1 ? ` +${g.places.length - 1}` : ""}
                </text>
              )}
            </a>
          );
        })}
      </g>
    </svg>
  );
}

function PlacePanel({ place, atSamePoint, events }: { place: Place; atSamePoint: Place[]; events: EventSummary[] }) {
  const c = place.coordinates;
  return (
    <Card data-testid="place-panel">
      <CardHeader>
        <CardTitle>{place.name}</CardTitle>
        <p className="text-sm text-muted-foreground">
          {place.kind}
          {place.within && (
            <>
              {" in "}
              <Link href={placeHref(place.within.id)} className="text-primary underline">
                {place.within.name}
              </Link>
            </>
          )}
          {place.aliases.length > 0 && ` · also written ${place.aliases.join(", ")}`}
        </p>
      </CardHeader>
      <CardContent className="flex flex-col gap-3 text-sm">
        {c ? (
          <div>
            <p>
              {c.lat.toFixed(4)}, {c.lon.toFixed(4)} {c.approximate && <Badge variant="warning">approximate</Badge>}
            </p>
            <p className="text-muted-foreground">Gazetteer: {c.source}</p>
            {c.approximate && (
              <p className="text-muted-foreground">
                This point stands for an area or a site the gazetteer does not locate; it is not where the event
                happened.
              </p>
            )}
          </div>
        ) : (
          <p className="text-muted-foreground">Not mapped: no gazetteer gives an honest point for this place.</p>
        )}
        {atSamePoint.length > 0 && (
          <p className="text-muted-foreground">
            Drawn at the same point:{" "}
            {atSamePoint.map((p, i) => (
              <span key={p.id}>
                {i > 0 && ", "}
                <Link href={placeHref(p.id)} className="text-primary underline">
                  {p.name}
                </Link>
              </span>
            ))}
          </p>
        )}
        <div>
          <h3 className="font-medium">
            {plural(events.length, "event")} here{events.length > place.eventCount ? " or in places inside it" : ""}
          </h3>
          {events.length > place.eventCount && (
            <p className="text-xs text-muted-foreground">
              {place.eventCount} at {place.name} itself, {events.length - place.eventCount} at places inside it.
            </p>
          )}
          <ul className="mt-1 flex flex-col gap-1.5">
            {events.map((e) => (
              <li key={e.id}>
                <Link href={eventHref(e.id)} className="text-primary hover:underline">
                  {e.title}
                </Link>
                <span className="block text-xs text-muted-foreground">
                  {describeTime(e.time)}
                  {e.place && e.place.id !== place.id ? ` · ${e.place.name}` : ""}
                </span>
              </li>
            ))}
          </ul>
        </div>
        <ButtonLink href="/map" variant="outline" size="sm" className="self-start">
          Close
        </ButtonLink>
      </CardContent>
    </Card>
  );
}

export default async function MapPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const selectedId = first(sp.place);
  const result = await load("the map", () =>
    Promise.all([
      api.places.list.query(),
      selectedId ? api.events.timeline.query({ placeId: selectedId, limit: 200 }) : Promise.resolve(null),
    ]),
  );
  if (!result.ok) return <ApiFailure failure={result.failure} />;
  const [places, selectedEvents] = result.data;
  const { groups, outside } = groupPoints(places);
  const unmapped = places.filter((p) => !p.coordinates);
  const selected = places.find((p) => p.id === selectedId);
  const sameKey = (p: Place) =>
    p.coordinates ? `${p.coordinates.lat.toFixed(4)},${p.coordinates.lon.toFixed(4)}` : null;
  const atSamePoint = selected
    ? places.filter((p) => p.id !== selected.id && sameKey(p) && sameKey(p) === sameKey(selected))
    : [];
  // "Mapped" means drawn on this map: a place with coordinates outside it is listed once, as not mapped.
  const offMap = new Set(outside.map((p) => p.id));
  const mapped = places.filter((p) => p.coordinates && !offMap.has(p.id));

  return (
    <>
      <PageHeader title={selected ? `Map: ${selected.name}` : "Map"}>
        Places where events happened. Coordinates are the one kind of fact not taken from the documents: each comes from
        a named gazetteer. Filled dots are located places; dashed rings are approximate points standing for an area.
      </PageHeader>
      {selectedId && !selected && (
        <p role="alert" className="rounded-md border border-danger/40 bg-card p-3 text-sm">
          No place with id “{selectedId}”. Choose one on the map or in the lists below.
        </p>
      )}
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <figure className="flex flex-col gap-2">
          <WideDrawing label="Map of event places (scrolls sideways on a narrow screen)">
            <MapSvg groups={groups} selected={selectedId} />
          </WideDrawing>
          <figcaption className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground">
            <span className="sm:hidden">{SCROLL_HINT}</span>
            <span className="inline-flex items-center gap-1.5">
              <svg aria-hidden viewBox="0 0 12 12" className="size-3">
                <circle cx="6" cy="6" r="5" className="fill-primary" />
              </svg>
              located place (size: number of events)
            </span>
            <span className="inline-flex items-center gap-1.5">
              <svg aria-hidden viewBox="0 0 12 12" className="size-3">
                <circle
                  cx="6"
                  cy="6"
                  r="4.5"
                  className="fill-primary/15 stroke-primary"
                  strokeWidth="1.5"
                  strokeDasharray="2 1.5"
                />
              </svg>
              approximate point (a country, province or site drawn at a centroid or its city)
            </span>
            <span>Borders: Natural Earth 1:50m via world-atlas, drawn offline.</span>
          </figcaption>
        </figure>
        <div className="flex flex-col gap-4">
          {selected && selectedEvents ? (
            <PlacePanel place={selected} atSamePoint={atSamePoint} events={selectedEvents.items} />
          ) : (
            <p className="rounded-lg border border-dashed p-4 text-sm text-muted-foreground">
              Select a point, or a place in the lists, to see its events and where its coordinates come from.
            </p>
          )}
          <Section
            title="Not mapped"
            count={unmapped.length + outside.length}
            description="Places with no honest point, or outside this map."
          >
            <ul className="flex flex-col gap-1 text-sm">
              {unmapped.map((p) => (
                <li key={p.id}>
                  <Link href={placeHref(p.id)} className="text-primary underline">
                    {p.name}
                  </Link>{" "}
                  <span className="text-xs text-muted-foreground">
                    {p.kind} · no coordinates · {plural(p.eventsWithin, "event")}
                  </span>
                </li>
              ))}
              {outside.map((p) => (
                <li key={p.id}>
                  <Link href={placeHref(p.id)} className="text-primary underline">
                    {p.name}
                  </Link>{" "}
                  <span className="text-xs text-muted-foreground">
                    outside the map · {plural(p.eventsWithin, "event")}
                  </span>
                </li>
              ))}
            </ul>
          </Section>
        </div>
      </div>
      <Section
        title="Mapped places"
        count={mapped.length}
        description="Every point on this map and the gazetteer it comes from."
      >
        <div className="overflow-x-auto rounded-lg border bg-card">
          <table className="w-full text-sm">
            <thead className="text-left text-xs text-muted-foreground">
              <tr className="border-b">
                <th scope="col" className="p-2 font-medium">
                  Place
                </th>
                <th scope="col" className="p-2 font-medium">
                  Kind
                </th>
                <th scope="col" className="p-2 font-medium">
                  Events here or inside
                </th>
                <th scope="col" className="p-2 font-medium">
                  Point
                </th>
                <th scope="col" className="p-2 font-medium">
                  Gazetteer
                </th>
              </tr>
            </thead>
            <tbody>
              {mapped.map((p) => (
                <tr key={p.id} className={cn("border-b last:border-0", p.id === selectedId && "bg-accent")}>
                  <td className="p-2">
                    <Link href={placeHref(p.id)} className="text-primary hover:underline">
                      {p.name}
                    </Link>
                  </td>
                  <td className="p-2">{p.kind}</td>
                  <td className="p-2 tabular-nums">
                    <span data-testid="events-within">{p.eventsWithin}</span>
                    {p.eventsWithin !== p.eventCount && (
                      <span className="block text-xs text-muted-foreground">
                        {p.eventCount} at {p.name} itself, {p.eventsWithin - p.eventCount} at places inside it
                      </span>
                    )}
                  </td>
                  <td className="p-2 whitespace-nowrap tabular-nums">
                    {p.coordinates?.lat.toFixed(2)}, {p.coordinates?.lon.toFixed(2)}
                    {p.coordinates?.approximate && (
                      <Badge variant="warning" className="ml-1">
                        approximate
                      </Badge>
                    )}
                  </td>
                  <td className="p-2 text-xs text-muted-foreground">{p.coordinates?.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>
    </>
  );
}
