ALTER TABLE "mentions" DROP CONSTRAINT "mentions_source_id_sources_id_fk";
--> statement-breakpoint
ALTER TABLE "mentions" DROP CONSTRAINT "mentions_actor_id_actors_id_fk";
