import type { PersonViewer, ServerDependencies } from "../../context";
import { channels } from "../../realtime/bus";
import { listenOnBus } from "../../realtime/bus-listener";
import { isInboxBusEvent, type InboxEvent } from "./inbox-events";
import { readInboxSummary } from "./inbox-summary";

/**
 * One person's inbox, live: a snapshot first, then what changes. The bus is subscribed
 * before the snapshot is read, so nothing that happens meanwhile is missed.
 *
 * Unread counts are absolute and stamped with the database clock. A count older than
 * the snapshot is already in it and is skipped. A count older than one already sent
 * (two requests, or two server processes, published in the other order) could undo a
 * newer one, so a fresh snapshot is sent instead. Notifications (added, mention) always
 * pass; a client recognises a mention it already has by its message id.
 */
export async function* watchInbox(
  deps: Pick<ServerDependencies, "db" | "bus">,
  viewer: PersonViewer,
  signal: AbortSignal | undefined,
): AsyncGenerator<InboxEvent> {
  const live = await listenOnBus(deps.bus, channels.user(viewer.id), signal, isInboxBusEvent);
  try {
    let { summary, countedAt: snapshotAt } = await readInboxSummary(deps.db, viewer);
    yield { type: "snapshot", summary };
    let latest = snapshotAt;

    for await (const event of live.events) {
      if (event.type !== "unread.changed") {
        yield event;
        continue;
      }
      const { countedAt, ...change } = event;
      if (countedAt < snapshotAt) continue;
      if (countedAt < latest) {
        ({ summary, countedAt: snapshotAt } = await readInboxSummary(deps.db, viewer));
        latest = snapshotAt;
        yield { type: "snapshot", summary };
        continue;
      }
      latest = countedAt;
      yield change;
    }
  } finally {
    live.close();
  }
}
