import type { Metadata } from "next";
import { headers } from "next/headers";
import { ButtonLink } from "@/components/ui/button";

export const metadata: Metadata = { title: "Not found" };

/** A relation's address names its two actors and its type (hadi-al-amiri.leads.badr-organization). */
export default async function NotFound() {
  const path = (await headers()).get("x-atlas-path") ?? "";
  const slug = decodeURIComponent(path.split("/").filter(Boolean)[1] ?? "");
  const from = slug.split(".")[0]?.replace(/[-_]+/g, " ").trim() ?? "";
  return (
    <div className="flex flex-col items-start gap-3 py-10">
      <p className="text-sm font-medium text-muted-foreground">404</p>
      <h1 className="text-2xl font-semibold">No relation at this address</h1>
      <p className="max-w-xl text-muted-foreground">
        A relation's address names its actors and its type, such as <code>hadi-al-amiri.leads.badr-organization</code>.
        A retired one says so. Relations are listed on each actor's profile and in the graph.
      </p>
      <div className="flex flex-wrap gap-2">
        {from ? <ButtonLink href={`/search?q=${encodeURIComponent(from)}`}>Search for “{from}”</ButtonLink> : null}
        <ButtonLink href="/graph" variant="ghost">
          Browse the graph
        </ButtonLink>
      </div>
    </div>
  );
}
