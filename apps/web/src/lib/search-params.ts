/** Reading Next's searchParams (string | string[] | undefined) into the shapes pages need. */
export type SearchParams = Record<string, string | string[] | undefined>;

export const first = (v: string | string[] | undefined): string | undefined => {
  const s = Array.isArray(v) ? v[0] : v;
  return s?.trim() ? s.trim() : undefined;
};

export const all = (v: string | string[] | undefined): string[] =>
  (Array.isArray(v) ? v : v ? [v] : [])
    .flatMap((s) => s.split(","))
    .map((s) => s.trim())
    .filter(Boolean);

/** Keeps only values in an allowed list, so a hand-edited URL cannot reach the API malformed. */
export const allowed = <T extends string>(values: string[], list: readonly T[]): T[] =>
  values.filter((v): v is T => (list as readonly string[]).includes(v));
