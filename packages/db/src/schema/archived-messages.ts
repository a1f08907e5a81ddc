import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";

import { timestamptz } from "./columns";
import { conversations } from "./conversations";
import { messageType } from "./enums";

/**
 * Messages past the retention age, moved out of `messages` by the retention job so the
 * tables and indexes conversations are read from stay small. Same columns (no search
 * vector: archived text is exported, not searched), plus when it was archived.
 */
export const archivedMessages = pgTable(
  "archived_messages",
  {
    id: uuid("id").primaryKey(),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    eventSeq: integer("event_seq").notNull(),
    senderId: uuid("sender_id"),
    type: messageType("type").notNull(),
    internal: boolean("internal").notNull(),
    body: text("body").notNull(),
    replyToId: uuid("reply_to_id"),
    mentions: uuid("mentions").array().notNull(),
    data: jsonb("data").$type<Record<string, unknown>>(),
    clientId: text("client_id"),
    createdAt: timestamptz("created_at").notNull(),
    editedAt: timestamptz("edited_at"),
    deletedAt: timestamptz("deleted_at"),
    deletedById: uuid("deleted_by_id"),
    archivedAt: timestamptz("archived_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("archived_messages_conversation_seq_idx").on(t.conversationId, t.seq),
    index("archived_messages_created_idx").on(t.createdAt),
  ],
);
