/**
 * The three facts under an event's title: when (as the sources date it, and the days that allows),
 * where (with the place's note), and how many sources report it.
 */
import { CalendarRange, MapPin, Newspaper } from "lucide-react";
import { TimeDetails } from "@/components/time";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import Link from "@/components/ui/link";
import { placeHref } from "@/lib/links";
import type { EventDetail } from "@/lib/types";
import { plural } from "@/lib/utils";
import { daysWords } from "./event-data";

export function EventFacts({ event }: { event: EventDetail }) {
  return (
    <div className="grid gap-3 md:grid-cols-3">
      <Card>
        <CardHeader>
          <CardTitle className="flex items-center gap-2 text-sm">
            <CalendarRange aria-hidden className="size-4 text-primary" />
            When
          </CardTitle>
        </CardHeader>
        <CardContent className="text-sm">
          <TimeDetails time={event.time} />
          <p className="mt-1 text-xs text-muted-foreground">{daysWords(event)}</p>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle className="flex items-center gap-2 text-sm">
            <MapPin aria-hidden className="size-4 text-primary" />
            Where
          </CardTitle>
        </CardHeader>
        <CardContent className="text-sm">
          {event.place ? (
            <Link href={placeHref(event.place.id)} className="text-base font-medium text-primary hover:underline">
              {event.place.name}
            </Link>
          ) : (
            <p className="text-muted-foreground italic">Place not recorded</p>
          )}
          {event.placeNote && <p className="mt-1 text-muted-foreground">{event.placeNote}</p>}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle className="flex items-center gap-2 text-sm">
            <Newspaper aria-hidden className="size-4 text-primary" />
            Reported by
          </CardTitle>
        </CardHeader>
        <CardContent className="text-sm">
          <p className="text-base font-medium">{plural(event.sources.length, "source")}</p>
          <p className="text-muted-foreground">
            {event.sources.length > 1 ? (
              <>
                Corroborated:{" "}
                <a href="#sources" className="text-primary underline">
                  the sources side by side
                </a>
                . {event.deathsAgreement}
              </>
            ) : (
              "One source only: its words are below."
            )}
          </p>
        </CardContent>
      </Card>
    </div>
  );
}
