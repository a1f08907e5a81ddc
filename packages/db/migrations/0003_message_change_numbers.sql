ALTER TABLE "conversations" ADD COLUMN "last_event_seq" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "event_seq" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "messages_conversation_event_seq_idx" ON "messages" USING btree ("conversation_id","event_seq");