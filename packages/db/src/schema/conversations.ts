import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";

import { createdAt, timestamptz, updatedAt } from "./columns";
import {
  conversationKind,
  conversationPriority,
  conversationStatus,
  notificationLevel,
  participantRole,
  roomVisibility,
} from "./enums";
import { teams, users } from "./users";

/**
 * Support sessions, direct conversations and group rooms share one table so that
 * messages, participants, receipts and realtime work the same for all three.
 */
export const conversations = pgTable(
  "conversations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: conversationKind("kind").notNull(),
    status: conversationStatus("status").notNull(),
    priority: conversationPriority("priority").notNull().default("normal"),
    /** A session's subject, or a room's name. */
    subject: text("subject"),
    visibility: roomVisibility("visibility").notNull().default("private"),
    customerId: uuid("customer_id").references(() => users.id, { onDelete: "set null" }),
    assignedAgentId: uuid("assigned_agent_id").references(() => users.id, { onDelete: "set null" }),
    teamId: uuid("team_id").references(() => teams.id, { onDelete: "set null" }),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    /** An order id or another record outside Parley that this conversation is about. */
    externalRef: text("external_ref"),
    resolutionNote: text("resolution_note"),
    /**
     * The highest message seq handed out. Incrementing it with UPDATE ... RETURNING in the
     * sending transaction row-locks the conversation, which keeps seq gap-free and ordered.
     */
    lastSeq: integer("last_seq").notNull().default(0),
    /**
     * The highest change number handed out: every new, edited or deleted message takes the
     * next one. It is the resume key of conversation subscriptions, so a client that
     * reconnects replays edits and deletions it missed, not only new messages.
     */
    lastEventSeq: integer("last_event_seq").notNull().default(0),
    lastMessageAt: timestamptz("last_message_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** When the session last entered the queue: creation, or its latest reopen. */
    queuedAt: timestamptz("queued_at"),
    assignedAt: timestamptz("assigned_at"),
    firstResponseAt: timestamptz("first_response_at"),
    closedAt: timestamptz("closed_at"),
  },
  (t) => [
    check(
      "conversations_status_fits_kind",
      sql`(${t.kind} = 'support' and ${t.status} in ('waiting', 'active', 'closed'))
        or (${t.kind} = 'group' and ${t.status} in ('open', 'closed', 'archived'))
        or (${t.kind} = 'direct' and ${t.status} in ('open', 'closed', 'archived'))`,
    ),
    // The waiting queue: highest priority first, then first come first served.
    index("conversations_queue_idx")
      .on(t.priority.desc(), t.queuedAt)
      .where(sql`${t.kind} = 'support' and ${t.status} = 'waiting'`),
    // The sessions agents have now, for the live panel's count under any filter.
    index("conversations_active_sessions_idx")
      .on(t.teamId, t.assignedAgentId)
      .where(sql`${t.kind} = 'support' and ${t.status} = 'active'`),
    // With the id, reports find a team's or an agent's sessions from the index alone.
    index("conversations_agent_status_idx").on(t.assignedAgentId, t.status, t.id),
    index("conversations_customer_idx").on(t.customerId, t.createdAt),
    index("conversations_team_status_idx").on(t.teamId, t.status, t.id),
    index("conversations_kind_created_idx").on(t.kind, t.createdAt),
    index("conversations_external_ref_idx").on(t.externalRef),
  ],
);

export const participants = pgTable(
  "participants",
  {
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: participantRole("role").notNull(),
    muted: boolean("muted").notNull().default(false),
    /** A mute that lifts by itself; null with `muted` means muted until unmuted. */
    mutedUntil: timestamptz("muted_until"),
    notificationLevel: notificationLevel("notification_level").notNull().default("all"),
    joinedAt: timestamptz("joined_at").notNull().defaultNow(),
    leftAt: timestamptz("left_at"),
    /** Receipts are watermarks: every message up to this seq was delivered to / read by this participant. */
    lastDeliveredSeq: integer("last_delivered_seq").notNull().default(0),
    lastReadSeq: integer("last_read_seq").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.conversationId, t.userId] }),
    index("participants_user_idx").on(t.userId, t.leftAt),
    check("participants_read_not_past_delivered", sql`${t.lastReadSeq} <= ${t.lastDeliveredSeq}`),
  ],
);
