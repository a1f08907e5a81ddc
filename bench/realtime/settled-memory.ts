import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";

import { waitFor } from "./generator/limited";
import { residentBytes } from "../common/process-meter";
import type { Target } from "./targets/target";

export interface MemoryReading {
  /** VmRSS from /proc after a full collection. */
  rssBytes: number;
  /** V8 heap in use after the collection: per-connection objects, without allocator slack. */
  heapUsedBytes: number | null;
}

/**
 * The server's memory once it is idle and has collected its garbage: the probe inside it
 * runs a full collection on SIGUSR2 and writes its figures; resident memory is read after.
 */
export async function settledMemory(target: Target): Promise<MemoryReading> {
  rmSync(target.memoryReportPath, { force: true });
  // Let the last replies and timers of the phase before finish first.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  writeFileSync(target.probeCommandPath, "memory");
  process.kill(target.pid, "SIGUSR2");
  const reported = await waitFor(() => existsSync(target.memoryReportPath), 10_000);
  await new Promise((resolve) => setTimeout(resolve, 200));
  let heapUsedBytes: number | null = null;
  if (reported) {
    try {
      heapUsedBytes = (JSON.parse(readFileSync(target.memoryReportPath, "utf8")) as { heapUsed: number }).heapUsed;
    } catch {
      // half-written: RSS alone will do
    }
  }
  return { rssBytes: residentBytes(target.pid) ?? Number.NaN, heapUsedBytes };
}
