/**
 * The messaging benchmark (`pnpm bench`): Parley's real server against a raw `ws` floor
 * doing the same insert and broadcast, on a fresh PostgreSQL database, driven by the same
 * open-loop load generator. See bench/README.md.
 */
import { createBenchDatabase } from "../common/bench-database";
import { runBenchmark } from "../common/run-benchmark";
import { progress, say } from "../common/terminal";
import { readOptions } from "./options";
import { createPairs } from "./people";
import { printReport } from "./report";
import { benchTarget, type TargetReport } from "./scenario";

const parsed = readOptions(process.argv.slice(2), process.env);
await runBenchmark(parsed, "everything the benchmark started is stopped", async ({ options, startedAt, teardown }) => {
  say(
    `Parley messaging benchmark: ${options.clients} clients (${options.clients / 2} pairs), ${options.rate} msg/s for ` +
      `${options.durationMs / 1000} s; ${options.workers} generator processes; Redis ${options.redisUrl ? "on" : "off"}`,
  );
  const database = await createBenchDatabase(options.adminDatabaseUrl, teardown);
  progress(startedAt, `bench database ready; creating ${options.clients / 2} customers and agents`);
  const pairs = await createPairs(database.db, options.clients / 2);

  const reports: TargetReport[] = [];
  for (const name of options.targets) {
    reports.push(await benchTarget(name, { options, pairs, databaseUrl: database.url, teardown, startedAt }));
  }
  printReport(options, reports);
});
