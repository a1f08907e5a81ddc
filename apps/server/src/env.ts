import path from "node:path";

import { EMBEDDED_DATA_DIR } from "@parley/db";
import { z } from "zod";

/** Next to the embedded database: `.data/uploads` at the repository root. */
const DEFAULT_UPLOADS_DIR = path.join(path.dirname(EMBEDDED_DATA_DIR), "uploads");

const booleanFlag = z
  .enum(["true", "false", "1", "0"])
  .transform((value) => value === "true" || value === "1");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  HOST: z.string().default("0.0.0.0"),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3001),
  /** The address people and the web app reach this server at; used in the API document and logs. */
  PUBLIC_URL: z.url().optional(),
  /** Browsers on this origin may call the API with credentials. */
  WEB_ORIGIN: z.url().default("http://localhost:3000"),
  /** A PostgreSQL URL. Without it Parley runs on the embedded PGlite under DATA_DIR. */
  DATABASE_URL: z.url().optional(),
  /** "memory" keeps the embedded database in memory only. */
  DATA_DIR: z.string().default(EMBEDDED_DATA_DIR),
  /** Fill an empty embedded database with the demo workspace on start. */
  SEED_DEMO_DATA: booleanFlag.default(true),
  REDIS_URL: z.url().optional(),
  /** Every Redis key starts with this, so deployments can share one Redis. */
  REDIS_KEY_PREFIX: z.string().regex(/^[\w.-]+$/).default("parley"),
  /** Shared with the web app's Auth.js: decrypts its session cookies and signs visitor tokens. */
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters; `openssl rand -base64 32` makes one."),
  /** Messages one person or API key may send per minute (and 5x that from one IP address). */
  MESSAGES_PER_MINUTE: z.coerce.number().int().positive().default(120),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Largest tRPC or REST request body, in bytes. */
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(1_000_000),
  /** The folder uploaded files are kept in. */
  UPLOADS_DIR: z.string().default(DEFAULT_UPLOADS_DIR),
  /** Largest file that may be uploaded, in bytes (25 MB). */
  MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(25 * 1024 * 1024),
  /** Close a support session after this many minutes without a message; 0 never does. */
  AUTO_CLOSE_IDLE_MINUTES: z.coerce.number().int().min(0).default(0),
  /** Archive messages older than this many days (they stay exportable); 0 keeps every message live. */
  RETENTION_DAYS: z.coerce.number().int().min(0).default(90),
  /**
   * Proxies whose `X-Forwarded-For` names the real caller (for per-address rate limits):
   * `loopback` covers the web app on the same machine; a comma-separated list of
   * addresses or CIDR ranges, or `none`.
   */
  TRUST_PROXY: z.string().default("loopback"),
  /**
   * Run the background jobs in this process: the assignment sweep, idle close, retention,
   * the reports' message tallies and settling the presence of vanished connections.
   */
  RUN_JOBS: booleanFlag.default(true),
});

export type ServerEnv = z.infer<typeof envSchema>;

/** Reads and checks the environment once; a bad value stops start-up with a clear message. */
export function readEnv(source: Record<string, string | undefined> = process.env): ServerEnv {
  const parsed = envSchema.safeParse(dropEmpty(source));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid server environment:\n${problems.join("\n")}`);
  }
  return parsed.data;
}

/** An empty variable (`REDIS_URL=`) means "not set", as shells and .env files intend. */
function dropEmpty(source: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(source).filter((entry): entry is [string, string] => !!entry[1]));
}
