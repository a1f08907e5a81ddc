import type { ServerDependencies } from "../../context";
import { publishInboxEvent } from "./inbox-events";
import { readUnreadTotals, type UnreadCounts, type UnreadRecipients } from "./unread-counts";

type Deps = Pick<ServerDependencies, "db" | "bus">;

/**
 * Tells each recipient their unread count in `conversationId` and in all. One query
 * however many recipients there are: a message in a room of fifty costs one count.
 */
export async function announceUnread(
  deps: Deps,
  conversationId: string,
  recipients: UnreadRecipients,
): Promise<Map<string, UnreadCounts>> {
  return publishUnread(deps, conversationId, await readUnreadTotals(deps.db, recipients, conversationId));
}

/** Sends each person their counts as read; returns them. */
export async function publishUnread(
  deps: Pick<Deps, "bus">,
  conversationId: string,
  totals: Map<string, UnreadCounts>,
): Promise<Map<string, UnreadCounts>> {
  await Promise.all(
    [...totals].map(([userId, counts]) =>
      publishInboxEvent(deps.bus, userId, { type: "unread.changed", conversationId, ...counts }),
    ),
  );
  return totals;
}
