import { and, archivedMessages, asc, eq, getTableColumns, messages, type Database } from "@parley/db";

import { attachmentsOf, messageColumns, toMessageView, type MessageView } from "./message-view";

/**
 * Every message of a conversation, archived ones included, in seq order: what exports
 * and transcripts are made from. `seesInternal` decides whether private notes are in.
 */
export async function readAllMessages(db: Database, conversationId: string, seesInternal: boolean): Promise<MessageView[]> {
  const visibleArchived = seesInternal ? undefined : eq(archivedMessages.internal, false);
  const visibleLive = seesInternal ? undefined : eq(messages.internal, false);
  const [archived, live] = await Promise.all([
    db
      .select({ ...getTableColumns(archivedMessages), attachments: attachmentsOf(archivedMessages) })
      .from(archivedMessages)
      .where(and(eq(archivedMessages.conversationId, conversationId), visibleArchived))
      .orderBy(asc(archivedMessages.seq)),
    db
      .select(messageColumns)
      .from(messages)
      .where(and(eq(messages.conversationId, conversationId), visibleLive))
      .orderBy(asc(messages.seq)),
  ]);
  return [...archived.map(({ archivedAt: _archivedAt, ...row }) => toMessageView(row)), ...live.map(toMessageView)];
}
