import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";

import { waitFor } from "./generator/limited";
import type { Target } from "./targets/target";

/** How long the server's event loop was held up, and by the garbage collector, in a window. */
export interface ServerStalls {
  /** The event loop's delay, sampled every 10 ms: p99 and the longest. */
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  gcPauses: number;
  gcTotalMs: number;
  gcMaxMs: number;
}

/**
 * What the server's probe counted since it was last asked, and counting afresh from now:
 * asked at the start of a run (the answer thrown away) and at its end, it covers the run.
 * Null when the probe did not answer in time.
 */
export async function takeServerStalls(target: Target): Promise<ServerStalls | null> {
  rmSync(target.stallReportPath, { force: true });
  writeFileSync(target.probeCommandPath, "stalls");
  process.kill(target.pid, "SIGUSR2");
  if (!(await waitFor(() => existsSync(target.stallReportPath), 5_000))) return null;
  // Written in one call, but possibly seen before it is complete: read again once if so.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      return JSON.parse(readFileSync(target.stallReportPath, "utf8")) as ServerStalls;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return null;
}
