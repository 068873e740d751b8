/** The home page's opening: what the atlas is for, how it treats facts, and the search box. */
import { Search } from "lucide-react";

export function HomeIntro() {
  return (
    <section aria-labelledby="intro" className="flex flex-col gap-4 py-4">
      <h1 id="intro" className="max-w-3xl text-3xl font-semibold tracking-tight text-balance sm:text-4xl">
        Who Iraq's armed groups are, what happened, and who said what.
      </h1>
      <p className="max-w-2xl text-muted-foreground">
        Every fact in the atlas is traced to the exact words of a source document. Claims are shown as claims, with who
        made them; dates never claim more precision than the sources give.
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
  );
}
