import { AsyncQueue } from "../../lib/async-queue";
import { channels, type Bus } from "../../realtime/bus";
import type { PresenceChange, PresenceTracker } from "./presence-tracker";

/**
 * The current status of each watched person, then each change. The bus is joined
 * before the current statuses are read, so a change in between is not lost (at worst
 * it is seen twice, which is harmless for a status).
 */
export async function* watchPresence(
  deps: { bus: Bus; presence: PresenceTracker },
  userIds: string[],
  signal: AbortSignal | undefined,
): AsyncGenerator<PresenceChange> {
  const watched = new Set(userIds);
  const changes = new AsyncQueue<PresenceChange>(signal);
  const unsubscribe = await deps.bus.subscribe(channels.presence(), (event) => {
    const change = event as PresenceChange;
    if (watched.has(change.userId)) changes.push(change);
  });
  try {
    yield* await deps.presence.statusOf(userIds);
    yield* changes;
  } finally {
    unsubscribe();
  }
}
