import { TRPCError } from "@trpc/server";
import { and, conversations, desc, eq, inArray, type Database } from "@parley/db";

import type { ServerDependencies, Viewer } from "../../context";
import { readConversationAccess } from "../conversations/access";
import { insertMessage } from "../messages/insert-message";
import { assertOpen, publishMessage } from "../messages/send-message";

export interface PostUpdateInput {
  /** The conversation to post in, or... */
  conversationId?: string;
  /** ...the outside record it is about: the latest open conversation with this reference. */
  externalRef?: string;
  type: "order_update" | "delivery_update" | "system";
  body: string;
  data?: Record<string, unknown>;
}

/**
 * A notice from another system, e.g. "Order #123 is out for delivery", shown in the
 * conversation as a system message with its structured data (status, tracking link).
 */
export async function postUpdate(deps: Pick<ServerDependencies, "db" | "bus" | "unreadRecounter">, viewer: Viewer, input: PostUpdateInput) {
  const conversationId = input.conversationId ?? (await findByExternalRef(deps.db, input.externalRef));
  const { conversation } = await readConversationAccess(deps.db, viewer, conversationId);
  assertOpen(conversation);
  const { message } = await deps.db.transaction((tx) =>
    insertMessage(tx, {
      conversationId,
      senderId: null,
      type: input.type,
      internal: false,
      body: input.body,
      replyToId: null,
      mentions: [],
      clientId: null,
      data: { ...input.data, ...(viewer.kind === "apiKey" ? { apiKeyId: viewer.id } : {}) },
    }),
  );
  await publishMessage(deps, message);
  return message;
}

async function findByExternalRef(db: Database, externalRef: string | undefined): Promise<string> {
  if (!externalRef) throw new TRPCError({ code: "BAD_REQUEST", message: "Name a conversationId or an externalRef." });
  const [latest] = await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.externalRef, externalRef), inArray(conversations.status, ["waiting", "active", "open"])))
    .orderBy(desc(conversations.createdAt))
    .limit(1);
  if (!latest) throw new TRPCError({ code: "NOT_FOUND", message: `No open conversation is about ${externalRef}.` });
  return latest.id;
}
