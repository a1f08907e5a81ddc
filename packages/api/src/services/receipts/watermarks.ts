import { TRPCError } from "@trpc/server";
import { and, conversations, eq, isNull, messages, participants, sql, type Database } from "@parley/db";

import type { ServerDependencies, Viewer } from "../../context";
import { channels } from "../../realtime/bus";
import type { ConversationEvent } from "../../realtime/conversation-events";
import { readConversationAccess } from "../conversations/access";

type Deps = Pick<ServerDependencies, "db" | "bus">;

/**
 * Moves the viewer's delivered or read watermark up to `seq` (never down, never past the
 * last message). Reading implies delivery. Everyone in the conversation hears of it.
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
  return updated!;
}

/** Unread messages per conversation for the viewer: others' messages past their read watermark. */
export async function readUnreadCounts(db: Database, viewer: Viewer) {
  if (viewer.kind !== "user") return { total: 0, conversations: [] };
  const staff = viewer.role !== "customer";
  const rows = await db
    .select({
      conversationId: participants.conversationId,
      unread: sql<number>`(
        select count(*)::int from ${messages}
        where ${messages.conversationId} = ${participants.conversationId}
          and ${messages.seq} > ${participants.lastReadSeq}
          and ${messages.deletedAt} is null
          and ${messages.senderId} is distinct from ${viewer.id}
          ${staff ? sql`` : sql`and ${messages.internal} = false`}
      )`,
    })
    .from(participants)
    .innerJoin(conversations, eq(conversations.id, participants.conversationId))
    .where(
      and(
        eq(participants.userId, viewer.id),
        isNull(participants.leftAt),
        sql`${conversations.lastSeq} > ${participants.lastReadSeq}`,
      ),
    );
  const unread = rows.filter((row) => row.unread > 0);
  return { total: unread.reduce((sum, row) => sum + row.unread, 0), conversations: unread };
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
