import { and, asc, desc, eq, gt, lt, lte, messages, type Database } from "@parley/db";

import type { Viewer } from "../../context";
import { readConversationAccess } from "../conversations/access";
import { messageColumns, toMessageView, type MessageView } from "./message-view";

export interface HistoryQuery {
  conversationId: string;
  /** Messages with seq below this (older); the newest page when neither bound is given. */
  beforeSeq?: number;
  /** Messages with seq above this (newer). */
  afterSeq?: number;
  limit: number;
}

export interface HistoryPage {
  /** In seq order, oldest first. */
  items: MessageView[];
  hasMoreBefore: boolean;
  hasMoreAfter: boolean;
  /** Subscribe with this as `lastEventId` to continue live from exactly this page. */
  lastEventSeq: number;
}

/**
 * A page of a conversation's messages by seq, in either direction. Served by the
 * (conversation_id, seq) index, so a page costs the same in a conversation of any length.
 */
export async function readHistory(db: Database, viewer: Viewer, query: HistoryQuery): Promise<HistoryPage> {
  const access = await readConversationAccess(db, viewer, query.conversationId);
  const visible = access.seesInternal ? undefined : eq(messages.internal, false);
  const forward = query.afterSeq !== undefined;

  const rows = await db
    .select(messageColumns)
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, query.conversationId),
        visible,
        forward ? gt(messages.seq, query.afterSeq!) : undefined,
        query.beforeSeq !== undefined ? lt(messages.seq, query.beforeSeq) : undefined,
      ),
    )
    .orderBy(forward ? asc(messages.seq) : desc(messages.seq))
    .limit(query.limit + 1);

  const more = rows.length > query.limit;
  const page = (more ? rows.slice(0, query.limit) : rows).map(toMessageView);
  if (!forward) page.reverse();
  return {
    items: page,
    hasMoreBefore: forward ? query.afterSeq! > 0 : more,
    hasMoreAfter: forward ? more : query.beforeSeq !== undefined && query.beforeSeq <= access.conversation.lastSeq,
    lastEventSeq: access.conversation.lastEventSeq,
  };
}

/** Messages changed after `afterEventSeq` (up to `untilEventSeq`), in change order: what a resuming client missed. */
export async function readChangesSince(
  db: Database,
  conversationId: string,
  seesInternal: boolean,
  afterEventSeq: number,
  untilEventSeq?: number,
): Promise<MessageView[]> {
  const rows = await db
    .select(messageColumns)
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, conversationId),
        gt(messages.eventSeq, afterEventSeq),
        untilEventSeq !== undefined ? lte(messages.eventSeq, untilEventSeq) : undefined,
        seesInternal ? undefined : eq(messages.internal, false),
      ),
    )
    .orderBy(asc(messages.eventSeq));
  return rows.map(toMessageView);
}
