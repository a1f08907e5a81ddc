import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

const PROBE_URL = pathToFileURL(path.join(import.meta.dirname, "../probe/server-probe.js")).href;

/**
 * Environment for a server under test: Node options that load the probe (with the `gc`
 * it needs), the file its memory readings go to and, when asked, where CPU profiles go.
 */
export function serverProbeEnv(cpuProfileDir?: string): { env: Record<string, string>; memoryReportPath: string } {
  const memoryReportPath = path.join(mkdtempSync(path.join(tmpdir(), "parley-bench-")), "memory.json");
  const env: Record<string, string> = {
    NODE_OPTIONS: [process.env.NODE_OPTIONS, "--expose-gc", `--import=${PROBE_URL}`].filter(Boolean).join(" "),
    BENCH_MEMORY_REPORT: memoryReportPath,
  };
  if (cpuProfileDir) {
    mkdirSync(cpuProfileDir, { recursive: true });
    env.BENCH_CPU_PROFILE_DIR = path.resolve(cpuProfileDir);
  }
  return { env, memoryReportPath };
}
