import { TRPCError } from "@trpc/server";
import { conversations, eq } from "@parley/db";

import type { ServerDependencies } from "../../context";
import { readAgentLoads, servesTeam } from "../desk/agent-load";
import { assignByHand } from "../desk/assign";

type Deps = Pick<ServerDependencies, "db" | "bus" | "unreadRecounter">;

/**
 * An agent (or an admin) picks one particular waiting session from the queue (rather than the next in
 * line): a session of their teams (or of none), within their capacity. The assignment
 * itself is the desk's, under its lock, so two agents picking the same session get one
 * winner and one clear "just taken".
 */
export async function claimSession(
  deps: Deps,
  viewer: { id: string; role: "customer" | "agent" | "admin" },
  sessionId: string,
  now: Date,
) {
  const agentId = viewer.id;
  const [session] = await deps.db
    .select({ kind: conversations.kind, status: conversations.status, teamId: conversations.teamId })
    .from(conversations)
    .where(eq(conversations.id, sessionId));
  if (!session || session.kind !== "support") throw new TRPCError({ code: "NOT_FOUND", message: "No such session." });
  if (session.status !== "waiting") {
    throw new TRPCError({ code: "CONFLICT", message: "That session is no longer waiting: someone has it already." });
  }

  const [agent] = await deps.db.transaction((tx) => readAgentLoads(tx, [agentId]));
  if (!agent) throw new TRPCError({ code: "FORBIDDEN", message: "Only active agents take sessions." });
  // Admins stand in for any team.
  if (viewer.role !== "admin" && !servesTeam(agent, session.teamId)) {
    throw new TRPCError({ code: "FORBIDDEN", message: "That session is for a team you are not in." });
  }
  if (agent.open >= agent.capacity) {
    throw new TRPCError({
      code: "PRECONDITION_FAILED",
      message: `You already have ${agent.open} open sessions, your limit. Close one first.`,
    });
  }

  try {
    const assignment = await assignByHand(deps, agentId, sessionId, agentId, now);
    return { sessionId: assignment.sessionId, agentId: assignment.agentId };
  } catch (error) {
    // Taken between the check and the lock: the desk says so in its own words.
    if (error instanceof TRPCError && error.code === "PRECONDITION_FAILED") {
      throw new TRPCError({ code: "CONFLICT", message: "That session was just taken by someone else." });
    }
    throw error;
  }
}
