import type { CoresUsed } from "../common/process-meter";
import { distribution } from "../common/stats";
import { say } from "../common/terminal";
import type { ExplainedCase } from "./explain";
import type { HistoryOptions } from "./options";
import type { LoadedConversation } from "./load-conversation";
import type { PageCase } from "./page-cases";

/** The target: a page from a conversation of 100,000 messages in single-digit milliseconds. */
const TARGET = { messages: 100_000, pageSize: 50, underMs: 10 };

const ms = (value: number) => value.toFixed(2);

export function printHistoryReport(
  options: HistoryOptions,
  run: { loaded: LoadedConversation; cases: PageCase[]; timings: Float64Array[]; cores: CoresUsed; explained: ExplainedCase[] },
): void {
  const { loaded, cases, timings, explained } = run;
  const rows = cases.map((pageCase, index) => {
    const stats = distribution(timings[index]!);
    const mean = timings[index]!.reduce((sum, value) => sum + value, 0) / timings[index]!.length;
    return { pageCase, ...stats, mean };
  });

  say();
  say(
    `readHistory, pages of ${options.pageSize}, in a conversation of ${loaded.messageCount.toLocaleString("en")} messages ` +
      `(${loaded.internalCount.toLocaleString("en")} private notes), ${options.iterations} timed calls each (ms):`,
  );
  const labelWidth = Math.max(...rows.map((row) => row.pageCase.label.length)) + 2;
  const header = ["viewer".padEnd(10), "page".padEnd(labelWidth), ...["p50", "p99", "max", "mean"].map((name) => name.padStart(8))];
  say(`  ${header.join("")}`);
  for (const row of rows) {
    const cells = [row.pageCase.viewer.padEnd(10), row.pageCase.label.padEnd(labelWidth), ...[row.p50, row.p99, row.max, row.mean].map((value) => ms(value).padStart(8))];
    say(`  ${cells.join("")}`);
  }
  say(
    `  cores while timing: this process ${run.cores.server.toFixed(2)}, PostgreSQL ${run.cores.database.toFixed(2)}, ` +
      `other programs ${run.cores.others.toFixed(2)}, the hypervisor (steal) ${run.cores.stolen.toFixed(2)} (busy neighbours stretch the tail)`,
  );

  for (const entry of explained) {
    say();
    say(`EXPLAIN ANALYZE, ${entry.pageCase.viewer}, ${entry.pageCase.label}:`);
    for (const line of entry.plan) say(`  ${line}`);
    say(`  generic plan (a prepared statement after five calls):`);
    for (const line of entry.genericPlan) say(`    ${line}`);
  }

  const worstP50 = Math.max(...rows.map((row) => row.p50));
  const worstP99 = Math.max(...rows.map((row) => row.p99));
  const indexed = explained.every((entry) => entry.usesSeqIndex);
  const fullSize = loaded.messageCount >= TARGET.messages && options.pageSize >= TARGET.pageSize;
  const mark = (ok: boolean) => (ok ? "met   " : "missed");
  say();
  say(fullSize ? "Target (real PostgreSQL):" : `Target (judged at ${TARGET.messages.toLocaleString("en")} messages and pages of ${TARGET.pageSize}; this run is smaller):`);
  say(`  ${mark(worstP50 < TARGET.underMs)} a page in single-digit milliseconds, typically: the slowest case's p50 is ${ms(worstP50)} ms`);
  say(`  ${mark(worstP99 < TARGET.underMs)} ... and 99 calls in 100: the slowest case's p99 is ${ms(worstP99)} ms`);
  say(`  ${mark(indexed)} every page query reads messages through messages_conversation_seq_idx, with no scan of the table (both plans)`);
}
