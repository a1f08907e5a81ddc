import type { z } from "zod";

import { channels, type Bus } from "../../realtime/bus";
import type { inboxEventSchema } from "../../schemas/inbox";

/** What a subscriber to `inbox.events` receives. */
export type InboxEvent = z.infer<typeof inboxEventSchema>;
export type ConversationAddedEvent = Extract<InboxEvent, { type: "conversation.added" }>;
export type MentionEvent = Extract<InboxEvent, { type: "mention" }>;

/**
 * What travels on a person's channel. Counts carry `countedAt`, the database clock (in
 * microseconds) when they were counted: counts published by different requests, or by
 * different server processes, may arrive out of order, and the subscriber uses it to
 * tell a stale count from a fresh one. Clients never see it.
 */
export type InboxBusEvent =
  | Exclude<InboxEvent, { type: "snapshot" | "unread.changed" }>
  | (Extract<InboxEvent, { type: "unread.changed" }> & { countedAt: number });

const BUS_EVENT_TYPES = new Set<string>(["conversation.added", "unread.changed", "mention"]);

/** The person's channel may carry other things one day; the inbox takes only its own. */
export function isInboxBusEvent(event: unknown): event is InboxBusEvent {
  return typeof event === "object" && event !== null && BUS_EVENT_TYPES.has((event as { type?: unknown }).type as string);
}

export function publishInboxEvent(bus: Bus, userId: string, event: InboxBusEvent): Promise<void> {
  return bus.publish(channels.user(userId), event);
}
