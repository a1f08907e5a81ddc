import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";

import { preparingStatements } from "./prepared-statements";
import * as schema from "./schema";

export type Schema = typeof schema;
/** The Drizzle client the rest of Parley codes against, whichever driver is underneath. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

export type DatabaseDriver = "postgres" | "pglite";

export interface DatabaseHandle {
  db: Database;
  driver: DatabaseDriver;
  /**
   * Runs `work` on one connection held for its whole duration, for session-level
   * state such as advisory locks. PGlite has a single connection anyway.
   */
  withConnection<T>(work: (db: Database) => Promise<T>): Promise<T>;
  /** Where the data lives, with any password removed: safe to log. */
  location: string;
  close(): Promise<void>;
}

export interface CreateDbOptions {
  /** A PostgreSQL URL. Without one, Parley runs on an embedded PGlite. */
  url?: string;
  /** PGlite only: a folder to keep the data in, or "memory" for a throwaway database. */
  dataDir?: string;
  /** postgres.js pool size. */
  maxConnections?: number;
}

/** The embedded database's folder: `.data/pglite` at the repository root, wherever a command runs from. */
export const EMBEDDED_DATA_DIR = fileURLToPath(new URL("../../../.data/pglite", import.meta.url));

export function createDb(options: CreateDbOptions = {}): DatabaseHandle {
  if (options.url) return createPostgresDb(options.url, options.maxConnections ?? 10);
  return createPgliteDb(options.dataDir ?? EMBEDDED_DATA_DIR);
}

function createPostgresDb(url: string, max: number): DatabaseHandle {
  const client = postgres(url, {
    max,
    onnotice: () => {},
  });
  const db = drizzlePostgres(preparingStatements(client), { schema }) as unknown as Database;
  return {
    db,
    driver: "postgres",
    location: redactUrl(url),
    async withConnection(work) {
      const single = postgres(url, { max: 1, onnotice: () => {} });
      try {
        return await work(drizzlePostgres(single, { schema }) as unknown as Database);
      } finally {
        await single.end({ timeout: 5 });
      }
    },
    close: () => client.end({ timeout: 5 }),
  };
}

function createPgliteDb(dataDir: string): DatabaseHandle {
  const inMemory = dataDir === "memory";
  if (!inMemory) mkdirSync(path.resolve(dataDir), { recursive: true });
  const client = inMemory ? new PGlite() : new PGlite(path.resolve(dataDir));
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return {
    db,
    driver: "pglite",
    withConnection: (work) => work(db),
    location: inMemory ? "pglite (in memory)" : `pglite (${path.resolve(dataDir)})`,
    close: () => client.close(),
  };
}

/** Round-trip time of a trivial query, in milliseconds. */
export async function pingDb(db: Database): Promise<number> {
  const started = performance.now();
  await db.execute(sql`select 1`);
  return performance.now() - started;
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "postgres (unparseable url)";
  }
}
