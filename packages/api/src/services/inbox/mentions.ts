import { and, desc, eq, gt, isNull, messages, participants, sql, users, type Database } from "@parley/db";

import type { PersonViewer } from "../../context";
import type { MentionEvent } from "./inbox-events";

type InboxMention = Omit<MentionEvent, "type">;

/** How many unread mentions the inbox summary carries. */
export const INBOX_MENTIONS_LIMIT = 50;
const EXCERPT_LENGTH = 140;

/** The start of a message on one line, cut between characters (not inside an emoji). */
export function excerptOf(body: string): string {
  const characters = Array.from(body.replace(/\s+/g, " ").trim());
  return characters.length <= EXCERPT_LENGTH ? characters.join("") : `${characters.slice(0, EXCERPT_LENGTH - 1).join("")}…`;
}

export function toInboxMention(message: {
  conversationId: string;
  id: string;
  seq: number;
  senderId: string | null;
  senderName: string | null;
  body: string;
  createdAt: Date;
}): InboxMention {
  return {
    conversationId: message.conversationId,
    messageId: message.id,
    seq: message.seq,
    sender: message.senderId ? { id: message.senderId, name: message.senderName ?? "Someone" } : null,
    excerpt: excerptOf(message.body),
    createdAt: message.createdAt,
  };
}

/** Messages naming the viewer that they have not read, in conversations they are still in: newest first. */
export async function readUnreadMentions(db: Database, viewer: PersonViewer): Promise<InboxMention[]> {
  const rows = await db
    .select({
      conversationId: messages.conversationId,
      id: messages.id,
      seq: messages.seq,
      senderId: messages.senderId,
      senderName: users.name,
      body: messages.body,
      createdAt: messages.createdAt,
    })
    .from(participants)
    .innerJoin(messages, and(eq(messages.conversationId, participants.conversationId), gt(messages.seq, participants.lastReadSeq)))
    .leftJoin(users, eq(users.id, messages.senderId))
    .where(
      and(
        eq(participants.userId, viewer.id),
        isNull(participants.leftAt),
        sql`${viewer.id}::uuid = any(${messages.mentions})`,
        isNull(messages.deletedAt),
        sql`${messages.senderId} is distinct from ${viewer.id}::uuid`,
        viewer.role === "customer" ? eq(messages.internal, false) : undefined,
      ),
    )
    .orderBy(desc(messages.createdAt), desc(messages.seq))
    .limit(INBOX_MENTIONS_LIMIT);
  return rows.map(toInboxMention);
}
