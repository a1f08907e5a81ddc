import { archiveOldMessages, assignWaitingSessions, closeIdleSessions, tallyMessages, type ServerDependencies } from "@parley/api";

import type { Logger } from "./logger";

const DAY_MS = 24 * 60 * 60_000;

interface Job {
  name: string;
  everyMs: number;
  run(now: Date): Promise<unknown>;
}

/**
 * Background work on timers. Each job is safe to run on several processes at once (the
 * steps it takes lock what they change), so every server process runs them all; a run
 * still going when the next is due is skipped rather than stacked.
 */
export function startJobs(
  deps: Pick<ServerDependencies, "db" | "bus" | "presence" | "unreadRecounter">,
  options: { idleCloseMinutes: number; retentionDays: number },
  logger: Logger,
) {
  const jobs: Job[] = [
    // A safety net for assignment: every trigger already assigns, this catches what a crash missed.
    { name: "assign waiting sessions", everyMs: 30_000, run: (now) => assignWaitingSessions(deps, now) },
    // Staff whose server process died without closing their sockets: recorded as gone.
    { name: "settle vanished presence", everyMs: 30_000, run: (now) => deps.presence.settleVanished(now) },
    // Keeps long report periods fast: each run counts the quarter hours settled since the last.
    { name: "tally messages for reports", everyMs: 60_000, run: (now) => tallyMessages(deps.db, now) },
  ];
  if (options.idleCloseMinutes > 0) {
    const idleMs = options.idleCloseMinutes * 60_000;
    jobs.push({ name: "close idle sessions", everyMs: 60_000, run: (now) => closeIdleSessions(deps, idleMs, now) });
  }
  if (options.retentionDays > 0) {
    const ageMs = options.retentionDays * DAY_MS;
    jobs.push({
      name: "archive old messages",
      everyMs: 10 * 60_000,
      run: async (now) => {
        const run = await archiveOldMessages(deps.db, { olderThan: new Date(now.getTime() - ageMs) });
        if (run.archived) logger.info(run, "archived old messages");
      },
    });
  }

  const timers = jobs.map((job) => {
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      job
        .run(new Date())
        .catch((error: unknown) => logger.error({ err: error, job: job.name }, "background job failed"))
        .finally(() => (running = false));
    }, job.everyMs);
    timer.unref();
    return timer;
  });
  return () => timers.forEach(clearInterval);
}
