import { setTimeout as sleep } from "node:timers/promises";

import type { Database } from "@parley/db";

import { channels, type Bus } from "../../realtime/bus";
import { readLiveOperations, type LiveOperations } from "./live-operations";
import type { ReportFilters } from "./report-sql";

export interface LivePacing {
  /** At most one snapshot per this many milliseconds, however busy the queue. */
  minIntervalMs: number;
  /** A snapshot at least this often, so that messages per minute and waits keep moving. */
  refreshMs: number;
}

export const LIVE_PACING: LivePacing = { minIntervalMs: 1_000, refreshMs: 5_000 };

/**
 * The live operations panel, pushed: a snapshot now, then a fresh one whenever the queue
 * changes (coalesced to one per `minIntervalMs`) and every `refreshMs` regardless.
 */
export async function* watchLiveOperations(
  deps: { db: Database; bus: Bus },
  filters: ReportFilters,
  signal: AbortSignal | undefined,
  pacing: LivePacing = LIVE_PACING,
  clock: () => Date = () => new Date(),
): AsyncGenerator<LiveOperations> {
  // Whether the queue moved (or the refresh came due) since the last snapshot was read.
  const queue = { moved: false };
  let wake: (() => void) | null = null;
  const poke = () => {
    queue.moved = true;
    wake?.();
  };
  const stop = new AbortController();
  const onAbort = () => {
    stop.abort();
    wake?.();
  };
  signal?.addEventListener("abort", onAbort, { once: true });
  if (signal?.aborted) stop.abort();
  const unsubscribe = await deps.bus.subscribe(channels.queue(), poke);
  const refresher = setInterval(poke, pacing.refreshMs);
  try {
    while (!stop.signal.aborted) {
      queue.moved = false;
      yield await readLiveOperations(deps.db, filters, clock());
      const sentAt = Date.now();
      if (!queue.moved && !stop.signal.aborted) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
      }
      // Changes during the pause fold into the next snapshot.
      const pause = sentAt + pacing.minIntervalMs - Date.now();
      if (pause > 0 && !stop.signal.aborted) await sleep(pause, undefined, { signal: stop.signal }).catch(() => {});
    }
  } finally {
    clearInterval(refresher);
    signal?.removeEventListener("abort", onAbort);
    unsubscribe();
  }
}
