import { TRPCError } from "@trpc/server";
import { conversations, eq, messages, sql } from "@parley/db";

import type { RequestInfo, ServerDependencies, Viewer } from "../../context";
import { recordAudit } from "../audit-log";
import { readConversationAccess } from "../conversations/access";
import { messageColumns, toMessageView, type MessageView } from "./message-view";
import { publishMessage } from "./send-message";

/** How long after sending an author may still edit. */
export const EDIT_WINDOW_MS = 15 * 60_000;

type Deps = Pick<ServerDependencies, "db" | "bus" | "unreadRecounter">;

async function loadOwnMessage(deps: Deps, viewer: Viewer, messageId: string) {
  const [message] = await deps.db.select(messageColumns).from(messages).where(eq(messages.id, messageId));
  if (!message) throw new TRPCError({ code: "NOT_FOUND", message: "No such message." });
  const access = await readConversationAccess(deps.db, viewer, message.conversationId);
  if (message.internal && !access.seesInternal) throw new TRPCError({ code: "NOT_FOUND", message: "No such message." });
  if (message.deletedAt) throw new TRPCError({ code: "PRECONDITION_FAILED", message: "This message was deleted." });
  return message;
}

/** Takes the conversation's next change number for a changed message, under the conversation's lock. */
async function applyChange(
  deps: Deps,
  messageId: string,
  conversationId: string,
  change: Partial<typeof messages.$inferInsert>,
): Promise<MessageView> {
  const row = await deps.db.transaction(async (tx) => {
    const [counter] = await tx
      .update(conversations)
      .set({ lastEventSeq: sql`${conversations.lastEventSeq} + 1` })
      .where(eq(conversations.id, conversationId))
      .returning({ eventSeq: conversations.lastEventSeq });
    const [updated] = await tx
      .update(messages)
      .set({ ...change, eventSeq: counter!.eventSeq })
      .where(eq(messages.id, messageId))
      .returning(messageColumns);
    return updated!;
  });
  const view = toMessageView(row);
  await publishMessage(deps, view);
  return view;
}

export async function editMessage(deps: Deps, viewer: Viewer, input: { messageId: string; body: string }) {
  const message = await loadOwnMessage(deps, viewer, input.messageId);
  if (viewer.kind !== "user" || message.senderId !== viewer.id) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only the author can edit a message." });
  }
  if (Date.now() - message.createdAt.getTime() > EDIT_WINDOW_MS) {
    throw new TRPCError({ code: "PRECONDITION_FAILED", message: "Messages can be edited for 15 minutes after sending." });
  }
  return applyChange(deps, message.id, message.conversationId, { body: input.body, editedAt: new Date() });
}

/** Soft delete by the author or an admin: the message keeps its place, its content goes. */
export async function deleteMessage(deps: Deps, viewer: Viewer, request: RequestInfo, input: { messageId: string }) {
  const message = await loadOwnMessage(deps, viewer, input.messageId);
  const isAuthor = viewer.kind === "user" && message.senderId === viewer.id;
  const isAdmin = viewer.kind === "user" && viewer.role === "admin";
  if (!isAuthor && !isAdmin) throw new TRPCError({ code: "FORBIDDEN", message: "Only the author or an admin can delete a message." });
  const view = await applyChange(deps, message.id, message.conversationId, { deletedAt: new Date(), deletedById: viewer.id });
  await recordAudit(deps.db, request, {
    action: "message.deleted",
    actor: viewer,
    targetType: "message",
    targetId: message.id,
    details: { conversationId: message.conversationId, byAuthor: isAuthor },
  });
  return view;
}
