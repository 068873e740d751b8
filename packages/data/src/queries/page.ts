/**
 * Cursor pagination: fetch limit + 1 rows ordered by (key, id); the extra row says whether a
 * next page exists, and the last returned row becomes the opaque cursor.
 */
import { z } from "zod";

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

export const PageInput = z.object({
  limit: z
    .int()
    .min(1)
    .max(MAX_LIMIT)
    .default(DEFAULT_LIMIT)
    .describe(`Page size (1–${MAX_LIMIT}, default ${DEFAULT_LIMIT}).`),
  cursor: z.string().min(1).max(500).optional().describe("The nextCursor of the previous page."),
});
export type PageInput = z.input<typeof PageInput>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type CursorKey = [string | number | null, string];

export class InvalidCursorError extends Error {
  constructor() {
    super("cursor is not one this server issued; start again without a cursor");
    this.name = "InvalidCursorError";
  }
}

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

export function decodeCursor(cursor: string | undefined): CursorKey | null {
  if (!cursor) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(key) && key.length === 2 && typeof key[1] === "string") {
      if (key[0] === null || typeof key[0] === "string" || typeof key[0] === "number") return key as CursorKey;
    }
  } catch {}
  throw new InvalidCursorError();
}

export function toPage<T>(rows: T[], limit: number, key: (row: T) => CursorKey): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(key(last)) : null };
}
