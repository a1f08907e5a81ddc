import type { PersonViewer } from "../../context";
import { channels, type Bus } from "../../realtime/bus";

/**
 * What the live queue hears: every change to which sessions wait and who has them, with
 * the session's team and agent (after the change, and before it for a transfer), so that
 * each desk hears only of the sessions it may see.
 */
export type QueueEvent =
  | { type: "queued"; sessionId: string; teamId: string | null; priority: string }
  | { type: "assigned"; sessionId: string; agentId: string; teamId: string | null }
  | {
      type: "transferred";
      sessionId: string;
      fromAgentId: string | null;
      fromTeamId: string | null;
      toAgentId: string | null;
      toTeamId: string | null;
    }
  | { type: "closed"; sessionId: string; agentId: string | null; teamId: string | null }
  | { type: "reopened"; sessionId: string; teamId: string | null }
  /** The customer rated a closed session: the desk shows ratings as they come. */
  | { type: "rated"; sessionId: string; agentId: string | null; teamId: string | null; rating: number };

export function publishQueueEvent(bus: Bus, event: QueueEvent): Promise<void> {
  return bus.publish(channels.queue(), event);
}

/**
 * Whether a staff member may hear of a queue change: the rule of `sessionsVisibleTo`
 * (admins everything; an agent their teams' sessions, those of no team, and their own),
 * applied to the session as it was and as it is.
 */
export function concernsStaffMember(event: QueueEvent, viewer: PersonViewer, teamIds: ReadonlySet<string>): boolean {
  if (viewer.role === "admin") return true;
  const [teams, agents] =
    event.type === "transferred"
      ? [
          [event.fromTeamId, event.toTeamId],
          [event.fromAgentId, event.toAgentId],
        ]
      : [[event.teamId], ["agentId" in event ? event.agentId : null]];
  return teams.some((teamId) => teamId === null || teamIds.has(teamId)) || agents.includes(viewer.id);
}
