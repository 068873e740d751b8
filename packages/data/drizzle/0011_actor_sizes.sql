CREATE TABLE "actor_sizes" (
	"actor_id" text NOT NULL,
	"ord" integer NOT NULL,
	"low" integer,
	"high" integer,
	"expression" text NOT NULL,
	"time" jsonb,
	"reported_by_id" text,
	CONSTRAINT "actor_sizes_actor_id_ord_pk" PRIMARY KEY("actor_id","ord")
);
--> statement-breakpoint
ALTER TABLE "actor_sizes" ADD CONSTRAINT "actor_sizes_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;