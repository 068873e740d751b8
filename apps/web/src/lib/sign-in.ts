/**
 * Where to go after signing in or out: a path on this site only, never another origin
 * ("//evil.example", "/\\evil.example" and "https://…" are not paths here).
 */
export function localPath(raw: string | null | undefined): string | null {
  if (!raw?.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return null;
  return raw.length > 2000 ? null : raw;
}
