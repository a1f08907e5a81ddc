import { TRPCError } from "@trpc/server";
import { and, eq, inArray, isNull, messages, participants, type Database } from "@parley/db";

import type { RequestInfo, ServerDependencies, Viewer } from "../../context";
import { channels } from "../../realtime/bus";
import type { ConversationEvent } from "../../realtime/conversation-events";
import { readConversationAccess } from "../conversations/access";
import { mayBeFirstResponse, noteFirstResponse } from "../desk/first-response";
import { announceMessageToInboxes } from "../inbox/announce-message";
import {
  answeringRepeatedSend,
  insertMessage,
  insertMessageIfAdmitted,
  type InsertedMessage,
  type NewMessage,
} from "./insert-message";
import type { MessageView } from "./message-view";

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

type Deps = Pick<ServerDependencies, "db" | "bus" | "rateLimits" | "unreadRecounter">;

/**
 * Posts a message: the rate limits, then the checks (access, blocks, mentions, reply)
 * and the insert (see `insertMessage`), then the news to live subscribers and inboxes. A
 * retried send with the same `clientId` returns the first message and announces nothing.
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
  const newMessage: NewMessage = {
    conversationId: input.conversationId,
    senderId: viewer.kind === "user" ? viewer.id : null,
    type: input.type ?? "text",
    internal: input.internal ?? false,
    body: input.body,
    replyToId: input.replyToId ?? null,
    mentions: [...new Set(input.mentions ?? [])],
    clientId: input.clientId ?? null,
    data: viewer.kind === "apiKey" ? { apiKeyId: viewer.id } : null,
    createdAt: now,
    attachmentIds,
  };

  const { message, created } = (await sendAsParticipant(deps, viewer, newMessage)) ?? (await sendChecked(deps, viewer, newMessage));
  if (created) await publishMessage(deps, message);
  return message;
}

/**
 * Most messages are a participant's plain text in a conversation they are in: those are
 * checked and inserted in one statement (`insertMessageIfAdmitted`), the one round trip
 * to the database before the message reaches the others. Null for anything else, and
 * for a send that check refuses: `sendChecked` then decides, and words any refusal.
 */
async function sendAsParticipant(deps: Deps, viewer: Viewer, newMessage: NewMessage): Promise<InsertedMessage | null> {
  const plain = !newMessage.attachmentIds?.length && !newMessage.mentions.length && !newMessage.replyToId && !newMessage.internal;
  if (viewer.kind !== "user" || !plain) return null;
  const poster = { isCustomer: viewer.role === "customer", mayBeFirstResponse: mayBeFirstResponse(viewer, newMessage) };
  return answeringRepeatedSend(deps.db, newMessage, () => insertMessageIfAdmitted(deps.db, newMessage, poster));
}

/** Any message, after every check `readConversationAccess` and the message's own parts call for. */
async function sendChecked(deps: Deps, viewer: Viewer, newMessage: NewMessage): Promise<InsertedMessage> {
  const access = await readConversationAccess(deps.db, viewer, newMessage.conversationId);
  if (!access.canPost) throw new TRPCError({ code: "FORBIDDEN", message: "Join this room to post in it." });
  assertOpen(access.conversation);
  if (newMessage.internal && !(access.seesInternal && viewer.kind === "user")) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only agents can write private notes." });
  }
  if (access.blockedByParticipant) throw new TRPCError({ code: "FORBIDDEN", message: "You cannot message someone who has blocked you." });
  await assertParticipants(deps.db, newMessage.conversationId, newMessage.mentions);
  if (newMessage.replyToId) await assertReplyTarget(deps.db, newMessage.conversationId, newMessage.replyToId, access.seesInternal);

  // The desk's first public reply since queueing is noted with the message, atomically;
  // when the conversation read above has one already, there is nothing to note, and a
  // plain message is a single statement.
  const { conversation } = access;
  const firstResponseDue = conversation.kind === "support" && !conversation.firstResponseAt && mayBeFirstResponse(viewer, newMessage);
  return answeringRepeatedSend(deps.db, newMessage, () =>
    newMessage.attachmentIds?.length || firstResponseDue
      ? deps.db.transaction(async (tx) => {
          const inserted = await insertMessage(tx, newMessage);
          if (inserted.created && firstResponseDue) await noteFirstResponse(tx, viewer, inserted.message);
          return inserted;
        })
      : insertMessage(deps.db, newMessage),
  );
}

export function assertOpen(conversation: { kind: string; status: string }) {
  if (conversation.status === "closed" || conversation.status === "archived") {
    const what = conversation.kind === "support" ? "session" : "conversation";
    throw new TRPCError({ code: "PRECONDITION_FAILED", message: `This ${what} is ${conversation.status}.` });
  }
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

/** Tells the conversation's live subscribers, then the inboxes whose counts it changes. */
export async function publishMessage(
  deps: Pick<ServerDependencies, "db" | "bus" | "unreadRecounter">,
  message: MessageView,
): Promise<void> {
  const event: ConversationEvent = { type: "message", message };
  await deps.bus.publish(channels.conversation(message.conversationId), event);
  await announceMessageToInboxes(deps, message);
}
