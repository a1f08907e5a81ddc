import { bigserial, index, integer, jsonb, pgTable, uuid } from "drizzle-orm/pg-core";

import { timestamptz } from "./columns";
import { conversations } from "./conversations";
import { sessionEventType } from "./enums";
import { teams, users } from "./users";

/**
 * The reporting ledger of support sessions, after Chatwoot's reporting events: one row
 * per step, with the duration that step measures already computed, so that reports
 * aggregate rows instead of replaying timelines.
 *
 * - assigned:       waitSeconds (entered the queue -> assigned)
 * - first_response: firstResponseSeconds (entered the queue or reopened -> first agent reply)
 * - closed:         handleSeconds (first assigned -> closed), resolutionSeconds (created -> closed)
 * - reopened:       closedSeconds (how long it had been closed)
 */
export const sessionEvents = pgTable(
  "session_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    type: sessionEventType("type").notNull(),
    occurredAt: timestamptz("occurred_at").notNull().defaultNow(),
    /** Who caused the step; null when the server did (auto-assignment, auto-close). */
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    /** The agent and team the session belonged to after this step. */
    agentId: uuid("agent_id").references(() => users.id, { onDelete: "set null" }),
    teamId: uuid("team_id").references(() => teams.id, { onDelete: "set null" }),
    waitSeconds: integer("wait_seconds"),
    firstResponseSeconds: integer("first_response_seconds"),
    handleSeconds: integer("handle_seconds"),
    resolutionSeconds: integer("resolution_seconds"),
    closedSeconds: integer("closed_seconds"),
    /** Step details: a transfer's reason and previous agent, a close's resolution note. */
    details: jsonb("details").$type<Record<string, unknown>>(),
  },
  (t) => [
    // A period's steps of one type with every column the reports read, so that reports
    // scan this index alone and never the table: half the time of a month's overview.
    index("session_events_report_idx").on(
      t.type,
      t.occurredAt,
      t.conversationId,
      t.teamId,
      t.agentId,
      t.waitSeconds,
      t.firstResponseSeconds,
      t.handleSeconds,
      t.resolutionSeconds,
    ),
    // Reports read every step of a period at once, whatever its type.
    index("session_events_occurred_idx").on(t.occurredAt),
    index("session_events_agent_occurred_idx").on(t.agentId, t.occurredAt),
    index("session_events_conversation_idx").on(t.conversationId, t.occurredAt),
  ],
);
