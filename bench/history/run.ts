/**
 * The history benchmark (`pnpm bench:history`): the real readHistory service paging a
 * conversation of 100,000 messages on a fresh PostgreSQL database, newest page, older
 * and newer from the middle, as a customer and as an agent; p50 and p99 of many calls and
 * EXPLAIN ANALYZE of the page query. See bench/README.md.
 */
import postgres from "postgres";

import { createBenchDatabase } from "../common/bench-database";
import { runBenchmark } from "../common/run-benchmark";
import { progress, say } from "../common/terminal";
import { explainCases } from "./explain";
import { assertConversationValid, loadConversation } from "./load-conversation";
import { readHistoryOptions } from "./options";
import { pageCases } from "./page-cases";
import { printHistoryReport } from "./report";
import { timePages } from "./time-pages";

const parsed = readHistoryOptions(process.argv.slice(2), process.env);
await runBenchmark(parsed, "the bench database is dropped", async ({ options, startedAt, teardown }) => {
  say(`Parley history benchmark: ${options.messages} messages in one conversation, pages of ${options.pageSize}, ${options.iterations} calls per case`);
  const database = await createBenchDatabase(options.adminDatabaseUrl, teardown);
  const sql = postgres(database.url, { max: 1, onnotice: () => {} });
  teardown.add("close the loading connection", () => sql.end({ timeout: 5 }));

  progress(startedAt, "bench database ready; opening a session and loading its messages");
  const loaded = await loadConversation(database.db, sql, options.messages);
  await assertConversationValid(sql, loaded);
  progress(startedAt, `${loaded.messageCount} messages loaded and checked (seq and event_seq 1..${loaded.messageCount}); timing pages`);

  const cases = pageCases(loaded, options.pageSize);
  const databaseName = new URL(database.url).pathname.slice(1);
  const { timings, cores } = await timePages(database.db, loaded, cases, { iterations: options.iterations, databaseName });
  progress(startedAt, "timed; explaining the page queries");
  const explained = await explainCases(database.url, sql, loaded, cases.filter((pageCase) => pageCase.viewer === "customer"));
  printHistoryReport(options, { loaded, cases, timings, cores, explained });
});
