CREATE TABLE "message_tallies" (
	"conversation_id" uuid NOT NULL,
	"quarter" timestamp with time zone NOT NULL,
	"messages_in" integer NOT NULL,
	"messages_out" integer NOT NULL,
	CONSTRAINT "message_tallies_conversation_id_quarter_pk" PRIMARY KEY("conversation_id","quarter")
);
--> statement-breakpoint
CREATE TABLE "report_tally_marks" (
	"name" text PRIMARY KEY NOT NULL,
	"tallied_until" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "message_tallies" ADD CONSTRAINT "message_tallies_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "message_tallies_quarter_idx" ON "message_tallies" USING btree ("quarter","conversation_id","messages_in","messages_out");