import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

import { createdAt, timestamptz, tsvector } from "./columns";
import { conversations } from "./conversations";
import { messageType } from "./enums";
import { users } from "./users";

export const MESSAGE_BODY_MAX_LENGTH = 10_000;
/** Stands for "no sender" (an integration's message) where a sender must be compared. */
export const NO_SENDER_ID = "00000000-0000-0000-0000-000000000000";

export const messages = pgTable(
  "messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    /** Gap-free, strictly increasing per conversation: the key clients resume from. */
    seq: integer("seq").notNull(),
    /** The conversation's change number of this message's latest change (sent, edited, deleted). */
    eventSeq: integer("event_seq").notNull().default(0),
    /** Null for messages the server writes itself (system notices). */
    senderId: uuid("sender_id").references(() => users.id, { onDelete: "set null" }),
    type: messageType("type").notNull().default("text"),
    /** A private note between agents: never shown to the customer. */
    internal: boolean("internal").notNull().default(false),
    body: text("body").notNull().default(""),
    /** No foreign key: the message replied to may since have moved to the archive. */
    replyToId: uuid("reply_to_id"),
    mentions: uuid("mentions").array().notNull().default(sql`'{}'::uuid[]`),
    /** Structured payload of order and delivery updates (order id, status, tracking link...). */
    data: jsonb("data").$type<Record<string, unknown>>(),
    /** Chosen by the sending client so that a retried send returns the first message. */
    clientId: text("client_id"),
    createdAt: createdAt(),
    editedAt: timestamptz("edited_at"),
    deletedAt: timestamptz("deleted_at"),
    deletedById: uuid("deleted_by_id").references(() => users.id, { onDelete: "set null" }),
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      (): ReturnType<typeof sql> => sql`to_tsvector('simple', coalesce(${messages.body}, ''))`,
    ),
  },
  (t) => [
    uniqueIndex("messages_conversation_seq_idx").on(t.conversationId, t.seq),
    index("messages_conversation_event_seq_idx").on(t.conversationId, t.eventSeq),
    // One message per sender and client id. Integrations send with no sender, so a null
    // sender is one sender here (a plain unique index would let their retries duplicate).
    uniqueIndex("messages_sender_client_id_idx")
      .on(t.conversationId, sql`coalesce(${t.senderId}, ${sql.raw(`'${NO_SENDER_ID}'`)}::uuid)`, t.clientId)
      .where(sql`${t.clientId} is not null`),
    index("messages_sender_created_idx").on(t.senderId, t.createdAt),
    index("messages_created_idx").on(t.createdAt),
    // Reports count the public messages people wrote in a period: an index-only scan of this.
    index("messages_report_idx")
      .on(t.createdAt, t.conversationId, t.senderId)
      .where(sql`${t.senderId} is not null and not ${t.internal} and ${t.type} <> 'system'`),
    index("messages_search_idx").using("gin", t.searchVector),
    check("messages_body_length", sql`char_length(${t.body}) <= ${sql.raw(String(MESSAGE_BODY_MAX_LENGTH))}`),
    check("messages_seq_positive", sql`${t.seq} > 0`),
  ],
);
