/**
 * Reviewers: each analyst writes with their own token, so the history can say who changed what.
 * A token is shown once and stored as its sha256 (tokens are long and random, so a plain hash
 * is enough). Revoking keeps the reviewer, so their past changes still name them. The shared
 * token `npm start` makes (.data/ingest-token, or ATLAS_INGEST_TOKEN) is the first admin's.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, asc, count, eq, isNull } from "drizzle-orm";
import type { Db } from "../db/client.js";
import * as t from "../db/schema/index.js";
import { ReviewError } from "../ingest/errors.js";
import { iso } from "./history.js";
import { type NewReviewer, ReviewerName, type ReviewerView } from "./model.js";
import { type Reviewer, write } from "./write.js";

export const hashToken = (token: string) => createHash("sha256").update(token.trim()).digest("hex");

const newToken = () => `atlas_${randomBytes(24).toString("base64url")}`;

export type Authentication =
  | { ok: true; reviewer: Reviewer }
  | { ok: false; reason: "unknown" }
  | { ok: false; reason: "revoked"; name: string; revokedAt: string; revokedBy: string | null };

export async function authenticate(db: Db, token: string): Promise<Authentication> {
  const [row] = await db
    .select({
      name: t.reviewers.name,
      admin: t.reviewers.admin,
      revokedAt: iso(t.reviewers.revokedAt),
      revokedBy: t.reviewers.revokedBy,
    })
    .from(t.reviewers)
    .where(eq(t.reviewers.tokenHash, hashToken(token)));
  if (!row) return { ok: false, reason: "unknown" };
  if (row.revokedAt)
    return { ok: false, reason: "revoked", name: row.name, revokedAt: row.revokedAt, revokedBy: row.revokedBy };
  return { ok: true, reviewer: { name: row.name, admin: row.admin } };
}

/** How many reviewers may write now, and how many of them are admins. */
export async function reviewerCounts(db: Db): Promise<{ active: number; admins: number }> {
  const rows = await db
    .select({ admin: t.reviewers.admin, n: count() })
    .from(t.reviewers)
    .where(isNull(t.reviewers.revokedAt))
    .groupBy(t.reviewers.admin);
  return {
    active: rows.reduce((sum, r) => sum + r.n, 0),
    admins: rows.find((r) => r.admin)?.n ?? 0,
  };
}

export async function listReviewers(db: Db): Promise<ReviewerView[]> {
  return db
    .select({
      name: t.reviewers.name,
      admin: t.reviewers.admin,
      createdAt: iso(t.reviewers.createdAt),
      createdBy: t.reviewers.createdBy,
      revokedAt: iso(t.reviewers.revokedAt),
      revokedBy: t.reviewers.revokedBy,
    })
    .from(t.reviewers)
    .orderBy(asc(t.reviewers.name));
}

const viewOf = async (db: Db, name: string) => (await listReviewers(db)).find((r) => r.name === name) as ReviewerView;

/**
 * Adds a reviewer and returns their token, once. `by` is the admin adding them; null only for the
 * first admin (who then appears in the history as adding themselves).
 */
export async function addReviewer(
  db: Db,
  { name, admin, by, token = newToken() }: { name: string; admin: boolean; by: Reviewer | null; token?: string },
): Promise<NewReviewer> {
  const checked = ReviewerName.safeParse(name);
  if (!checked.success) throw new ReviewError("invalid", `name: "${name}" ${checked.error.issues[0]?.message}`);
  const self = { name, admin };
  return write(db, by ?? self, by ? null : "the first admin", async (w) => {
    const [taken] = await w.db.select({ name: t.reviewers.name }).from(t.reviewers).where(eq(t.reviewers.name, name));
    if (taken) throw new ReviewError("conflict", `A reviewer named "${name}" exists already; choose another name.`);
    await w.db.insert(t.reviewers).values({ name, tokenHash: hashToken(token), admin, createdBy: by?.name ?? null });
    await w.log("reviewer", name, 1, "created", null, await viewOf(w.db, name));
    return { name, admin, token };
  });
}

export async function revokeReviewer(db: Db, name: string, by: Reviewer): Promise<ReviewerView> {
  return write(db, by, null, async (w) => {
    const before = (await listReviewers(w.db)).find((r) => r.name === name);
    if (!before) throw new ReviewError("not_found", `No reviewer named "${name}".`);
    if (before.revokedAt) {
      throw new ReviewError(
        "conflict",
        `Reviewer "${name}" was revoked already (${before.revokedAt}, by ${before.revokedBy}).`,
      );
    }
    if (before.admin && (await reviewerCounts(w.db)).admins === 1) {
      throw new ReviewError(
        "conflict",
        `"${name}" is the last admin; make another admin first (atlas reviewers add NAME --admin).`,
      );
    }
    await w.db
      .update(t.reviewers)
      .set({ revokedAt: w.at, revokedBy: by.name })
      .where(and(eq(t.reviewers.name, name), isNull(t.reviewers.revokedAt)));
    const after = await viewOf(w.db, name);
    await w.log("reviewer", name, 2, "retired", before, after);
    return after;
  });
}

/**
 * The shared token (ATLAS_INGEST_TOKEN, or the .data/ingest-token file npm start makes) is an
 * admin's: registered the first time it is seen, under `name` (or name-2… when taken). A revoked
 * shared token stays revoked. Returns the reviewer it belongs to, or null when revoked.
 */
export async function registerSharedToken(db: Db, token: string, name = "admin"): Promise<Reviewer | null> {
  const known = await authenticate(db, token);
  if (known.ok) return known.reviewer;
  if (known.reason === "revoked") return null;
  const names = new Set((await listReviewers(db)).map((r) => r.name));
  let free = name;
  for (let n = 2; names.has(free); n++) free = `${name}-${n}`;
  await addReviewer(db, { name: free, admin: true, by: null, token });
  return { name: free, admin: true };
}
