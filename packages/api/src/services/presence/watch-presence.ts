import { channels, type Bus } from "../../realtime/bus";
import { listenOnBus } from "../../realtime/bus-listener";
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
  const changes = await listenOnBus(deps.bus, channels.presence(), signal, (event): event is PresenceChange =>
    watched.has((event as PresenceChange).userId),
  );
  try {
    yield* await deps.presence.statusOf(userIds);
    yield* changes.events;
  } finally {
    changes.close();
  }
}
