/** Where each kind of record lives, so every link in the app is built the same way. */

export const actorHref = (id: string) => `/actors/${encodeURIComponent(id)}`;
export const dossierHref = (id: string) => `/actors/${encodeURIComponent(id)}/dossier`;
export const eventHref = (id: string) => `/events/${encodeURIComponent(id)}`;
export const relationHref = (id: string) => `/relations/${encodeURIComponent(id)}`;
export const claimHref = (id: string) => `/claims/${encodeURIComponent(id)}`;
export const placeHref = (id: string) => `/map?place=${encodeURIComponent(id)}`;
export const graphHref = (actorId: string) => `/graph?actor=${encodeURIComponent(actorId)}`;

/** The reader, scrolled to and emphasising one span: what every evidence link points at. */
export const spanHref = (sourceId: string, start: number, end: number) =>
  `/sources/${encodeURIComponent(sourceId)}?span=${start}-${end}`;

export const sourceHref = (id: string) => `/sources/${encodeURIComponent(id)}`;

/**
 * The page where a record of any kind the history names is shown (a source's is its grade page, a
 * mention's its document), or null for what has no page (a merge, a suggestion, a reviewer).
 */
export function recordPageHref(type: string, id: string): string | null {
  switch (type) {
    case "actor":
      return actorHref(id);
    case "event":
      return eventHref(id);
    case "claim":
      return claimHref(id);
    case "relation":
      return relationHref(id);
    case "source":
      return `${sourceHref(id)}/grade`;
    case "mention": {
      // A mention's id is <source>@<start>.
      const at = id.lastIndexOf("@");
      return at > 0 ? sourceHref(id.slice(0, at)) : null;
    }
    default:
      return null;
  }
}

type Params = Record<string, string | string[] | undefined | null>;

/** A query string from params, dropping empty values; arrays repeat the key (kind=a&kind=b). */
export function query(params: Params): string {
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue;
    for (const v of Array.isArray(value) ? value : [value]) if (v !== "") qs.append(key, v);
  }
  const s = qs.toString();
  return s ? `?${s}` : "";
}
