import { servesTeam, type AgentLoad } from "./agent-load";

export interface WaitingSession {
  id: string;
  teamId: string | null;
}

export interface PlannedAssignment {
  sessionId: string;
  agentId: string;
}

/**
 * Who gets which waiting session, given sessions in queue order (highest priority first,
 * then first come first served). Each goes to an agent of its team below capacity with
 * the fewest open sessions; ties go to whoever was given a session longest ago
 * (round-robin). A session nobody can take waits without holding up other teams' lines.
 * Pure: `agents` are copied, not changed.
 */
export function planAssignments(waiting: WaitingSession[], agents: AgentLoad[]): PlannedAssignment[] {
  const load = agents.map((agent) => ({ ...agent }));
  const plan: PlannedAssignment[] = [];
  let tick = Math.max(0, ...load.map((agent) => agent.lastAssignedAt));

  for (const session of waiting) {
    const candidates = load.filter((agent) => agent.open < agent.capacity && servesTeam(agent, session.teamId));
    if (!candidates.length) continue;
    candidates.sort((a, b) => a.open - b.open || a.lastAssignedAt - b.lastAssignedAt || a.id.localeCompare(b.id));
    const chosen = candidates[0]!;
    chosen.open += 1;
    chosen.lastAssignedAt = ++tick;
    plan.push({ sessionId: session.id, agentId: chosen.id });
  }
  return plan;
}
