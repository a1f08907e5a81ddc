import { bigint, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";

import { createdAt } from "./columns";
import { conversations } from "./conversations";
import { users } from "./users";

export const attachments = pgTable(
  "attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    /**
     * Null between upload and the message that carries it. No foreign key: the message
     * may move to the archive, and its files go on belonging to it there.
     */
    messageId: uuid("message_id"),
    uploaderId: uuid("uploader_id").references(() => users.id, { onDelete: "set null" }),
    /** Where the storage backend keeps the bytes; never shown to clients. */
    storageKey: text("storage_key").notNull(),
    fileName: text("file_name").notNull(),
    /** Sniffed from the content, not taken from the client. */
    mimeType: text("mime_type").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    sha256: text("sha256").notNull(),
    width: integer("width"),
    height: integer("height"),
    createdAt: createdAt(),
  },
  (t) => [index("attachments_message_idx").on(t.messageId), index("attachments_conversation_idx").on(t.conversationId)],
);
