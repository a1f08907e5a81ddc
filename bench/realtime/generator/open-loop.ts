/** At most this many sends per timer tick, so receiving is not starved after a stall. */
const MAX_SENDS_PER_TICK = 200;

/**
 * Calls `send` for message 0, 1, 2... each at its own time on a fixed schedule of `rate`
 * per second from `startAt`, whether or not earlier ones were answered (open loop: a slow
 * server gets more work queued, as it would from real people, rather than less).
 * `scheduledAt` is on the performance clock, for measuring how late the generator is.
 * Resolves at the end of the schedule (`startAt + durationMs`, on the performance clock),
 * not at the last send: the run's window is the whole duration, so the last message has
 * the same time to arrive within it as every other.
 */
export function runOpenLoop(
  plan: { rate: number; durationMs: number; startAt: number },
  send: (index: number, scheduledAt: number) => void,
): Promise<{ sent: number; windowEndsAt: number }> {
  const total = Math.round((plan.rate * plan.durationMs) / 1000);
  const intervalMs = 1000 / plan.rate;
  const startPerf = performance.now() + (plan.startAt - Date.now());
  const windowEndsAt = startPerf + plan.durationMs;
  let next = 0;

  return new Promise((resolve) => {
    const tick = () => {
      const now = performance.now();
      let sentThisTick = 0;
      while (next < total && startPerf + next * intervalMs <= now && sentThisTick < MAX_SENDS_PER_TICK) {
        send(next, startPerf + next * intervalMs);
        next++;
        sentThisTick++;
      }
      if (next >= total) {
        return void setTimeout(() => resolve({ sent: total, windowEndsAt }), Math.max(0, windowEndsAt - performance.now()));
      }
      if (sentThisTick === MAX_SENDS_PER_TICK) return void setImmediate(tick);
      setTimeout(tick, Math.max(0, Math.min(50, startPerf + next * intervalMs - performance.now())));
    };
    setTimeout(tick, Math.max(0, startPerf - performance.now()));
  });
}
