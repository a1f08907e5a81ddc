import { channels, type Bus } from "../../realtime/bus";

/** What the live queue hears: every change to which sessions wait and who has them. */
export type QueueEvent =
  | { type: "queued"; sessionId: string; teamId: string | null; priority: string }
  | { type: "assigned"; sessionId: string; agentId: string; teamId: string | null }
  | { type: "transferred"; sessionId: string; toAgentId: string | null; toTeamId: string | null }
  | { type: "closed"; sessionId: string; agentId: string | null }
  | { type: "reopened"; sessionId: string; teamId: string | null };

/** Sent to one person's inbox channel. */
export type InboxEvent = { type: "session_assigned"; sessionId: string; subject: string | null };

export function publishQueueEvent(bus: Bus, event: QueueEvent): Promise<void> {
  return bus.publish(channels.queue(), event);
}

export function publishInboxEvent(bus: Bus, userId: string, event: InboxEvent): Promise<void> {
  return bus.publish(channels.user(userId), event);
}
