DROP INDEX "conversations_agent_status_idx";--> statement-breakpoint
DROP INDEX "conversations_team_status_idx";--> statement-breakpoint
CREATE INDEX "conversations_active_sessions_idx" ON "conversations" USING btree ("team_id","assigned_agent_id") WHERE "conversations"."kind" = 'support' and "conversations"."status" = 'active';--> statement-breakpoint
CREATE INDEX "conversations_agent_status_idx" ON "conversations" USING btree ("assigned_agent_id","status","id");--> statement-breakpoint
CREATE INDEX "conversations_team_status_idx" ON "conversations" USING btree ("team_id","status","id");