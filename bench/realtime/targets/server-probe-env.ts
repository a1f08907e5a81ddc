import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

const PROBE_URL = pathToFileURL(path.join(import.meta.dirname, "../probe/server-probe.js")).href;

/** Where a server's probe writes its readings, and reads which one is asked for. */
export interface ProbeFiles {
  memoryReportPath: string;
  stallReportPath: string;
  probeCommandPath: string;
}

/**
 * Environment for a server under test: Node options that load the probe (with the `gc`
 * it needs), the file its memory readings go to and, when asked, where CPU profiles go.
 */
export function serverProbeEnv(cpuProfileDir?: string): { env: Record<string, string> } & ProbeFiles {
  const folder = mkdtempSync(path.join(tmpdir(), "parley-bench-"));
  const files: ProbeFiles = {
    memoryReportPath: path.join(folder, "memory.json"),
    stallReportPath: path.join(folder, "stalls.json"),
    probeCommandPath: path.join(folder, "command"),
  };
  const env: Record<string, string> = {
    NODE_OPTIONS: [process.env.NODE_OPTIONS, "--expose-gc", `--import=${PROBE_URL}`].filter(Boolean).join(" "),
    BENCH_MEMORY_REPORT: files.memoryReportPath,
    BENCH_STALL_REPORT: files.stallReportPath,
    BENCH_PROBE_COMMAND: files.probeCommandPath,
  };
  if (cpuProfileDir) {
    mkdirSync(cpuProfileDir, { recursive: true });
    env.BENCH_CPU_PROFILE_DIR = path.resolve(cpuProfileDir);
  }
  return { env, ...files };
}
