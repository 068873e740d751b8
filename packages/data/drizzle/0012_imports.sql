CREATE TABLE "import_ids" (
	"import_id" text NOT NULL,
	"collection" text NOT NULL,
	"imported_id" text NOT NULL,
	"atlas_id" text,
	CONSTRAINT "import_ids_import_id_collection_imported_id_pk" PRIMARY KEY("import_id","collection","imported_id")
);
--> statement-breakpoint
CREATE TABLE "import_pending" (
	"seq" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "import_pending_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"import_id" text NOT NULL,
	"item" jsonb NOT NULL,
	"needs" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" text PRIMARY KEY NOT NULL,
	"format" text NOT NULL,
	"original_hash" text NOT NULL,
	"bytes" integer NOT NULL,
	"file_name" text,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"report" jsonb NOT NULL,
	"warnings" jsonb NOT NULL,
	CONSTRAINT "imports_originalHash_unique" UNIQUE("original_hash")
);
--> statement-breakpoint
ALTER TABLE "ingest_records" ALTER COLUMN "suggestion_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "ingest_records" ALTER COLUMN "source_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "ingest_records" ADD COLUMN "import_id" text;--> statement-breakpoint
ALTER TABLE "suggestions" ADD COLUMN "import_id" text;--> statement-breakpoint
ALTER TABLE "import_ids" ADD CONSTRAINT "import_ids_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_pending" ADD CONSTRAINT "import_pending_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_pending_import_idx" ON "import_pending" USING btree ("import_id");--> statement-breakpoint
CREATE INDEX "import_pending_needs_idx" ON "import_pending" USING gin ("needs");--> statement-breakpoint
ALTER TABLE "ingest_records" ADD CONSTRAINT "ingest_records_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ingest_records_import_idx" ON "ingest_records" USING btree ("import_id");