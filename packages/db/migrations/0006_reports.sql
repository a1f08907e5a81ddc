CREATE TYPE "public"."presence_status" AS ENUM('online', 'away', 'offline');--> statement-breakpoint
CREATE TABLE "agent_status_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"availability" "agent_availability" NOT NULL,
	"presence" "presence_status" NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agent_status_changes" ADD CONSTRAINT "agent_status_changes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agent_status_changes_user_changed_idx" ON "agent_status_changes" USING btree ("user_id","changed_at");--> statement-breakpoint
CREATE INDEX "messages_report_idx" ON "messages" USING btree ("created_at","conversation_id","sender_id") WHERE "messages"."sender_id" is not null and not "messages"."internal" and "messages"."type" <> 'system';--> statement-breakpoint
CREATE INDEX "session_events_occurred_idx" ON "session_events" USING btree ("occurred_at");