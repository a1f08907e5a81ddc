import type { ChildProcess } from "node:child_process";
import { once } from "node:events";

const GRACEFUL_STOP_MS = 15_000;

/** Asks a server to stop (SIGTERM, or `gracefully`), and kills it if it has not within the limit. */
export async function stopChild(child: ChildProcess, gracefully?: () => Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  const killer = setTimeout(() => child.kill("SIGKILL"), GRACEFUL_STOP_MS);
  try {
    if (gracefully) await gracefully();
    else child.kill("SIGTERM");
    await exited;
  } finally {
    clearTimeout(killer);
  }
}
