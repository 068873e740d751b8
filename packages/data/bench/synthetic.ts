/** A bench's large dataset: the curated events repeated under new ids until there are `n`. */
import type { Dataset } from "@atlas/schema";

export function synthetic(base: Dataset, n: number): Dataset {
  const events = Array.from({ length: n }, (_, i) => {
    const e = base.events[i % base.events.length] as Dataset["events"][number];
    return { ...e, id: `${e.id}-${Math.floor(i / base.events.length)}`, partOfId: null, responseToIds: [] };
  });
  return { ...base, events, claims: base.claims.map((c) => ({ ...c, about: { ...c.about, eventIds: [] } })) };
}
