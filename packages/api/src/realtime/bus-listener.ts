import { AsyncQueue } from "../lib/async-queue";
import type { Bus } from "./bus";

export interface BusListener<T> {
  /** What was published on the channel since the listener was made, in order. */
  events: AsyncQueue<T>;
  /** Leaves the channel; again is harmless. */
  close(): void;
}

/**
 * A subscription to one bus channel that is in place when this resolves. Subscriptions
 * made with it answer tRPC only once they listen, so "started" on the client's side means
 * that nothing published afterwards is missed. The signal's abort closes it too, also
 * when its events were never pulled (a generator that never ran has no `finally`).
 * `accepts` picks the events this listener wants as they are published, so the others
 * are never queued: a channel such as presence carries everyone's changes.
 */
export async function listenOnBus<T>(
  bus: Bus,
  channel: string,
  signal: AbortSignal | undefined,
  accepts: (event: unknown) => event is T = (_event): _event is T => true,
): Promise<BusListener<T>> {
  const events = new AsyncQueue<T>(signal);
  let unsubscribe: (() => void) | null = await bus.subscribe(channel, (event) => {
    if (accepts(event)) events.push(event);
  });
  const close = () => {
    unsubscribe?.();
    unsubscribe = null;
  };
  signal?.addEventListener("abort", close, { once: true });
  if (signal?.aborted) close();
  return { events, close };
}
