import { and, conversations, eq, isNull, type Transaction } from "@parley/db";

import type { Viewer } from "../../context";
import { recordSessionEvent, secondsBetween } from "./session-events";

/** Only staff's public messages answer a customer. */
export function mayBeFirstResponse(sender: Viewer, message: { internal: boolean }): boolean {
  return sender.kind === "user" && sender.role !== "customer" && !message.internal;
}

/**
 * The first public reply from the desk since the session entered the queue (or was
 * last reopened) starts the clock stopping: its time is recorded once, with the
 * first-response time measured from queueing, in the sending transaction.
 */
export async function noteFirstResponse(
  tx: Transaction,
  sender: Viewer,
  message: { conversationId: string; internal: boolean; createdAt: Date },
): Promise<void> {
  if (!mayBeFirstResponse(sender, message)) return;
  const [session] = await tx
    .update(conversations)
    .set({ firstResponseAt: message.createdAt })
    .where(
      and(
        eq(conversations.id, message.conversationId),
        eq(conversations.kind, "support"),
        isNull(conversations.firstResponseAt),
      ),
    )
    .returning();
  if (!session) return;
  await recordSessionEvent(tx, {
    conversationId: session.id,
    type: "first_response",
    occurredAt: message.createdAt,
    actorId: sender.id,
    agentId: session.assignedAgentId ?? sender.id,
    teamId: session.teamId,
    firstResponseSeconds: secondsBetween(session.queuedAt ?? session.createdAt, message.createdAt),
  });
}
