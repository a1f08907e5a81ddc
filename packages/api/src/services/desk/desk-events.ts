import { channels, type Bus } from "../../realtime/bus";

/** What the live queue hears: every change to which sessions wait and who has them. */
export type QueueEvent =
  | { type: "queued"; sessionId: string; teamId: string | null; priority: string }
  | { type: "assigned"; sessionId: string; agentId: string; teamId: string | null }
  | { type: "transferred"; sessionId: string; toAgentId: string | null; toTeamId: string | null }
  | { type: "closed"; sessionId: string; agentId: string | null }
  | { type: "reopened"; sessionId: string; teamId: string | null }
  /** The customer rated a closed session: the desk shows ratings as they come. */
  | { type: "rated"; sessionId: string; agentId: string | null; rating: number };

export function publishQueueEvent(bus: Bus, event: QueueEvent): Promise<void> {
  return bus.publish(channels.queue(), event);
}
