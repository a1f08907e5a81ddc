/**
 * `pnpm --filter @parley/db seed [--reset] [--scale <n>]`
 *
 * Fills a database with the demo workspace: PostgreSQL when DATABASE_URL is set, else
 * the embedded database the server uses (.data/pglite at the repository root).
 */
import { rmSync } from "node:fs";
import { parseArgs } from "node:util";

import cliProgress from "cli-progress";
import { sql } from "drizzle-orm";

import { createDb, EMBEDDED_DATA_DIR, type DatabaseHandle } from "../client";
import { migrateDb } from "../migrate";
import { DEMO_LOGINS, type DemoWorkspaceSummary, isDatabaseEmpty, seedDemoWorkspace } from "../seed";


const USAGE = `Usage: pnpm --filter @parley/db seed [--reset] [--scale <n>]

  --reset       wipe the database first (embedded: deletes ${EMBEDDED_DATA_DIR};
                PostgreSQL: drops and recreates the public and drizzle schemas)
  --scale <n>   multiply the number of customers and support sessions (default 1)

Uses DATABASE_URL when set, else the embedded database.`;

interface SeedCommandOptions {
  reset: boolean;
  scale: number;
}

async function main(): Promise<number> {
  const options = readOptions();
  if (!options) return 2;

  const url = process.env.DATABASE_URL || undefined;
  if (options.reset && !url) {
    // The embedded database is only files; deleting them is the cleanest reset, and it
    // sidesteps the audit log's refusal to be truncated. The server must be stopped.
    rmSync(EMBEDDED_DATA_DIR, { recursive: true, force: true });
  }
  const handle = createDb(url ? { url, maxConnections: 2 } : { dataDir: EMBEDDED_DATA_DIR });
  try {
    console.log(`Database: ${handle.location}`);
    if (options.reset && url) await dropEverything(handle);
    await migrateDb(handle);

    if (!(await isDatabaseEmpty(handle.db))) {
      console.error("This database already has accounts, so it was left alone. Run with --reset to wipe it and seed again.");
      return 1;
    }

    const started = performance.now();
    const summary = await seedWithProgressBar(handle, options.scale);
    const seconds = (performance.now() - started) / 1000;
    printSummary(summary, seconds);
    return 0;
  } finally {
    await handle.close();
  }
}

function readOptions(): SeedCommandOptions | null {
  // `pnpm seed -- --reset` passes the separator through; it is not an argument.
  const args = process.argv.slice(2).filter((arg) => arg !== "--");
  try {
    const { values } = parseArgs({
      args,
      options: {
        reset: { type: "boolean", default: false },
        scale: { type: "string", default: "1" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
    const scale = Number(values.scale);
    if (values.help || !(scale > 0)) {
      console.log(USAGE);
      return null;
    }
    return { reset: values.reset, scale };
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    console.log(USAGE);
    return null;
  }
}

/**
 * Drops every Parley table, type and function, and the migration history with them, so
 * that migrations start from scratch. Schemas rather than tables, because the audit log
 * refuses TRUNCATE and DELETE by design.
 */
async function dropEverything(handle: DatabaseHandle): Promise<void> {
  console.log("Resetting: dropping the public and drizzle schemas");
  await handle.db.execute(sql`drop schema if exists drizzle cascade`);
  await handle.db.execute(sql`drop schema if exists public cascade`);
  await handle.db.execute(sql`create schema public`);
}

async function seedWithProgressBar(handle: DatabaseHandle, scale: number): Promise<DemoWorkspaceSummary> {
  const bar = new cliProgress.SingleBar(
    { format: "Seeding [{bar}] {percentage}% | {value}/{total} rows | {stage}", hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  try {
    return await seedDemoWorkspace(handle.db, {
      scale,
      onProgress(done, total, stage) {
        if (!started) {
          bar.start(total, done, { stage });
          started = true;
        } else {
          bar.update(done, { stage });
        }
      },
    });
  } finally {
    if (started) bar.stop();
  }
}

function printSummary(summary: DemoWorkspaceSummary, seconds: number): void {
  console.log(`\nDemo workspace ready in ${seconds.toFixed(1)} s:`);
  console.log(`  ${summary.admins} admin, ${summary.agents} agents in ${summary.teams} teams, ${summary.customers} customers`);
  const { supportSessions, closedSessions, activeSessions, waitingSessions } = summary;
  console.log(
    `  ${supportSessions} support sessions (${closedSessions} closed, ${activeSessions} active, ${waitingSessions} waiting)`,
  );
  console.log(`  ${summary.groupRooms} group rooms, ${summary.directConversations} direct conversations`);
  console.log(
    `  ${summary.messages} messages, ${summary.sessionEvents} session events, ${summary.csatResponses} CSAT ratings`,
  );
  console.log("\nSign in with:");
  const width = Math.max(...DEMO_LOGINS.map((login) => login.email.length));
  for (const login of DEMO_LOGINS) {
    console.log(`  ${login.email.padEnd(width)}  ${login.password}  (${login.role}, ${login.name})`);
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
