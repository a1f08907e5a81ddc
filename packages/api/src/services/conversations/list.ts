import {
  and,
  conversations,
  desc,
  eq,
  inArray,
  isNull,
  messages,
  not,
  participants,
  sql,
  users,
  type Database,
} from "@parley/db";

import type { PersonViewer } from "../../context";
import { countUnread } from "../inbox/unread-counts";
import { muteInForce } from "./preferences";

export interface ConversationListQuery {
  kind?: "support" | "direct" | "group";
  status?: "waiting" | "active" | "open" | "closed" | "archived";
  /** The last item of the previous page: pages go from the most recently active down. */
  cursor?: { lastActivityAt: Date; id: string };
  limit: number;
}

/** Enough of the last message for one line of a conversation list. */
const PREVIEW_LENGTH = 140;

/**
 * When a conversation was last active: its last message, or its creation. Cut to the
 * millisecond, the precision of the cursor a client sends back, so that paging by it
 * never skips nor repeats a conversation.
 */
const lastActivityAt = sql`date_trunc('milliseconds', coalesce(${conversations.lastMessageAt}, ${conversations.createdAt}))`;

/**
 * The conversations the viewer takes part in (and has not left), the most recently active
 * first, each with what the viewer has not read yet and a preview of its last message.
 */
export async function listMyConversations(db: Database, viewer: PersonViewer, query: ConversationListQuery) {
  // Private notes between agents never count for, nor show to, customers.
  const hidesInternal = viewer.role === "customer";
  const rows = await db
    .select({
      conversation: conversations,
      lastActivityAt: lastActivityAt.mapWith(conversations.createdAt),
      muted: participants.muted,
      mutedUntil: participants.mutedUntil,
      notificationLevel: participants.notificationLevel,
      lastReadSeq: participants.lastReadSeq,
      // Counted as the inbox counts them.
      unread: countUnread(
        sql`${conversations.id}`,
        sql`${participants.lastReadSeq}`,
        sql`${viewer.id}::uuid`,
        hidesInternal ? sql`${messages.internal} = false` : sql`true`,
      ).mapWith(Number),
    })
    .from(participants)
    .innerJoin(conversations, eq(conversations.id, participants.conversationId))
    .where(
      and(
        eq(participants.userId, viewer.id),
        isNull(participants.leftAt),
        query.kind ? eq(conversations.kind, query.kind) : undefined,
        query.status ? eq(conversations.status, query.status) : undefined,
        query.cursor
          ? sql`(${lastActivityAt}, ${conversations.id}) < (${query.cursor.lastActivityAt.toISOString()}::timestamptz, ${query.cursor.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(lastActivityAt), desc(conversations.id))
    .limit(query.limit + 1);

  const hasMore = rows.length > query.limit;
  const page = hasMore ? rows.slice(0, query.limit) : rows;
  const ids = page.map((row) => row.conversation.id);
  const [previews, counterparts] = await Promise.all([
    readLastMessages(db, ids, hidesInternal),
    readCounterparts(db, viewer.id, page.filter((row) => row.conversation.kind === "direct").map((row) => row.conversation.id)),
  ]);

  const now = new Date();
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      ...row.conversation,
      lastActivityAt: row.lastActivityAt,
      unread: row.unread,
      lastMessage: previews.get(row.conversation.id) ?? null,
      counterpart: counterparts.get(row.conversation.id) ?? null,
      ...muteInForce(row, now),
      notificationLevel: row.notificationLevel,
      lastReadSeq: row.lastReadSeq,
    })),
    nextCursor: hasMore && last ? { lastActivityAt: last.lastActivityAt, id: last.conversation.id } : null,
  };
}

/** Each conversation's last message the viewer may see, skipping deleted ones: one index probe per conversation. */
async function readLastMessages(db: Database, conversationIds: string[], hidesInternal: boolean) {
  if (!conversationIds.length) return new Map<string, never>();
  const lastMessage = db
    .select({
      id: messages.id,
      seq: messages.seq,
      senderId: messages.senderId,
      type: messages.type,
      body: sql<string>`left(${messages.body}, ${PREVIEW_LENGTH}::int)`.as("preview_body"),
      createdAt: messages.createdAt,
    })
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, conversations.id),
        isNull(messages.deletedAt),
        hidesInternal ? eq(messages.internal, false) : undefined,
      ),
    )
    .orderBy(desc(messages.seq))
    .limit(1)
    .as("last_message");

  const rows = await db
    .select({
      conversationId: conversations.id,
      id: lastMessage.id,
      seq: lastMessage.seq,
      senderId: lastMessage.senderId,
      senderName: users.name,
      type: lastMessage.type,
      body: lastMessage.body,
      createdAt: lastMessage.createdAt,
    })
    .from(conversations)
    .innerJoinLateral(lastMessage, sql`true`)
    .leftJoin(users, eq(users.id, lastMessage.senderId))
    .where(inArray(conversations.id, conversationIds));
  return new Map(rows.map(({ conversationId, ...preview }) => [conversationId, preview]));
}

/** The other person of each direct conversation, which has no name of its own. */
async function readCounterparts(db: Database, viewerId: string, directIds: string[]) {
  if (!directIds.length) return new Map<string, { userId: string; name: string }>();
  const rows = await db
    .select({ conversationId: participants.conversationId, userId: participants.userId, name: users.name })
    .from(participants)
    .innerJoin(users, eq(users.id, participants.userId))
    .where(and(inArray(participants.conversationId, directIds), not(eq(participants.userId, viewerId))));
  return new Map(rows.map(({ conversationId, ...person }) => [conversationId, person]));
}
