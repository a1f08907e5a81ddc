/**
 * The reports benchmark (`pnpm bench:reports`): loads a year of a busy desk (100,000
 * sessions, 1,000,000 messages) into a fresh database on the real PostgreSQL, then times
 * every report procedure, called as the server calls it for an admin, over the dashboard's
 * default period (the last 30 days), its longest preset (90 days) and the whole year.
 * Budget: 100 ms at the median over the dashboard's presets.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import {
  appRouter,
  createBus,
  createCallerFactory,
  createRateLimits,
  LocalDiskStorage,
  MemoryPresenceStore,
  openReportExport,
  PresenceTracker,
  SocketRegistry,
  UnreadRecounter,
  tallyMessages,
  type Context,
} from "@parley/api";
import { sql } from "@parley/db";
import { createTestDatabase } from "@parley/db/testing";
import postgres from "postgres";

import { DEFAULT_SIZE, loadDataset } from "./load-dataset";
import { percentile } from "./percentiles";
import { reportCalls, type Period, type ReportsCaller } from "./procedures";

const BUDGET_MS = 100;
const WARM_UP_RUNS = 3;

const { values: options } = parseArgs({
  options: {
    "database-url": { type: "string", default: process.env.BENCH_ADMIN_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test" },
    runs: { type: "string", default: "30" },
    sessions: { type: "string", default: String(DEFAULT_SIZE.sessions) },
    keep: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});
const print = (line: string) => process.stdout.write(`${line}\n`);
if (options.help) {
  print(`pnpm bench:reports [--database-url URL] [--runs N] [--sessions N]
  --database-url  a PostgreSQL server; a fresh database is made on it and dropped afterwards
  --runs          timed calls per procedure and period (default 30, after ${WARM_UP_RUNS} warm-up calls)
  --sessions      sessions to load, ten messages each (default ${DEFAULT_SIZE.sessions})
  --keep          keep the bench database afterwards (to EXPLAIN queries on it); drop it by hand`);
  process.exit(0);
}
const runs = Number(options.runs);
const size = { ...DEFAULT_SIZE, sessions: Number(options.sessions) };
const started = performance.now();
const say = (line: string) => print(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);

const database = await createTestDatabase(options["database-url"]);
const dropDatabase = () => (options.keep ? database.close() : database.dispose()).catch(() => {});
process.once("SIGINT", () => void dropDatabase().then(() => process.exit(130)));
const uploads = mkdtempSync(path.join(tmpdir(), "parley-bench-reports-"));

const exitCode = await benchmark().then(
  (overBudget) => (overBudget ? 1 : 0),
  (error: unknown) => {
    console.error("\nThe benchmark failed:", error);
    return 1;
  },
);
await dropDatabase();
rmSync(uploads, { recursive: true, force: true });
say(options.keep ? `bench database kept: ${database.url}` : "bench database dropped");
process.exit(exitCode);

/** Loads the desk and times every procedure; true when a median over the dashboard's periods is over budget. */
async function benchmark(): Promise<boolean> {
  if (!database.url) throw new Error("The reports benchmark needs a PostgreSQL server (DATABASE_URL or --database-url).");
  say(`fresh database ${database.location}; loading ${size.sessions} sessions x ${size.messagesPerSession} messages over ${size.days} days`);
  const loader = postgres(database.url, { max: 1, onnotice: () => {} });
  const now = new Date();
  const dataset = await loadDataset(loader, size, now, (step) => say(`loading ${step}`)).finally(() => loader.end());
  say(`loaded ${Object.entries(dataset.counts).map(([name, count]) => `${count.toLocaleString("en")} ${name.replace("_", " ")}`).join(", ")}`);
  // What the server's job has done by the time an admin looks: every settled quarter hour tallied.
  const tally = await tallyMessages(database.db, now);
  await database.db.execute(sql`vacuum analyze message_tallies`);
  say(`tallied ${tally.rows.toLocaleString("en")} session-quarters of messages, as the server's job does`);

  const bus = createBus(null, "bench");
  const context: Context = {
    db: database.db,
    databaseDriver: "postgres",
    authSecret: "bench-secret-not-used-for-anything-0123456789",
    rateLimits: createRateLimits(null),
    sockets: new SocketRegistry(),
    bus,
    presence: new PresenceTracker({ db: database.db, bus, store: new MemoryPresenceStore() }),
    unreadRecounter: new UnreadRecounter({ db: database.db, bus }, { onError: (error) => console.error(error) }),
    storage: new LocalDiskStorage(uploads),
    startedAt: new Date(),
    version: "bench",
    request: { headers: new Headers(), ip: "127.0.0.1", transport: "http" },
    viewer: { kind: "user", id: dataset.adminId, role: "admin", isVisitor: false },
  };
  const reports = createCallerFactory(appRouter)(context).reports as unknown as ReportsCaller;

  // The dashboard's default and its longest preset, which the budget is for; then the year, for scale.
  const dashboardPeriods = [lastDays(30, "last 30 days"), lastDays(90, "last 90 days")];
  const periods = [...dashboardPeriods, lastDays(size.days, `last ${size.days} days`)];
  const results = new Map<string, Map<string, number[]>>();
  for (const period of periods) {
    for (const { name, call } of reportCalls(period, dataset)) {
      for (let i = 0; i < WARM_UP_RUNS; i++) await call(reports);
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const callStarted = performance.now();
        await call(reports);
        times.push(performance.now() - callStarted);
      }
      if (!results.has(name)) results.set(name, new Map());
      results.get(name)!.set(period.name, times);
    }
    say(`timed ${period.name}`);
  }
  const overBudget = printTable(periods, dashboardPeriods, results);
  await measureExport(context, periods.at(-1)!);
  return overBudget;
}

/**
 * The session list of the whole period through the CSV export's row source, as the HTTP
 * route drains it: how fast, and how much the heap grows while a year of rows goes by.
 */
async function measureExport(context: Context, period: Period): Promise<void> {
  // With --expose-gc (the pnpm script passes it) the heap is measured after collections: what is really held.
  const collect = () => {
    global.gc?.();
    return process.memoryUsage().heapUsed;
  };
  const heapBefore = collect();
  let heapPeak = heapBefore;
  const exportStarted = performance.now();
  const table = await openReportExport(context, context.viewer, "sessions", { from: period.from, to: period.to, timeZone: "Europe/Paris" });
  let rows = 0;
  for await (const _row of table.rows) {
    if (++rows % 10_000 === 0) heapPeak = Math.max(heapPeak, collect());
  }
  const seconds = (performance.now() - exportStarted) / 1000;
  print(
    `sessions.csv for the ${period.name}: ${rows.toLocaleString("en")} rows in ${seconds.toFixed(1)} s ` +
      `(${Math.round(rows / seconds).toLocaleString("en")} rows/s); the heap held at most ` +
      `${((heapPeak - heapBefore) / 1_048_576).toFixed(1)} MB more than before${global.gc ? "" : " (run with --expose-gc for a true figure)"}.`,
  );
}

/** The last `days` days up to today, as the dashboard's date pickers send them (in the admin's zone). */
function lastDays(days: number, name: string): Period {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date());
  const from = new Date(`${today}T00:00:00Z`);
  from.setUTCDate(from.getUTCDate() - (days - 1));
  return { name, from: from.toISOString().slice(0, 10), to: today };
}

/**
 * Prints p50 and p95 per procedure and period, with the machine's load (other work on it
 * slows every figure). The budget holds over the dashboard's periods; the year is there to
 * show how the reports grow with the range. True when over budget.
 */
function printTable(periods: Period[], budgeted: Period[], results: Map<string, Map<string, number[]>>): boolean {
  const header = ["procedure", ...periods.flatMap((period) => [`${period.name} p50`, "p95"]), `p50 < ${BUDGET_MS} ms up to ${budgeted.at(-1)!.name}`];
  const rows: string[][] = [];
  let overBudget = false;
  for (const [name, byPeriod] of results) {
    const cells = [name];
    for (const period of periods) {
      const times = byPeriod.get(period.name) ?? [];
      cells.push(`${percentile(times, 0.5).toFixed(1)} ms`, `${percentile(times, 0.95).toFixed(1)} ms`);
    }
    const within = budgeted.every((period) => percentile(byPeriod.get(period.name) ?? [], 0.5) < BUDGET_MS);
    overBudget ||= !within;
    cells.push(within ? "yes" : "NO");
    rows.push(cells);
  }
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  ");
  print(`\n${line(header)}\n${widths.map((width) => "-".repeat(width)).join("  ")}`);
  for (const row of rows) print(line(row));
  const [oneMinute, fiveMinutes] = loadavg();
  print(
    `\n${runs} timed calls per cell after ${WARM_UP_RUNS} warm-up calls, one at a time, through the tRPC caller (input and output ` +
      `validation included). Load average at the end: ${oneMinute!.toFixed(1)} (1 min), ${fiveMinutes!.toFixed(1)} (5 min) on ${availableParallelism()} cores.`,
  );
  return overBudget;
}
