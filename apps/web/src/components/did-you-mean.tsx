/**
 * A 404 for a record address that does not exist (/actors/kataib-hezbolah): the same search as
 * the search page, on the words of the address, and its best match offered — "Did you mean
 * Kataib Hezbollah?" — so one typo costs one click.
 */
import "server-only";
import { headers } from "next/headers";
import { ButtonLink } from "@/components/ui/button";
import Link from "@/components/ui/link";
import { actorHref, claimHref, eventHref, sourceHref } from "@/lib/links";
import { api } from "@/trpc/client";

const KINDS = {
  actor: { segment: "actors", href: actorHref, noun: "actor" },
  event: { segment: "events", href: eventHref, noun: "event" },
  claim: { segment: "claims", href: claimHref, noun: "claim" },
  source: { segment: "sources", href: sourceHref, noun: "document" },
} as const;

/** The words of an address's last part: "kataib-hezbolah" → "kataib hezbolah". */
const wordsOf = (slug: string) => decodeURIComponent(slug).replace(/[-_]+/g, " ").trim();

async function bestMatch(type: keyof typeof KINDS, q: string) {
  try {
    const result = await api.search.query.query({ q, types: [type], limit: 1 });
    return result.groups[type][0] ?? null;
  } catch {
    return null;
  }
}

export async function RecordNotFound({ type }: { type: keyof typeof KINDS }) {
  const kind = KINDS[type];
  const path = (await headers()).get("x-atlas-path") ?? "";
  const slug = path.split("/").filter(Boolean)[1];
  const q = slug ? wordsOf(slug).slice(0, 200) : "";
  const hit = q ? await bestMatch(type, q) : null;
  return (
    <div className="flex flex-col items-start gap-3 py-10">
      <p className="text-sm font-medium text-muted-foreground">404</p>
      <h1 className="text-2xl font-semibold">No {kind.noun} at this address</h1>
      {hit ? (
        <p className="text-lg" data-testid="did-you-mean">
          Did you mean{" "}
          <Link href={kind.href(hit.id)} className="font-medium text-primary underline">
            {hit.title}
          </Link>
          ?{hit.why && <span className="block text-sm text-muted-foreground">{hit.why.summary}</span>}
        </p>
      ) : (
        <p className="max-w-xl text-muted-foreground">
          Nothing in the atlas is close to “{q}”. Addresses are readable names, such as <code>kataib-hezbollah</code>,
          and search finds records by any name or spelling.
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <ButtonLink href={`/search?q=${encodeURIComponent(q)}`} variant={hit ? "outline" : "default"}>
          Search for “{q}”
        </ButtonLink>
        <ButtonLink href={`/${kind.segment === "events" ? "timeline" : kind.segment}`} variant="ghost">
          Browse {kind.segment === "events" ? "the timeline" : kind.segment}
        </ButtonLink>
      </div>
    </div>
  );
}
