import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";

import { HEAP_GROWTH_FLAG } from "../../../apps/server/src/heap-growth";
import { FLOOR_TABLE, TRPC_FLOOR_TABLE } from "../floor/floor-frames";
import { serverProbeEnv } from "./server-probe-env";
import { stopChild } from "./stop-child";
import type { Target } from "./target";

const benchDir = path.join(import.meta.dirname, "../..");
const START_LIMIT_MS = 30_000;

const FLOORS = {
  floor: { label: "raw ws floor", script: "realtime/floor/floor-server.ts", messagesTable: FLOOR_TABLE },
  "trpc-floor": { label: "tRPC floor", script: "realtime/floor/trpc-floor-server.ts", messagesTable: TRPC_FLOOR_TABLE },
} as const;

/**
 * A floor as its own process: the raw `ws` + postgres.js floor (floor/floor-server.ts) or
 * the same work on Parley's transport (floor/trpc-floor-server.ts), with the same V8
 * heap growth as Parley's server (`apps/server/src/heap-growth.ts`).
 */
export async function startFloorTarget(options: { name: keyof typeof FLOORS; databaseUrl: string }): Promise<Target> {
  const floor = FLOORS[options.name];
  const probe = serverProbeEnv();
  // The garbage collector's setting Parley's server gives itself, so that the comparison
  // prices the work per message and not a runtime setting only one side has.
  const child = spawn(process.execPath, [HEAP_GROWTH_FLAG, "--import", "tsx", floor.script], {
    cwd: benchDir,
    env: {
      ...process.env,
      ...probe.env,
      DATABASE_URL: options.databaseUrl,
    },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-10_000)));

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the ${floor.label} server did not start in time\n${stderr}`)), START_LIMIT_MS);
    createInterface({ input: child.stdout! }).on("line", (line) => {
      try {
        const { listening } = JSON.parse(line) as { listening?: number };
        if (listening) {
          clearTimeout(timer);
          resolve(listening);
        }
      } catch {
        // not our line
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the ${floor.label} server exited with ${code} before listening\n${stderr}`));
    });
  });

  return {
    name: options.name,
    label: floor.label,
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    memoryReportPath: probe.memoryReportPath,
    stallReportPath: probe.stallReportPath,
    probeCommandPath: probe.probeCommandPath,
    messagesTable: floor.messagesTable,
    stop: () => stopChild(child),
  };
}
