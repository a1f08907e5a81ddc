CREATE TYPE "public"."canned_response_scope" AS ENUM('global', 'team', 'personal');--> statement-breakpoint
CREATE TABLE "canned_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scope" "canned_response_scope" NOT NULL,
	"team_id" uuid,
	"owner_id" uuid,
	"shortcut" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"category" text,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "canned_responses_owner_fits_scope" CHECK (("canned_responses"."scope" = 'global' and "canned_responses"."team_id" is null and "canned_responses"."owner_id" is null)
        or ("canned_responses"."scope" = 'team' and "canned_responses"."team_id" is not null and "canned_responses"."owner_id" is null)
        or ("canned_responses"."scope" = 'personal' and "canned_responses"."owner_id" is not null and "canned_responses"."team_id" is null)),
	CONSTRAINT "canned_responses_shortcut_format" CHECK ("canned_responses"."shortcut" ~ '^[a-z0-9][a-z0-9-]{0,31}$'),
	CONSTRAINT "canned_responses_title_length" CHECK (char_length("canned_responses"."title") between 1 and 120),
	CONSTRAINT "canned_responses_body_length" CHECK (char_length("canned_responses"."body") between 1 and 5000),
	CONSTRAINT "canned_responses_category_length" CHECK (char_length("canned_responses"."category") between 1 and 50)
);
--> statement-breakpoint
ALTER TABLE "canned_responses" ADD CONSTRAINT "canned_responses_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "canned_responses" ADD CONSTRAINT "canned_responses_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "canned_responses" ADD CONSTRAINT "canned_responses_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "canned_responses_global_shortcut_idx" ON "canned_responses" USING btree ("shortcut") WHERE "canned_responses"."scope" = 'global';--> statement-breakpoint
CREATE UNIQUE INDEX "canned_responses_team_shortcut_idx" ON "canned_responses" USING btree ("team_id","shortcut") WHERE "canned_responses"."scope" = 'team';--> statement-breakpoint
CREATE UNIQUE INDEX "canned_responses_personal_shortcut_idx" ON "canned_responses" USING btree ("owner_id","shortcut") WHERE "canned_responses"."scope" = 'personal';