import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";

import { FLOOR_TABLE } from "../floor/floor-frames";
import { serverProbeEnv } from "./server-probe-env";
import { stopChild } from "./stop-child";
import type { Target } from "./target";

const benchDir = path.join(import.meta.dirname, "../..");
const START_LIMIT_MS = 30_000;

/** The raw `ws` + postgres.js floor (floor/floor-server.ts) as its own process. */
export async function startFloorTarget(options: { databaseUrl: string }): Promise<Target> {
  const probe = serverProbeEnv();
  const child = spawn(process.execPath, ["--import", "tsx", "realtime/floor/floor-server.ts"], {
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
    const timer = setTimeout(() => reject(new Error(`the floor server did not start in time\n${stderr}`)), START_LIMIT_MS);
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
      reject(new Error(`the floor server exited with ${code} before listening\n${stderr}`));
    });
  });

  return {
    name: "floor",
    label: "raw ws floor",
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    memoryReportPath: probe.memoryReportPath,
    stallReportPath: probe.stallReportPath,
    probeCommandPath: probe.probeCommandPath,
    messagesTable: FLOOR_TABLE,
    stop: () => stopChild(child),
  };
}
