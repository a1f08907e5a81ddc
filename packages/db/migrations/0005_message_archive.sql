CREATE TABLE "archived_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"conversation_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"event_seq" integer NOT NULL,
	"sender_id" uuid,
	"type" "message_type" NOT NULL,
	"internal" boolean NOT NULL,
	"body" text NOT NULL,
	"reply_to_id" uuid,
	"mentions" uuid[] NOT NULL,
	"data" jsonb,
	"client_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"edited_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"deleted_by_id" uuid,
	"archived_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "messages" DROP CONSTRAINT "messages_reply_to_id_messages_id_fk";
--> statement-breakpoint
ALTER TABLE "attachments" DROP CONSTRAINT "attachments_message_id_messages_id_fk";
--> statement-breakpoint
ALTER TABLE "archived_messages" ADD CONSTRAINT "archived_messages_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "archived_messages_conversation_seq_idx" ON "archived_messages" USING btree ("conversation_id","seq");--> statement-breakpoint
CREATE INDEX "archived_messages_created_idx" ON "archived_messages" USING btree ("created_at");