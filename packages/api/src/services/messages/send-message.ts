import { TRPCError } from "@trpc/server";
import { and, blocks, conversations, eq, inArray, isNull, messages, participants, sql, type Database, type Transaction } from "@parley/db";

import type { RequestInfo, ServerDependencies, Viewer } from "../../context";
import { channels } from "../../realtime/bus";
import type { ConversationEvent } from "../../realtime/conversation-events";
import { toAttachmentView } from "../attachments/attachment-view";
import { linkAttachments, messageTypeFor, takeUnsentAttachments } from "../attachments/claim-attachments";
import { readConversationAccess } from "../conversations/access";
import { noteFirstResponse } from "../desk/first-response";
import { announceMessageToInboxes } from "../inbox/announce-message";
import { messageColumns, toMessageView, type MessageView } from "./message-view";

export interface SendMessageInput {
  conversationId: string;
  /** May be empty when the message carries attachments. */
  body: string;
  /** Files uploaded to this conversation by the sender and not sent yet. */
  attachmentIds?: string[];
  type?: "text" | "image" | "file";
  internal?: boolean;
  replyToId?: string;
  mentions?: string[];
  /** Chosen by the client: sending again with the same id returns the first message. */
  clientId?: string;
}

type Deps = Pick<ServerDependencies, "db" | "bus" | "rateLimits">;

/**
 * Posts a message. The conversation row is locked for the insert, which makes `seq`
 * gap-free and lets a retried send with the same `clientId` find the first one.
 */
export async function sendMessage(
  deps: Deps,
  viewer: Viewer,
  request: RequestInfo,
  input: SendMessageInput,
  now = new Date(),
): Promise<MessageView> {
  await deps.rateLimits.consume("messagesPerUser", viewer.id);
  if (request.ip) await deps.rateLimits.consume("messagesPerIp", request.ip);

  const attachmentIds = [...new Set(input.attachmentIds ?? [])];
  if (!input.body.trim() && !attachmentIds.length) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "A message needs some text or an attachment." });
  }

  const access = await readConversationAccess(deps.db, viewer, input.conversationId);
  if (!access.canPost) throw new TRPCError({ code: "FORBIDDEN", message: "Join this room to post in it." });
  assertOpen(access.conversation);
  if (input.internal && !(access.seesInternal && viewer.kind === "user")) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only agents can write private notes." });
  }
  const senderId = viewer.kind === "user" ? viewer.id : null;
  if (senderId) await assertNotBlocked(deps.db, input.conversationId, senderId);
  const mentions = [...new Set(input.mentions ?? [])];
  await assertParticipants(deps.db, input.conversationId, mentions);
  if (input.replyToId) await assertReplyTarget(deps.db, input.conversationId, input.replyToId, access.seesInternal);

  const { message, created } = await deps.db.transaction(async (tx) => {
    const inserted = await insertMessage(tx, {
      conversationId: input.conversationId,
      senderId,
      type: input.type ?? "text",
      internal: input.internal ?? false,
      body: input.body,
      replyToId: input.replyToId ?? null,
      mentions,
      clientId: input.clientId ?? null,
      data: viewer.kind === "apiKey" ? { apiKeyId: viewer.id } : null,
      createdAt: now,
      attachmentIds,
    });
    // Noted once per queueing: when the conversation read above has it already, there is nothing to note.
    if (inserted.created && !access.conversation.firstResponseAt) await noteFirstResponse(tx, viewer, inserted.message);
    return inserted;
  });
  if (created) await publishMessage(deps, message);
  return message;
}

export function assertOpen(conversation: { kind: string; status: string }) {
  if (conversation.status === "closed" || conversation.status === "archived") {
    const what = conversation.kind === "support" ? "session" : "conversation";
    throw new TRPCError({ code: "PRECONDITION_FAILED", message: `This ${what} is ${conversation.status}.` });
  }
}

async function assertNotBlocked(db: Database, conversationId: string, senderId: string) {
  const [block] = await db
    .select({ blockerId: blocks.blockerId })
    .from(blocks)
    .innerJoin(participants, and(eq(participants.userId, blocks.blockerId), eq(participants.conversationId, conversationId)))
    .where(and(eq(blocks.blockedId, senderId), isNull(participants.leftAt)))
    .limit(1);
  if (block) throw new TRPCError({ code: "FORBIDDEN", message: "You cannot message someone who has blocked you." });
}

async function assertParticipants(db: Database, conversationId: string, userIds: string[]) {
  if (!userIds.length) return;
  const found = await db
    .select({ userId: participants.userId })
    .from(participants)
    .where(and(eq(participants.conversationId, conversationId), inArray(participants.userId, userIds), isNull(participants.leftAt)));
  if (found.length !== userIds.length) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "Mentions must name people in this conversation." });
  }
}

async function assertReplyTarget(db: Database, conversationId: string, replyToId: string, seesInternal: boolean) {
  const [target] = await db
    .select({ conversationId: messages.conversationId, internal: messages.internal })
    .from(messages)
    .where(eq(messages.id, replyToId));
  if (!target || target.conversationId !== conversationId || (target.internal && !seesInternal)) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "The message replied to is not in this conversation." });
  }
}

export interface NewMessage {
  conversationId: string;
  senderId: string | null;
  type: MessageView["type"];
  internal: boolean;
  body: string;
  replyToId: string | null;
  mentions: string[];
  clientId: string | null;
  data: Record<string, unknown> | null;
  /** When it was sent; now unless a caller replays a known timeline. */
  createdAt?: Date;
  /** Uploads to carry; they make the message an image or file message, whatever `type` says. */
  attachmentIds?: string[];
}

/**
 * The one way a message enters a conversation, inside the caller's transaction: lock the
 * conversation, return the earlier message for a repeated client id, else take the next
 * seq and change number and insert, with the attachments (all or none: a refused
 * attachment rolls the message back). The sender has read their own message.
 */
export async function insertMessage(tx: Transaction, newMessage: NewMessage): Promise<{ message: MessageView; created: boolean }> {
  const { attachmentIds = [], ...values } = newMessage;
  await tx.execute(sql`select 1 from ${conversations} where ${conversations.id} = ${values.conversationId} for update`);

  if (values.clientId) {
    const [existing] = await tx
      .select(messageColumns)
      .from(messages)
      .where(
        and(
          eq(messages.conversationId, values.conversationId),
          values.senderId ? eq(messages.senderId, values.senderId) : isNull(messages.senderId),
          eq(messages.clientId, values.clientId),
        ),
      );
    // Before the attachments are checked: the first send has taken them already.
    if (existing) return { message: toMessageView(existing), created: false };
  }

  const carried = attachmentIds.length
    ? await takeUnsentAttachments(tx, { attachmentIds, conversationId: values.conversationId, senderId: values.senderId })
    : [];

  const now = values.createdAt ?? new Date();
  const [counters] = await tx
    .update(conversations)
    .set({
      lastSeq: sql`${conversations.lastSeq} + 1`,
      lastEventSeq: sql`${conversations.lastEventSeq} + 1`,
      lastMessageAt: now,
    })
    .where(eq(conversations.id, values.conversationId))
    .returning({ seq: conversations.lastSeq, eventSeq: conversations.lastEventSeq });

  const [row] = await tx
    .insert(messages)
    .values({
      ...values,
      type: carried.length ? messageTypeFor(carried) : values.type,
      seq: counters!.seq,
      eventSeq: counters!.eventSeq,
      createdAt: now,
    })
    .returning(messageColumns);
  if (carried.length) await linkAttachments(tx, row!.id, attachmentIds);

  if (values.senderId) {
    await tx
      .update(participants)
      .set({
        lastDeliveredSeq: sql`greatest(${participants.lastDeliveredSeq}, ${counters!.seq})`,
        lastReadSeq: sql`greatest(${participants.lastReadSeq}, ${counters!.seq})`,
      })
      .where(and(eq(participants.conversationId, values.conversationId), eq(participants.userId, values.senderId)));
  }
  // The row was read back before the attachments were linked to it.
  return { message: { ...toMessageView(row!), attachments: carried.map(toAttachmentView) }, created: true };
}

/** Tells the conversation's live subscribers, then the inboxes whose counts it changes. */
export async function publishMessage(deps: Pick<ServerDependencies, "db" | "bus">, message: MessageView): Promise<void> {
  const event: ConversationEvent = { type: "message", message };
  await deps.bus.publish(channels.conversation(message.conversationId), event);
  await announceMessageToInboxes(deps, message);
}
