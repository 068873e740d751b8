import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";

export const metadata: Metadata = { title: "Not found" };

export default function NotFound() {
  return (
    <div className="flex flex-col items-start gap-3 py-10">
      <p className="text-sm font-medium text-muted-foreground">404</p>
      <h1 className="text-2xl font-semibold">Nothing here by that name</h1>
      <p className="max-w-xl text-muted-foreground">
        The atlas has no record at this address. Ids are readable slugs, such as <code>kataib-hezbollah</code> or{" "}
        <code>2020-01-03-baghdad-airport-strike</code>; search finds records by any name or spelling.
      </p>
      <div className="flex flex-wrap gap-2">
        <ButtonLink href="/search">Search the atlas</ButtonLink>
        <ButtonLink href="/actors" variant="outline">
          Browse actors
        </ButtonLink>
        <ButtonLink href="/" variant="ghost">
          Home
        </ButtonLink>
      </div>
    </div>
  );
}
