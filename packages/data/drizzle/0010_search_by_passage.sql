CREATE TABLE "source_passages" (
	"source_id" text NOT NULL,
	"ord" integer NOT NULL,
	"title" text NOT NULL,
	"text" text NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(text, '')), 'B')) STORED,
	CONSTRAINT "source_passages_source_id_ord_pk" PRIMARY KEY("source_id","ord")
);
--> statement-breakpoint
ALTER TABLE "suggestions" DROP CONSTRAINT "suggestions_source_id_sources_id_fk";
--> statement-breakpoint
ALTER TABLE "segments" DROP CONSTRAINT "segments_source_id_sources_id_fk";
--> statement-breakpoint
DROP INDEX "sources_search_idx";--> statement-breakpoint
CREATE INDEX "source_passages_search_idx" ON "source_passages" USING gin ("search") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "source_passages_ord_idx" ON "source_passages" USING btree ("ord","source_id");--> statement-breakpoint
ALTER TABLE "sources" DROP COLUMN "search";--> statement-breakpoint
ALTER TABLE "sources" DROP COLUMN "article_text";--> statement-breakpoint
-- Vectors stay in the row (compressed), so reading a passage's vector costs no second lookup and
-- the planner sees the table's real size (a vector moved out of the row is invisible to its costs).
ALTER TABLE "source_passages" ALTER COLUMN "search" SET STORAGE MAIN;--> statement-breakpoint
-- Documents stored before passages existed get theirs the next time the database is opened (db/maintenance.ts).
INSERT INTO "meta" ("key", "value") SELECT 'passages_pending', 'true' WHERE EXISTS (SELECT 1 FROM "sources") ON CONFLICT ("key") DO NOTHING;
