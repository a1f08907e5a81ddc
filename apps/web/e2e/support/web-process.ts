import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";

import { TEST_AUTH_SECRET } from "../../../server/test/support/server-process";

const repoRoot = fileURLToPath(new URL("../../../..", import.meta.url));
const webDir = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Builds the web app through turbo, so an unchanged app (for example one CI just built)
 * comes from the cache in a second instead of a fresh `next build`.
 */
export function buildWebApp(): void {
  const result = spawnSync("pnpm", ["exec", "turbo", "run", "build", "--filter=@parley/web", "--output-logs=errors-only"], {
    cwd: repoRoot,
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error(`web build failed with exit code ${result.status}`);
}

export interface WebProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Runs the production build with `next start`, talking to the API at `apiUrl`. It shares
 * the test server's secret, so the server accepts the session cookies it issues.
 */
export async function startWebProcess(port: number, apiUrl: string): Promise<WebProcess> {
  const child = spawn("pnpm", ["exec", "next", "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: webDir,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PARLEY_API_URL: apiUrl,
      PORT: String(port),
      AUTH_SECRET: TEST_AUTH_SECRET,
      AUTH_TRUST_HOST: "true",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));

  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}\n${output}`);
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`web app did not start in time\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  return {
    url,
    child,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, "exit");
      // pnpm exec starts next as a child: signal the whole process group.
      process.kill(-child.pid!, "SIGTERM");
      await exited;
    },
  };
}
