import { attachments, messages, sql, type archivedMessages } from "@parley/db";

import { toAttachmentView, type AttachmentSummary, type AttachmentView } from "../attachments/attachment-view";

export type MessageRow = Omit<typeof messages.$inferSelect, "searchVector"> & { attachments: AttachmentSummary[] };

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
  attachments: AttachmentView[];
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
    attachments: deleted ? [] : row.attachments.map(toAttachmentView),
  };
}

/**
 * A message's attachments, read in the same statement as the message, so that every
 * read of messages (history, replay, edits) carries them. Written in SQL with the outer
 * `messages` named explicitly: Drizzle drops table names from a single-table selection,
 * and an unqualified `id` would mean the attachment's own.
 */
export function attachmentsOf(table: typeof messages | typeof archivedMessages) {
  return sql<AttachmentSummary[]>`coalesce((
    select json_agg(json_build_object(
      'id', a.id, 'fileName', a.file_name, 'mimeType', a.mime_type,
      'sizeBytes', a.size_bytes, 'width', a.width, 'height', a.height
    ) order by a.created_at, a.id)
    from ${attachments} a
    where a.message_id = ${table}.id
  ), '[]'::json)`;
}

/** Every column but the search vector, which clients never need, and the message's attachments. */
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
  attachments: attachmentsOf(messages),
};
