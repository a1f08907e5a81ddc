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
/** Where the probe writes profiles of the measured run, when asked for any. */
export interface ProfileDirs {
  cpu?: string;
  heap?: string;
}

export function serverProbeEnv(profileDirs: ProfileDirs = {}): { env: Record<string, string> } & ProbeFiles {
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
  for (const [kind, dir] of [["CPU", profileDirs.cpu], ["HEAP", profileDirs.heap]] as const) {
    if (!dir) continue;
    mkdirSync(dir, { recursive: true });
    env[`BENCH_${kind}_PROFILE_DIR`] = path.resolve(dir);
  }
  return { env, ...files };
}
