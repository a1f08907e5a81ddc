import { TRPCError } from "@trpc/server";
import { and, eq, isNull, participants, sql, type Database } from "@parley/db";

import type { ServerDependencies, Viewer } from "../../context";
import { channels } from "../../realtime/bus";
import type { ConversationEvent } from "../../realtime/conversation-events";
import { readConversationAccess } from "../conversations/access";
import { announceUnread } from "../inbox/announce-unread";
import { readUnreadByConversation } from "../inbox/unread-counts";

type Deps = Pick<ServerDependencies, "db" | "bus">;

/**
 * Moves the viewer's delivered or read watermark up to `seq` (never down, never past the
 * last message). Reading implies delivery. Everyone in the conversation hears of it, and
 * the reader's inbox gets the new unread count when reading moved the watermark.
 */
export async function markReceipt(
  deps: Deps,
  viewer: Viewer,
  input: { conversationId: string; seq: number; kind: "delivered" | "read" },
): Promise<{ lastDeliveredSeq: number; lastReadSeq: number }> {
  if (viewer.kind !== "user") throw new TRPCError({ code: "FORBIDDEN", message: "Receipts belong to people." });
  const access = await readConversationAccess(deps.db, viewer, input.conversationId);
  if (!access.participant) throw new TRPCError({ code: "FORBIDDEN", message: "Only participants keep receipts." });

  const upTo = sql`least(${input.seq}::int, ${access.conversation.lastSeq}::int)`;
  const [updated] = await deps.db
    .update(participants)
    .set({
      lastDeliveredSeq: sql`greatest(${participants.lastDeliveredSeq}, ${upTo})`,
      ...(input.kind === "read" ? { lastReadSeq: sql`greatest(${participants.lastReadSeq}, ${upTo})` } : {}),
    })
    .where(and(eq(participants.conversationId, input.conversationId), eq(participants.userId, viewer.id)))
    .returning({ lastDeliveredSeq: participants.lastDeliveredSeq, lastReadSeq: participants.lastReadSeq });

  const event: ConversationEvent = { type: "receipt", userId: viewer.id, ...updated! };
  await deps.bus.publish(channels.conversation(input.conversationId), event);
  if (updated!.lastReadSeq !== access.participant.lastReadSeq) await announceUnread(deps, input.conversationId, [viewer.id]);
  return updated!;
}

/** Unread messages per conversation for the viewer: others' messages past their read watermark. */
export async function readUnreadCounts(db: Database, viewer: Viewer) {
  if (viewer.kind !== "user") return { total: 0, conversations: [] };
  const { total, conversations } = await readUnreadByConversation(db, viewer.id);
  return { total, conversations };
}

/**
 * Each message's status for its sender, from the other participants' watermarks:
 * read when someone else read up to it, delivered when someone else received it.
 */
export async function readReceiptState(db: Database, viewer: Viewer, conversationId: string) {
  await readConversationAccess(db, viewer, conversationId);
  return db
    .select({
      userId: participants.userId,
      lastDeliveredSeq: participants.lastDeliveredSeq,
      lastReadSeq: participants.lastReadSeq,
    })
    .from(participants)
    .where(and(eq(participants.conversationId, conversationId), isNull(participants.leftAt)));
}
