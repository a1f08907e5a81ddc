import { and, conversations, count, eq, inArray, isNull, max, sessionEvents, teamMembers, users, type Transaction } from "@parley/db";

/** An agent as assignment sees them: how busy, how recently given a session, which teams. */
export interface AgentLoad {
  id: string;
  name: string;
  capacity: number;
  open: number;
  /** Epoch milliseconds of their latest assignment; 0 if never. Oldest goes first (round-robin). */
  lastAssignedAt: number;
  teamIds: Set<string>;
}

/** Reads the load of the given agents, or of every online agent when `agentIds` is omitted. */
export async function readAgentLoads(tx: Transaction, agentIds?: string[]): Promise<AgentLoad[]> {
  const agents = await tx
    .select({ id: users.id, name: users.name, capacity: users.maxConcurrentChats })
    .from(users)
    .where(
      agentIds
        ? and(inArray(users.id, agentIds), isNull(users.disabledAt))
        : and(eq(users.role, "agent"), eq(users.availability, "online"), isNull(users.disabledAt)),
    );
  if (!agents.length) return [];
  const ids = agents.map((agent) => agent.id);

  const [openCounts, lastAssignments, memberships] = await Promise.all([
    tx
      .select({ agentId: conversations.assignedAgentId, open: count() })
      .from(conversations)
      .where(and(inArray(conversations.assignedAgentId, ids), eq(conversations.status, "active")))
      .groupBy(conversations.assignedAgentId),
    tx
      .select({ agentId: sessionEvents.agentId, at: max(sessionEvents.occurredAt) })
      .from(sessionEvents)
      .where(and(inArray(sessionEvents.agentId, ids), eq(sessionEvents.type, "assigned")))
      .groupBy(sessionEvents.agentId),
    tx.select({ userId: teamMembers.userId, teamId: teamMembers.teamId }).from(teamMembers).where(inArray(teamMembers.userId, ids)),
  ]);
  const openOf = new Map(openCounts.map((row) => [row.agentId, Number(row.open)]));
  const lastOf = new Map(lastAssignments.map((row) => [row.agentId, row.at ? new Date(row.at).getTime() : 0]));
  // Grouped once: a desk of a thousand agents would otherwise scan every membership per agent.
  const teamsOf = new Map<string, Set<string>>();
  for (const { userId, teamId } of memberships) {
    const teams = teamsOf.get(userId) ?? new Set<string>();
    teams.add(teamId);
    teamsOf.set(userId, teams);
  }

  return agents.map((agent) => ({
    ...agent,
    open: openOf.get(agent.id) ?? 0,
    lastAssignedAt: lastOf.get(agent.id) ?? 0,
    teamIds: teamsOf.get(agent.id) ?? new Set<string>(),
  }));
}

/** May this agent take a session of this team? A session for no team is anyone's. */
export function servesTeam(agent: AgentLoad, teamId: string | null): boolean {
  return teamId === null || agent.teamIds.has(teamId);
}
