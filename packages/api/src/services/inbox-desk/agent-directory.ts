import { and, asc, conversations, count, eq, inArray, isNull, teamMembers, teams, users, type Database } from "@parley/db";

/**
 * The desk's agents as a colleague sees them: whether they take sessions now, how busy
 * they are and in which teams, for choosing whom to transfer a session to.
 */
export async function readAgentDirectory(db: Database) {
  const agents = await db
    .select({
      id: users.id,
      name: users.name,
      role: users.role,
      availability: users.availability,
      capacity: users.maxConcurrentChats,
    })
    .from(users)
    .where(and(inArray(users.role, ["agent", "admin"]), isNull(users.disabledAt)))
    .orderBy(asc(users.name), asc(users.id));
  if (!agents.length) return [];
  const ids = agents.map((agent) => agent.id);

  const [loads, memberships] = await Promise.all([
    db
      .select({ agentId: conversations.assignedAgentId, open: count() })
      .from(conversations)
      .where(and(inArray(conversations.assignedAgentId, ids), eq(conversations.status, "active")))
      .groupBy(conversations.assignedAgentId),
    db
      .select({ userId: teamMembers.userId, teamId: teams.id, teamName: teams.name })
      .from(teamMembers)
      .innerJoin(teams, eq(teams.id, teamMembers.teamId))
      .where(inArray(teamMembers.userId, ids))
      .orderBy(asc(teams.name)),
  ]);
  const openOf = new Map(loads.map((row) => [row.agentId, Number(row.open)]));
  return agents.map((agent) => ({
    ...agent,
    role: agent.role as "agent" | "admin",
    openSessions: openOf.get(agent.id) ?? 0,
    teams: memberships.filter((row) => row.userId === agent.id).map((row) => ({ id: row.teamId, name: row.teamName })),
  }));
}
