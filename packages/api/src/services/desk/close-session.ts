import { TRPCError } from "@trpc/server";
import { and, conversations, eq, participants, users } from "@parley/db";

import type { ServerDependencies, Viewer } from "../../context";
import { readConversationAccess } from "../conversations/access";
import { publishMessage } from "../messages/send-message";
import { assignWaitingSessions } from "./assign";
import { publishQueueEvent } from "./desk-events";
import { lockSession } from "./load-session";
import { recordSessionEvent, secondsBetween } from "./session-events";
import { insertSystemNotice } from "./system-notice";

type Deps = Pick<ServerDependencies, "db" | "bus" | "unreadRecounter">;

/** How long after closing a customer may reopen their session. */
export const DEFAULT_REOPEN_WINDOW_MS = 7 * 24 * 3600_000;

/**
 * Closes a session: by its agent (with a resolution note), by the customer, or by Parley
 * after a quiet spell (`viewer` null). Records handle and resolution times, frees the
 * agent's capacity for the queue, and the customer is then asked for a rating.
 */
export async function closeSession(
  deps: Deps,
  viewer: Viewer | null,
  input: { sessionId: string; resolutionNote?: string; reason?: "idle" },
  now: Date,
) {
  if (viewer) await readConversationAccess(deps.db, viewer, input.sessionId);
  const { session, notice } = await deps.db.transaction(async (tx) => {
    const session = await lockSession(tx, input.sessionId);
    if (session.status === "closed") throw new TRPCError({ code: "PRECONDITION_FAILED", message: "This session is already closed." });
    const [closed] = await tx
      .update(conversations)
      .set({ status: "closed", closedAt: now, resolutionNote: input.resolutionNote ?? null })
      .where(eq(conversations.id, session.id))
      .returning();
    await recordSessionEvent(tx, {
      conversationId: session.id,
      type: "closed",
      occurredAt: now,
      actorId: viewer?.kind === "user" ? viewer.id : null,
      agentId: session.assignedAgentId,
      teamId: session.teamId,
      handleSeconds: session.assignedAt && session.status === "active" ? secondsBetween(session.assignedAt, now) : null,
      resolutionSeconds: secondsBetween(session.createdAt, now),
      details: { by: viewer ? (viewer.kind === "user" ? viewer.role : "integration") : "parley", reason: input.reason ?? null },
    });
    const who = viewer?.kind === "user" ? (await tx.select({ name: users.name }).from(users).where(eq(users.id, viewer.id)))[0]?.name : null;
    const body = input.reason === "idle" ? "Closed after a while without messages" : `Closed by ${who ?? "the integration"}`;
    const notice = await insertSystemNotice(tx, session.id, body, { event: "closed", rateable: true }, { at: now });
    return { session: closed!, notice };
  });
  await publishMessage(deps, notice);
  await publishQueueEvent(deps.bus, {
    type: "closed",
    sessionId: session.id,
    agentId: session.assignedAgentId,
    teamId: session.teamId,
  });
  await assignWaitingSessions(deps, now);
  return session;
}

/** The customer brings a recently closed session back to the queue. */
export async function reopenSession(
  deps: Deps,
  viewer: Viewer,
  input: { sessionId: string },
  now: Date,
  reopenWindowMs = DEFAULT_REOPEN_WINDOW_MS,
) {
  const { session, notice } = await deps.db.transaction(async (tx) => {
    const session = await lockSession(tx, input.sessionId);
    if (viewer.kind !== "user" || session.customerId !== viewer.id) {
      throw new TRPCError({ code: "FORBIDDEN", message: "Only the session's customer can reopen it." });
    }
    if (session.status !== "closed" || !session.closedAt) {
      throw new TRPCError({ code: "PRECONDITION_FAILED", message: "Only a closed session can be reopened." });
    }
    if (now.getTime() - session.closedAt.getTime() > reopenWindowMs) {
      throw new TRPCError({ code: "PRECONDITION_FAILED", message: "This session closed too long ago; start a new one." });
    }
    const [reopened] = await tx
      .update(conversations)
      .set({ status: "waiting", queuedAt: now, assignedAgentId: null, firstResponseAt: null, closedAt: null })
      .where(eq(conversations.id, session.id))
      .returning();
    // The last agent steps out; the queue decides who picks it up now.
    await tx
      .update(participants)
      .set({ leftAt: now })
      .where(and(eq(participants.conversationId, session.id), eq(participants.role, "agent")));
    await recordSessionEvent(tx, {
      conversationId: session.id,
      type: "reopened",
      occurredAt: now,
      actorId: viewer.id,
      teamId: session.teamId,
      closedSeconds: secondsBetween(session.closedAt, now),
    });
    const notice = await insertSystemNotice(tx, session.id, "Reopened by the customer", { event: "reopened" }, { at: now });
    return { session: reopened!, notice };
  });
  await publishMessage(deps, notice);
  await publishQueueEvent(deps.bus, { type: "reopened", sessionId: session.id, teamId: session.teamId });
  await assignWaitingSessions(deps, now);
  return session;
}
