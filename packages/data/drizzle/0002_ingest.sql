CREATE TABLE "ingest_documents" (
	"source_id" text PRIMARY KEY NOT NULL,
	"format" text NOT NULL,
	"original_hash" text NOT NULL,
	"bytes" integer NOT NULL,
	"file_name" text,
	"ingested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"warnings" jsonb NOT NULL,
	CONSTRAINT "ingest_documents_originalHash_unique" UNIQUE("original_hash")
);
--> statement-breakpoint
CREATE TABLE "ingest_records" (
	"seq" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ingest_records_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"suggestion_id" text NOT NULL,
	"source_id" text NOT NULL,
	"type" text NOT NULL,
	"record_id" text NOT NULL,
	"record" jsonb NOT NULL,
	"accepted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "suggestions" (
	"id" text PRIMARY KEY NOT NULL,
	"source_id" text NOT NULL,
	"ord" integer NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'suggested' NOT NULL,
	"start" integer NOT NULL,
	"end" integer NOT NULL,
	"quote" text NOT NULL,
	"label" text NOT NULL,
	"proposal" jsonb NOT NULL,
	"edit" jsonb,
	"reviewed_at" timestamp with time zone,
	"review_note" text
);
--> statement-breakpoint
ALTER TABLE "ingest_documents" ADD CONSTRAINT "ingest_documents_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ingest_records" ADD CONSTRAINT "ingest_records_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ingest_records" ADD CONSTRAINT "ingest_records_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ingest_records_suggestion_idx" ON "ingest_records" USING btree ("suggestion_id");--> statement-breakpoint
CREATE INDEX "ingest_records_source_idx" ON "ingest_records" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "suggestions_source_idx" ON "suggestions" USING btree ("source_id","kind","ord");--> statement-breakpoint
CREATE INDEX "suggestions_status_idx" ON "suggestions" USING btree ("source_id","status");