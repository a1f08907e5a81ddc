import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

/** The secret the test server shares with the test's own session cookies and tokens. */
export const TEST_AUTH_SECRET = "test-secret-for-parley-tests-only-0123456789";

/**
 * Redis keys of this test run: servers of one run share them (as a deployment's processes
 * do), and rate-limit budgets do not carry over from an earlier run.
 */
export const TEST_RUN_REDIS_PREFIX = `parley-test-${process.pid}-${Date.now()}`;

const serverDir = fileURLToPath(new URL("../..", import.meta.url));

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Every log line the server printed, parsed. */
  logs: Array<Record<string, unknown>>;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Runs apps/server as its own process, exactly as `pnpm start` does, on a free port,
 * and resolves once it logs that it listens. The tests then talk to it over the network.
 */
export async function startServerProcess(env: Record<string, string | undefined> = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: serverDir,
    env: {
      ...process.env,
      NODE_ENV: "test",
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
      DATA_DIR: "memory",
      SEED_DEMO_DATA: "false",
      AUTH_SECRET: TEST_AUTH_SECRET,
      REDIS_KEY_PREFIX: TEST_RUN_REDIS_PREFIX,
      MESSAGES_PER_MINUTE: "100000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });

  const logs: ServerProcess["logs"] = [];
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time\n${stderr}`)), 90_000);
    createInterface({ input: child.stdout! }).on("line", (line) => {
      try {
        const entry = JSON.parse(line) as Record<string, unknown>;
        logs.push(entry);
        if (entry.msg === "parley server listening") {
          clearTimeout(timer);
          resolve(String(entry.url));
        }
      } catch {
        // not a log line
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening\n${stderr}`));
    });
  });

  return {
    url,
    child,
    logs,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      const [code] = (await exited) as [number | null];
      return code;
    },
  };
}
