import { Menu, Search } from "lucide-react";
import Link from "@/components/ui/link";
import { NavLinks } from "./nav-links";
import { SearchShortcut } from "./search-shortcut";
import { SessionControl } from "./session-control";
import { type Theme, ThemeToggle } from "./theme-toggle";

export function SiteHeader({ theme }: { theme: Theme }) {
  return (
    <header className="border-b bg-card/80">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2.5">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <svg aria-hidden viewBox="0 0 24 24" className="size-6 text-primary">
            <circle cx="6" cy="7" r="3" fill="currentColor" />
            <circle cx="18" cy="6" r="2.5" fill="currentColor" opacity=".7" />
            <circle cx="13" cy="17" r="3.5" fill="currentColor" opacity=".85" />
            <path d="M6 7 18 6M6 7l7 10M18 6l-5 11" stroke="currentColor" strokeWidth="1.3" fill="none" />
          </svg>
          Militia Atlas
        </Link>
        <search className="order-last w-full sm:order-none sm:ml-auto sm:w-72">
          <form action="/search" className="flex w-full items-center">
            <label htmlFor="global-search" className="sr-only">
              Search actors, events, claims and sources
            </label>
            <div className="relative w-full">
              <Search
                aria-hidden
                className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground"
              />
              <input
                id="global-search"
                name="q"
                type="search"
                placeholder="Search names, events, claims…"
                aria-keyshortcuts="/"
                className="h-9 w-full rounded-md border bg-background pr-8 pl-8 text-sm placeholder:text-muted-foreground"
              />
              <kbd
                aria-hidden
                className="absolute top-1/2 right-2 -translate-y-1/2 rounded border px-1.5 font-mono text-[0.7rem] text-muted-foreground"
              >
                /
              </kbd>
            </div>
            <SearchShortcut inputId="global-search" />
          </form>
        </search>
        <SessionControl />
        <ThemeToggle initial={theme} />
      </div>
      <nav aria-label="Main" className="mx-auto max-w-6xl px-2">
        {/* On a phone the sections fold into a menu (a plain disclosure: no script needed). */}
        <details className="nav-menu sm:hidden">
          <summary className="tap flex items-center gap-2 px-2 py-2 text-sm font-medium">
            <Menu aria-hidden className="size-5" />
            Menu: Actors, Timeline, Claims, Graph, Map, Review, Export…
          </summary>
          <div className="border-t pb-2">
            <NavLinks column />
          </div>
        </details>
        <div className="max-sm:hidden">
          <NavLinks />
        </div>
      </nav>
    </header>
  );
}
