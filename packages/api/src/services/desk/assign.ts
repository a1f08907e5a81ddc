import { TRPCError } from "@trpc/server";
import { and, asc, conversations, desc, eq, isNull, or, participants, sql, teams, users, type Transaction } from "@parley/db";

import type { ServerDependencies } from "../../context";
import { publishMessage } from "../messages/send-message";
import type { MessageView } from "../messages/message-view";
import { announceConversationAdded } from "../inbox/announce-added";
import { readAgentLoads, servesTeam } from "./agent-load";
import { publishQueueEvent } from "./desk-events";
import { planAssignments, type WaitingSession } from "./plan-assignments";
import { recordSessionEvent, secondsBetween } from "./session-events";
import { insertSystemNotice } from "./system-notice";

type Deps = Pick<ServerDependencies, "db" | "bus" | "unreadRecounter">;

/**
 * Every change to who has which session happens under this one lock, across all server
 * processes: two agents taking the same session, or auto-assignment racing a manual
 * one, are served one after the other, and the second sees the first's result.
 */
const ASSIGNMENT_LOCK = 7_261_002;

export async function lockAssignments(tx: Transaction): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${ASSIGNMENT_LOCK})`);
}

export interface Assignment {
  sessionId: string;
  agentId: string;
  teamId: string | null;
  subject: string | null;
  joined: MessageView;
}

/** The waiting sessions in queue order: highest priority first, then first come first served. */
async function readWaitingSessions(tx: Transaction, options: { autoAssignOnly: boolean }) {
  return tx
    .select({ id: conversations.id, teamId: conversations.teamId })
    .from(conversations)
    .leftJoin(teams, eq(teams.id, conversations.teamId))
    .where(
      and(
        eq(conversations.kind, "support"),
        eq(conversations.status, "waiting"),
        options.autoAssignOnly ? or(isNull(conversations.teamId), eq(teams.autoAssign, true)) : undefined,
      ),
    )
    .orderBy(desc(conversations.priority), asc(conversations.queuedAt), asc(conversations.id));
}

/**
 * Gives waiting sessions to online agents with room for them. Run whenever that could
 * change: a session arrives, an agent comes online, a session closes, capacity changes.
 */
export async function assignWaitingSessions(deps: Deps, now: Date): Promise<Assignment[]> {
  const assignments = await deps.db.transaction(async (tx) => {
    await lockAssignments(tx);
    const waiting = await readWaitingSessions(tx, { autoAssignOnly: true });
    if (!waiting.length) return [];
    const agents = await readAgentLoads(tx);
    const made: Assignment[] = [];
    for (const planned of planAssignments(waiting, agents)) {
      made.push(await applyAssignment(tx, planned.sessionId, planned.agentId, null, now));
    }
    return made;
  });
  await announceAssignments(deps, assignments);
  return assignments;
}

/** An agent takes the next waiting session they may serve, within their capacity. */
export async function takeNextSession(deps: Deps, agentId: string, now: Date): Promise<Assignment | null> {
  const assignment = await deps.db.transaction(async (tx) => {
    await lockAssignments(tx);
    const [agent] = await readAgentLoads(tx, [agentId]);
    if (!agent) throw new TRPCError({ code: "FORBIDDEN", message: "Only active agents take sessions." });
    if (agent.open >= agent.capacity) {
      throw new TRPCError({
        code: "PRECONDITION_FAILED",
        message: `You already have ${agent.open} open sessions, your limit. Close one first.`,
      });
    }
    const next = (await readWaitingSessions(tx, { autoAssignOnly: false })).find((session: WaitingSession) =>
      servesTeam(agent, session.teamId),
    );
    return next ? applyAssignment(tx, next.id, agentId, agentId, now) : null;
  });
  if (assignment) await announceAssignments(deps, [assignment]);
  return assignment;
}

/** An admin gives a waiting session to a chosen agent, beyond capacity if they decide so. */
export async function assignByHand(deps: Deps, adminId: string | null, sessionId: string, agentId: string, now: Date) {
  const assignment = await deps.db.transaction(async (tx) => {
    await lockAssignments(tx);
    const [agent] = await tx
      .select({ role: users.role, disabledAt: users.disabledAt })
      .from(users)
      .where(eq(users.id, agentId));
    if (!agent || agent.disabledAt || agent.role === "customer") {
      throw new TRPCError({ code: "BAD_REQUEST", message: "Sessions go to active agents or admins." });
    }
    const [session] = await tx.select().from(conversations).where(eq(conversations.id, sessionId));
    if (!session || session.kind !== "support") throw new TRPCError({ code: "NOT_FOUND", message: "No such session." });
    if (session.status !== "waiting") {
      throw new TRPCError({
        code: "PRECONDITION_FAILED",
        message: "Only waiting sessions are assigned; transfer an active one instead.",
      });
    }
    return applyAssignment(tx, sessionId, agentId, adminId, now);
  });
  await announceAssignments(deps, [assignment]);
  return assignment;
}

/** Makes `agentId` the session's agent and a participant; records the wait. Under the lock. */
async function applyAssignment(
  tx: Transaction,
  sessionId: string,
  agentId: string,
  actorId: string | null,
  now: Date,
): Promise<Assignment> {
  const [session] = await tx
    .update(conversations)
    .set({ status: "active", assignedAgentId: agentId, assignedAt: now })
    .where(and(eq(conversations.id, sessionId), eq(conversations.status, "waiting")))
    .returning();
  if (!session) throw new TRPCError({ code: "CONFLICT", message: "That session was just taken by someone else." });

  await joinAsAgent(tx, sessionId, agentId, now);
  await recordSessionEvent(tx, {
    conversationId: sessionId,
    type: "assigned",
    occurredAt: now,
    actorId,
    agentId,
    teamId: session.teamId,
    waitSeconds: secondsBetween(session.queuedAt ?? session.createdAt, now),
  });
  const [agent] = await tx.select({ name: users.name }).from(users).where(eq(users.id, agentId));
  const joined = await insertSystemNotice(tx, sessionId, `${agent?.name ?? "An agent"} joined the conversation`, {
    event: "assigned",
    agentId,
  }, { at: now });
  return { sessionId, agentId, teamId: session.teamId, subject: session.subject, joined };
}

/** Adds the agent as a participant, or brings them back if they had left. */
export async function joinAsAgent(tx: Transaction, sessionId: string, agentId: string, now: Date) {
  await tx
    .insert(participants)
    .values({ conversationId: sessionId, userId: agentId, role: "agent", joinedAt: now })
    .onConflictDoUpdate({
      target: [participants.conversationId, participants.userId],
      set: { leftAt: null, role: "agent", joinedAt: now },
    });
}

async function announceAssignments(deps: Deps, assignments: Assignment[]) {
  for (const assignment of assignments) {
    await announceConversationAdded(deps, { id: assignment.sessionId, kind: "support", subject: assignment.subject }, [
      { userId: assignment.agentId, reason: "assigned" },
    ]);
    await publishMessage(deps, assignment.joined);
    await publishQueueEvent(deps.bus, {
      type: "assigned",
      sessionId: assignment.sessionId,
      agentId: assignment.agentId,
      teamId: assignment.teamId,
    });
  }
}
