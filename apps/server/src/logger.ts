import pino from "pino";

import type { ServerEnv } from "./env";

export type Logger = pino.Logger;

/** JSON lines in production; readable lines when a person watches the terminal. */
export function createLogger(env: Pick<ServerEnv, "LOG_LEVEL" | "NODE_ENV">): Logger {
  const pretty = env.NODE_ENV === "development" && process.stdout.isTTY;
  return pino({
    name: "parley-server",
    level: env.LOG_LEVEL,
    redact: ["req.headers.cookie", "req.headers.authorization"],
    transport: pretty ? { target: "pino-pretty", options: { translateTime: "SYS:HH:MM:ss" } } : undefined,
  });
}
