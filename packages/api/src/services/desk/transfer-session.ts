import { TRPCError } from "@trpc/server";
import { and, conversations, eq, participants, teams, users } from "@parley/db";

import type { ServerDependencies, Viewer } from "../../context";
import { publishMessage } from "../messages/send-message";
import { announceConversationAdded } from "../inbox/announce-added";
import { announceUnread } from "../inbox/announce-unread";
import { assignWaitingSessions, joinAsAgent, lockAssignments } from "./assign";
import { publishQueueEvent } from "./desk-events";
import { lockSession } from "./load-session";
import { recordSessionEvent } from "./session-events";
import { insertSystemNotice } from "./system-notice";

type Deps = Pick<ServerDependencies, "db" | "bus" | "unreadRecounter">;

export interface TransferInput {
  sessionId: string;
  /** Straight to this agent... */
  toAgentId?: string;
  /** ...or back to the queue of this team. */
  toTeamId?: string;
  reason: string;
}

/**
 * Hands a session to another agent, or to another team's queue, with a reason. The
 * customer sees a notice; the reason is kept for agents (an internal note and the
 * reporting ledger). The previous agent stops being a participant, so they keep access
 * only if their team still covers the session.
 */
export async function transferSession(deps: Deps, actor: Viewer, input: TransferInput, now: Date) {
  // Admins and integrations may move any session; an agent only their own.
  const mayMoveAny = actor.kind === "apiKey" || actor.role === "admin";
  if (!input.toAgentId === !input.toTeamId) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "Transfer to one agent or to one team." });
  }

  const result = await deps.db.transaction(async (tx) => {
    await lockAssignments(tx);
    const session = await lockSession(tx, input.sessionId);
    if (!mayMoveAny && session.assignedAgentId !== actor.id) {
      throw new TRPCError({ code: "FORBIDDEN", message: "Only the session's agent or an admin can transfer it." });
    }
    if (session.status === "closed") throw new TRPCError({ code: "PRECONDITION_FAILED", message: "This session is closed." });

    const target = input.toAgentId ? await readAgent(tx, input.toAgentId) : null;
    const team = input.toTeamId ? await readTeam(tx, input.toTeamId) : null;
    if (target && target.id === session.assignedAgentId) {
      throw new TRPCError({ code: "BAD_REQUEST", message: "That agent already has this session." });
    }

    await tx
      .update(conversations)
      .set(
        target
          ? { assignedAgentId: target.id, status: "active", assignedAt: session.assignedAt ?? now }
          : { assignedAgentId: null, status: "waiting", teamId: team!.id },
      )
      .where(eq(conversations.id, session.id));
    if (session.assignedAgentId) {
      await tx
        .update(participants)
        .set({ leftAt: now })
        .where(and(eq(participants.conversationId, session.id), eq(participants.userId, session.assignedAgentId)));
    }
    if (target) await joinAsAgent(tx, session.id, target.id, now);

    await recordSessionEvent(tx, {
      conversationId: session.id,
      type: "transferred",
      occurredAt: now,
      actorId: actor.kind === "user" ? actor.id : null,
      agentId: target?.id ?? null,
      teamId: team?.id ?? session.teamId,
      details: { fromAgentId: session.assignedAgentId, toAgentId: target?.id ?? null, toTeamId: team?.id ?? null, reason: input.reason },
    });
    const destination = target ? target.name : `the ${team!.name} team`;
    const notices = [
      await insertSystemNotice(tx, session.id, `Transferred to ${destination}`, {
        event: "transferred",
        toAgentId: target?.id ?? null,
        toTeamId: team?.id ?? null,
      }, { at: now }),
      await insertSystemNotice(tx, session.id, `Transfer reason: ${input.reason}`, { event: "transfer_reason" }, { at: now, internal: true }),
    ];
    return { session, target, team, notices };
  });

  if (result.target) {
    await announceConversationAdded(deps, result.session, [{ userId: result.target.id, reason: "transferred" }]);
  }
  for (const notice of result.notices) await publishMessage(deps, notice);
  // The session no longer counts towards the previous agent's unread total.
  if (result.session.assignedAgentId) await announceUnread(deps, input.sessionId, [result.session.assignedAgentId]);
  await publishQueueEvent(deps.bus, {
    type: "transferred",
    sessionId: input.sessionId,
    fromAgentId: result.session.assignedAgentId,
    fromTeamId: result.session.teamId,
    toAgentId: result.target?.id ?? null,
    toTeamId: result.team?.id ?? result.session.teamId,
  });
  if (!result.target) await assignWaitingSessions(deps, now);
}

async function readAgent(tx: Parameters<typeof lockSession>[0], agentId: string) {
  const [agent] = await tx.select().from(users).where(eq(users.id, agentId));
  if (!agent || agent.disabledAt || agent.role === "customer") {
    throw new TRPCError({ code: "BAD_REQUEST", message: "Sessions go to active agents or admins." });
  }
  return agent;
}

async function readTeam(tx: Parameters<typeof lockSession>[0], teamId: string) {
  const [team] = await tx.select().from(teams).where(eq(teams.id, teamId));
  if (!team) throw new TRPCError({ code: "NOT_FOUND", message: "No such team." });
  return team;
}
