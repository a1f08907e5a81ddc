import { index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";

import { timestamptz } from "./columns";
import { conversations } from "./conversations";

/**
 * Public support messages counted per session and UTC quarter hour, in and out, so that
 * reports over months add up a few rows per session instead of reading every message.
 * A background job fills it a settled quarter at a time, up to `report_tally_marks`'
 * `messages` mark; reports read what comes after the mark from the messages themselves.
 * Quarter hours, because every time zone's day, week and month is made of whole ones.
 * A message's direction is the one its sender's role gave it when it was tallied.
 */
export const messageTallies = pgTable(
  "message_tallies",
  {
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    quarter: timestamptz("quarter").notNull(),
    /** Written by the customer. */
    messagesIn: integer("messages_in").notNull(),
    /** Written by staff. */
    messagesOut: integer("messages_out").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.conversationId, t.quarter] }),
    // A period's tallies, read from the index alone.
    index("message_tallies_quarter_idx").on(t.quarter, t.conversationId, t.messagesIn, t.messagesOut),
  ],
);

/** How far each tally has been filled: everything before `talliedUntil` is counted. */
export const reportTallyMarks = pgTable("report_tally_marks", {
  name: text("name").primaryKey(),
  talliedUntil: timestamptz("tallied_until").notNull(),
});
