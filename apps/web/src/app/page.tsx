import { BookOpenText, CalendarRange, Download, Map as MapIcon, Network, Search, Swords, Users } from "lucide-react";
import { ActorLink } from "@/components/actor-link";
import { ApiFailure } from "@/components/api-failure";
import { Section } from "@/components/page";
import { TimeText } from "@/components/time";
import { Badge } from "@/components/ui/badge";
import Link from "@/components/ui/link";
import { EXPORT_FORMATS, exportHref } from "@/lib/exports";
import { sourceHref } from "@/lib/links";
import { plural } from "@/lib/utils";
import { api } from "@/trpc/client";
import { load } from "@/trpc/load";

export default async function HomePage() {
  const result = await load("the atlas overview", () =>
    Promise.all([api.stats.get.query(), api.sources.list.query({ limit: 50 })]),
  );
  if (!result.ok) return <ApiFailure failure={result.failure} />;
  const [stats, sources] = result.data;
  const c = stats.counts;
  const figures = [
    { n: c.sources, label: "source documents", href: "/sources" },
    { n: c.actors, label: "actors", href: "/actors" },
    {
      n: c.events,
      label: "events",
      note: `${stats.corroboratedEvents} reported by several sources`,
      href: "/timeline",
    },
    { n: c.claims, label: "claims", note: `${stats.contradictions} contradictions`, href: "/claims" },
    { n: c.relations, label: "relations", href: "/graph" },
    { n: c.places, label: "places", href: "/map" },
    { n: c.mentions, label: "mentions in the texts", href: "/sources" },
  ];
  const entries = [
    {
      href: "/actors",
      icon: Users,
      title: "Actors",
      text: "Militias, states, leaders and spokesmen, with every name they go by.",
    },
    {
      href: "/timeline",
      icon: CalendarRange,
      title: "Timeline",
      text: "Events as ranges: a date known to the year spans the year.",
    },
    {
      href: "/claims/contradictions",
      icon: Swords,
      title: "Contradictions",
      text: "Who says what against whom, side by side, with the words.",
    },
    {
      href: "/sources",
      icon: BookOpenText,
      title: "Reader",
      text: "The documents themselves, every annotation highlighted.",
    },
    {
      href: "/graph",
      icon: Network,
      title: "Relation graph",
      text: "Leadership, backing, membership and enmity between actors.",
    },
    { href: "/map", icon: MapIcon, title: "Map", text: "Where events happened, with each point's gazetteer named." },
  ];
  return (
    <>
      <section aria-labelledby="intro" className="flex flex-col gap-4 py-4">
        <h1 id="intro" className="max-w-3xl text-3xl font-semibold tracking-tight text-balance sm:text-4xl">
          Who Iraq's armed groups are, what happened, and who said what.
        </h1>
        <p className="max-w-2xl text-muted-foreground">
          Every fact in the atlas is traced to the exact words of a source document. Claims are shown as claims, with
          who made them; dates never claim more precision than the sources give.
        </p>
        <search className="max-w-xl">
          <form action="/search" className="flex gap-2">
            <label htmlFor="home-search" className="sr-only">
              Search the atlas
            </label>
            <input
              id="home-search"
              name="q"
              type="search"
              required
              placeholder="Try “Khazali”, “Kataib Hezbollah” or “embassy”"
              className="h-11 min-w-0 flex-1 rounded-md border bg-card px-3 text-base placeholder:text-muted-foreground"
            />
            <button
              type="submit"
              className="inline-flex h-11 items-center gap-2 rounded-md bg-primary px-4 font-medium text-primary-foreground hover:opacity-90"
            >
              <Search aria-hidden className="size-4" />
              Search
            </button>
          </form>
        </search>
        <p className="text-xs text-muted-foreground">
          Press <kbd className="rounded border px-1 font-mono">/</kbd> anywhere to jump to search. Misspellings and
          transliterations are matched: “Khalazi” finds Qais al-Khazali.
        </p>
      </section>

      <Section title="What the atlas holds">
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
          {figures.map((f) => (
            <li key={f.label}>
              <Link href={f.href} className="flex h-full flex-col rounded-lg border bg-card p-3 hover:border-primary">
                <span className="text-2xl font-semibold tabular-nums">{f.n.toLocaleString("en")}</span>
                <span className="text-sm">{f.label}</span>
                {f.note && <span className="text-xs text-muted-foreground">{f.note}</span>}
              </Link>
            </li>
          ))}
        </ul>
      </Section>

      <Section
        title="The sources"
        count={sources.items.length}
        description="Each document with its publisher and publication date. Where a document does not state them, the atlas says so, and shows how a date was inferred."
      >
        <ol className="flex flex-col divide-y rounded-lg border bg-card">
          {sources.items.map((s) => (
            <li
              key={s.id}
              className="flex flex-col gap-1 p-4 sm:flex-row sm:items-baseline sm:justify-between sm:gap-6"
            >
              <div className="min-w-0">
                <Link href={sourceHref(s.id)} className="font-medium text-primary hover:underline">
                  {s.title}
                </Link>
                <p className="text-sm text-muted-foreground">
                  {s.publisher ?? <span className="italic">publisher not stated</span>}
                  {s.authors.length > 0 && ` · ${s.authors.join(", ")}`}
                  {" · "}
                  {s.genre}
                </p>
              </div>
              <div className="flex shrink-0 flex-col items-start gap-1 text-sm sm:items-end">
                <TimeText time={s.published} />
                <span className="text-xs text-muted-foreground tabular-nums">
                  {plural(s.counts.actors, "actor")} · {plural(s.counts.events, "event")} ·{" "}
                  {plural(s.counts.claims, "claim")}
                </span>
              </div>
            </li>
          ))}
        </ol>
      </Section>

      <Section title="Start exploring">
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {entries.map(({ href, icon: Icon, title, text }) => (
            <li key={href}>
              <Link href={href} className="flex h-full gap-3 rounded-lg border bg-card p-4 hover:border-primary">
                <Icon aria-hidden className="mt-0.5 size-5 shrink-0 text-primary" />
                <span className="flex flex-col gap-0.5">
                  <span className="font-medium">{title}</span>
                  <span className="text-sm text-muted-foreground">{text}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </Section>

      <Section
        id="export"
        title="Export"
        description={
          <>
            The whole atlas as files, every record with its evidence. Accepted review work is included.{" "}
            <Link href="/export" className="text-primary underline">
              What each format is for, and which tools read it
            </Link>
            ; every filtered list also offers “Export these”.
          </>
        }
      >
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {EXPORT_FORMATS.map((f) => (
            <li key={f.format}>
              <a
                href={exportHref(f.format)}
                download={f.file}
                className="flex h-full gap-3 rounded-lg border bg-card p-4 hover:border-primary"
              >
                <Download aria-hidden className="mt-0.5 size-5 shrink-0 text-primary" />
                <span className="flex flex-col gap-0.5">
                  <span className="font-medium">{f.label}</span>
                  <span className="text-sm text-muted-foreground">{f.description}</span>
                  <code className="text-xs text-muted-foreground">{f.file}</code>
                </span>
              </a>
            </li>
          ))}
        </ul>
      </Section>

      <Section title="Most mentioned actors">
        <ul className="flex flex-wrap gap-2">
          {stats.topActors.map((a) => (
            <li key={a.id} className="flex items-center gap-1.5 rounded-full border bg-card py-1 pr-2 pl-2.5 text-sm">
              <ActorLink actor={a} />
              <Badge variant="secondary" className="tabular-nums" title={`${a.mentions} mentions`}>
                {a.mentions}
              </Badge>
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
