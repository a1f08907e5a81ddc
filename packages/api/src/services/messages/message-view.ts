import { messages } from "@parley/db";

export type MessageRow = Omit<typeof messages.$inferSelect, "searchVector">;

/** A message as clients see it: a deleted message keeps its place but loses its content. */
export interface MessageView {
  id: string;
  conversationId: string;
  seq: number;
  eventSeq: number;
  senderId: string | null;
  type: MessageRow["type"];
  internal: boolean;
  body: string;
  replyToId: string | null;
  mentions: string[];
  data: Record<string, unknown> | null;
  clientId: string | null;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
}

export function toMessageView(row: MessageRow): MessageView {
  const deleted = row.deletedAt !== null;
  return {
    id: row.id,
    conversationId: row.conversationId,
    seq: row.seq,
    eventSeq: row.eventSeq,
    senderId: row.senderId,
    type: row.type,
    internal: row.internal,
    body: deleted ? "" : row.body,
    replyToId: row.replyToId,
    mentions: deleted ? [] : row.mentions,
    data: deleted ? null : (row.data ?? null),
    clientId: row.clientId,
    createdAt: row.createdAt,
    editedAt: row.editedAt,
    deletedAt: row.deletedAt,
  };
}

/** Every column but the search vector, which clients never need. */
export const messageColumns = {
  id: messages.id,
  conversationId: messages.conversationId,
  seq: messages.seq,
  eventSeq: messages.eventSeq,
  senderId: messages.senderId,
  type: messages.type,
  internal: messages.internal,
  body: messages.body,
  replyToId: messages.replyToId,
  mentions: messages.mentions,
  data: messages.data,
  clientId: messages.clientId,
  createdAt: messages.createdAt,
  editedAt: messages.editedAt,
  deletedAt: messages.deletedAt,
  deletedById: messages.deletedById,
};
