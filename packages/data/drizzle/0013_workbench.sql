CREATE TABLE "changes" (
	"seq" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "changes_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"batch" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"reviewer" text NOT NULL,
	"action" text NOT NULL,
	"record_type" text NOT NULL,
	"record_id" text NOT NULL,
	"version" integer NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"reason" text,
	"mentions" jsonb
);
--> statement-breakpoint
CREATE TABLE "reviewers" (
	"name" text PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"admin" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text,
	"revoked_at" timestamp with time zone,
	"revoked_by" text,
	CONSTRAINT "reviewers_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "aliases" ADD COLUMN "merged_from" text;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "credibility" jsonb;--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "reliability" jsonb;--> statement-breakpoint
CREATE INDEX "changes_record_idx" ON "changes" USING btree ("record_type","record_id","seq");--> statement-breakpoint
CREATE INDEX "changes_at_idx" ON "changes" USING btree ("at");--> statement-breakpoint
CREATE INDEX "changes_batch_idx" ON "changes" USING btree ("batch");