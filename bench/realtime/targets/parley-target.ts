import { startServerProcess } from "../../../apps/server/test/support/server-process";
import { serverProbeEnv, type ProfileDirs } from "./server-probe-env";
import type { Target } from "./target";
import { stopChild } from "./stop-child";

/** pino's level number for "error" (and above it, "fatal"). */
const PINO_ERROR = 50;

/**
 * The real Parley server, started exactly as the server tests start it (its own process,
 * `src/main.ts`), on the bench database, with the message rate limit out of the way.
 */
export async function startParleyTarget(options: {
  databaseUrl: string;
  redisUrl: string | undefined;
  profileDirs: ProfileDirs;
}): Promise<Target> {
  const probe = serverProbeEnv(options.profileDirs);
  const server = await startServerProcess({
    NODE_ENV: "production",
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    // The limit guards against abuse; every bench customer sends from 127.0.0.1.
    MESSAGES_PER_MINUTE: "10000000",
    // "info" is what announces the listening URL; nothing logs per message at that level.
    LOG_LEVEL: "info",
    ...probe.env,
  });
  return {
    name: "parley",
    label: "Parley",
    url: server.url.replace("localhost", "127.0.0.1"),
    pid: server.child.pid!,
    memoryReportPath: probe.memoryReportPath,
    stallReportPath: probe.stallReportPath,
    probeCommandPath: probe.probeCommandPath,
    messagesTable: "messages",
    toggleProfiles:
      options.profileDirs.cpu || options.profileDirs.heap ? () => process.kill(server.child.pid!, "SIGWINCH") : undefined,
    loggedErrors: () => server.logs.filter((entry) => Number(entry.level) >= PINO_ERROR).map(describeLogEntry),
    stop: () => stopChild(server.child, () => server.stop()),
  };
}

function describeLogEntry(entry: Record<string, unknown>): string {
  const error = entry.err as { message?: string } | undefined;
  const where = typeof entry.path === "string" ? ` (${entry.path})` : "";
  return `${String(entry.msg)}${where}${error?.message ? `: ${error.message}` : ""}`;
}
