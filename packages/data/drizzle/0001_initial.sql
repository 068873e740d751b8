CREATE TABLE "actors" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_folded" text NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"aliases_text" text NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple', coalesce(name, '')), 'A') || setweight(to_tsvector('simple', coalesce(aliases_text, '')), 'A') || setweight(to_tsvector('english', coalesce(description, '')), 'C')) STORED
);
--> statement-breakpoint
CREATE TABLE "aliases" (
	"actor_id" text NOT NULL,
	"name" text NOT NULL,
	"name_folded" text NOT NULL,
	"kind" text NOT NULL,
	"source_ids" text[] NOT NULL,
	CONSTRAINT "aliases_actor_id_name_pk" PRIMARY KEY("actor_id","name")
);
--> statement-breakpoint
CREATE TABLE "mentions" (
	"source_id" text NOT NULL,
	"start" integer NOT NULL,
	"end" integer NOT NULL,
	"quote" text NOT NULL,
	"actor_id" text NOT NULL,
	"alias" text NOT NULL,
	CONSTRAINT "mentions_source_id_start_pk" PRIMARY KEY("source_id","start")
);
--> statement-breakpoint
CREATE TABLE "claim_actors" (
	"claim_id" text NOT NULL,
	"actor_id" text NOT NULL,
	CONSTRAINT "claim_actors_claim_id_actor_id_pk" PRIMARY KEY("claim_id","actor_id")
);
--> statement-breakpoint
CREATE TABLE "claim_events" (
	"claim_id" text NOT NULL,
	"event_id" text NOT NULL,
	CONSTRAINT "claim_events_claim_id_event_id_pk" PRIMARY KEY("claim_id","event_id")
);
--> statement-breakpoint
CREATE TABLE "claim_links" (
	"claim_id" text NOT NULL,
	"type" text NOT NULL,
	"other_id" text NOT NULL,
	CONSTRAINT "claim_links_claim_id_type_other_id_pk" PRIMARY KEY("claim_id","type","other_id")
);
--> statement-breakpoint
CREATE TABLE "claims" (
	"id" text PRIMARY KEY NOT NULL,
	"claimant_id" text NOT NULL,
	"on_behalf_of_id" text,
	"via_id" text,
	"stance" text NOT NULL,
	"statement" text NOT NULL,
	"mode" text NOT NULL,
	"said" jsonb,
	"said_earliest" date,
	"said_latest" date,
	"setting" text,
	"note" text,
	"quotes_text" text NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce(statement, '')), 'A') || setweight(to_tsvector('english', coalesce(quotes_text, '')), 'B')) STORED
);
--> statement-breakpoint
CREATE TABLE "event_responses" (
	"event_id" text NOT NULL,
	"response_to_id" text NOT NULL,
	CONSTRAINT "event_responses_event_id_response_to_id_pk" PRIMARY KEY("event_id","response_to_id")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"time" jsonb NOT NULL,
	"time_edtf" text NOT NULL,
	"time_precision" text NOT NULL,
	"time_earliest" date,
	"time_latest" date,
	"place_id" text,
	"place_note" text,
	"part_of_id" text,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(summary, '')), 'B')) STORED
);
--> statement-breakpoint
CREATE TABLE "fatalities" (
	"event_id" text NOT NULL,
	"ord" integer NOT NULL,
	"low" integer,
	"high" integer,
	"who" text NOT NULL,
	"reported_by_id" text,
	"claim_id" text,
	CONSTRAINT "fatalities_event_id_ord_pk" PRIMARY KEY("event_id","ord")
);
--> statement-breakpoint
CREATE TABLE "participants" (
	"event_id" text NOT NULL,
	"actor_id" text NOT NULL,
	"role" text NOT NULL,
	"note" text,
	CONSTRAINT "participants_event_id_actor_id_role_pk" PRIMARY KEY("event_id","actor_id","role")
);
--> statement-breakpoint
CREATE TABLE "places" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"aliases" text[] NOT NULL,
	"within_id" text,
	"lat" double precision,
	"lon" double precision,
	"coordinates_source" text,
	"coordinates_approximate" boolean
);
--> statement-breakpoint
CREATE TABLE "relations" (
	"id" text PRIMARY KEY NOT NULL,
	"from_id" text NOT NULL,
	"type" text NOT NULL,
	"to_id" text NOT NULL,
	"role" text,
	"time" jsonb,
	"time_earliest" date,
	"time_latest" date,
	"former" boolean NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "evidence" (
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"source_id" text NOT NULL,
	"start" integer NOT NULL,
	"end" integer NOT NULL,
	"quote" text NOT NULL,
	"prefix" text,
	"suffix" text,
	CONSTRAINT "evidence_subject_type_subject_id_source_id_start_end_pk" PRIMARY KEY("subject_type","subject_id","source_id","start","end")
);
--> statement-breakpoint
CREATE TABLE "segments" (
	"source_id" text NOT NULL,
	"start" integer NOT NULL,
	"end" integer NOT NULL,
	"role" text NOT NULL,
	"article" boolean NOT NULL,
	CONSTRAINT "segments_source_id_start_pk" PRIMARY KEY("source_id","start")
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" text PRIMARY KEY NOT NULL,
	"file" text NOT NULL,
	"title" text NOT NULL,
	"title_basis" text NOT NULL,
	"subtitle" text,
	"publisher" text,
	"publisher_basis" text NOT NULL,
	"authors" text[] NOT NULL,
	"authors_basis" text NOT NULL,
	"published" jsonb,
	"published_earliest" date,
	"published_latest" date,
	"genre" text NOT NULL,
	"dateline" text,
	"language" text NOT NULL,
	"url" text,
	"text" text NOT NULL,
	"hash" text NOT NULL,
	"notes" jsonb NOT NULL,
	"article_text" text NOT NULL,
	"origin" text DEFAULT 'corpus' NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(article_text, '')), 'B')) STORED,
	CONSTRAINT "sources_hash_unique" UNIQUE("hash")
);
--> statement-breakpoint
CREATE TABLE "meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "aliases" ADD CONSTRAINT "aliases_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentions" ADD CONSTRAINT "mentions_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentions" ADD CONSTRAINT "mentions_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_actors" ADD CONSTRAINT "claim_actors_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_actors" ADD CONSTRAINT "claim_actors_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_events" ADD CONSTRAINT "claim_events_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_events" ADD CONSTRAINT "claim_events_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_links" ADD CONSTRAINT "claim_links_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_links" ADD CONSTRAINT "claim_links_other_id_claims_id_fk" FOREIGN KEY ("other_id") REFERENCES "public"."claims"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_claimant_id_actors_id_fk" FOREIGN KEY ("claimant_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_responses" ADD CONSTRAINT "event_responses_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_responses" ADD CONSTRAINT "event_responses_response_to_id_events_id_fk" FOREIGN KEY ("response_to_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fatalities" ADD CONSTRAINT "fatalities_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relations" ADD CONSTRAINT "relations_from_id_actors_id_fk" FOREIGN KEY ("from_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relations" ADD CONSTRAINT "relations_to_id_actors_id_fk" FOREIGN KEY ("to_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "segments_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "actors_search_idx" ON "actors" USING gin ("search");--> statement-breakpoint
CREATE INDEX "actors_name_trgm_idx" ON "actors" USING gin ("name_folded" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "actors_kind_idx" ON "actors" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "aliases_name_trgm_idx" ON "aliases" USING gin ("name_folded" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "mentions_actor_idx" ON "mentions" USING btree ("actor_id","source_id");--> statement-breakpoint
CREATE INDEX "claim_actors_actor_idx" ON "claim_actors" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "claim_events_event_idx" ON "claim_events" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "claim_links_other_idx" ON "claim_links" USING btree ("other_id");--> statement-breakpoint
CREATE INDEX "claims_search_idx" ON "claims" USING gin ("search");--> statement-breakpoint
CREATE INDEX "claims_claimant_idx" ON "claims" USING btree ("claimant_id");--> statement-breakpoint
CREATE INDEX "claims_stance_idx" ON "claims" USING btree ("stance");--> statement-breakpoint
CREATE INDEX "events_search_idx" ON "events" USING gin ("search");--> statement-breakpoint
CREATE INDEX "events_time_idx" ON "events" USING btree ("time_earliest","id");--> statement-breakpoint
CREATE INDEX "events_kind_idx" ON "events" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "events_place_idx" ON "events" USING btree ("place_id");--> statement-breakpoint
CREATE INDEX "participants_actor_idx" ON "participants" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "relations_from_idx" ON "relations" USING btree ("from_id");--> statement-breakpoint
CREATE INDEX "relations_to_idx" ON "relations" USING btree ("to_id");--> statement-breakpoint
CREATE INDEX "relations_type_idx" ON "relations" USING btree ("type");--> statement-breakpoint
CREATE INDEX "evidence_source_idx" ON "evidence" USING btree ("source_id","start");--> statement-breakpoint
CREATE INDEX "evidence_subject_idx" ON "evidence" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "sources_search_idx" ON "sources" USING gin ("search");