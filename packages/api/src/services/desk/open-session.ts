import type { ServerDependencies } from "../../context";
import { startSupportSession } from "../conversations/create";
import { announceConversationAdded } from "../inbox/announce-added";
import { assignWaitingSessions } from "./assign";
import { publishQueueEvent } from "./desk-events";

type Deps = Pick<ServerDependencies, "db" | "bus" | "unreadRecounter">;
type Customer = Parameters<typeof startSupportSession>[1];

/**
 * A session enters the queue: recorded for reporting, announced to the live queue and
 * to the customer's inbox, and offered at once to an agent with room for it.
 */
export async function openSession(
  deps: Deps,
  customer: Customer,
  input: Parameters<typeof startSupportSession>[2],
  now: Date,
) {
  const session = await startSupportSession(deps.db, customer, input, now);
  await publishQueueEvent(deps.bus, {
    type: "queued",
    sessionId: session.id,
    teamId: session.teamId,
    priority: session.priority,
  });
  await announceConversationAdded(deps, session, [{ userId: customer.id, reason: "opened" }]);
  await assignWaitingSessions(deps, now);
  return session;
}
