import type { Sql } from "postgres";

import { perMessage, sampleActivity, type ActivityPerMessage } from "./database-activity";
import type { LoadGenerator } from "./generator/load-generator";
import type { RunResult } from "./generator/protocol";
import { takeServerStalls, type ServerStalls } from "./server-stalls";
import { coresUsed, readCpu, type CoresUsed, type CpuReading } from "../common/process-meter";
import { distribution, type Distribution } from "../common/stats";
import type { Target } from "./targets/target";

/** What one run at one rate showed. */
export interface StepReport {
  rate: number;
  durationMs: number;
  result: Omit<RunResult, "latenciesMs" | "ackLatenciesMs" | "sendLagMs">;
  /** Send to arrival on the other side of the pair. */
  latency: Distribution;
  /** Send to the server's answer to the sender. */
  ackLatency: Distribution;
  /** How late the generator sent against its schedule. */
  sendLag: Distribution;
  /** Messages per second that reached the other side within the run. */
  throughput: number;
  /** Rows the run added to the target's message table. */
  persisted: number;
  /** Average cores busy while sending. */
  cores: CoresUsed;
  /** Database work per message, measured mid-run (main runs only). */
  activity: ActivityPerMessage | null;
  /** The server's event-loop delay and garbage-collection pauses while sending. */
  serverStalls: ServerStalls | null;
  /** Why the rate is not sustainable; empty when it is. */
  shortfalls: string[];
}

export interface StepContext {
  target: Target;
  generator: LoadGenerator;
  /** A connection of the bench's own to the bench database, for counting and statistics. */
  monitor: Sql;
  databaseName: string;
  graceMs: number;
  p99LimitMs: number;
}

/** Lead time so every generator process has the command before the shared start. */
const START_LEAD_MS = 500;

export async function runStep(context: StepContext, rate: number, durationMs: number, withActivity: boolean): Promise<StepReport> {
  const { target, generator, monitor } = context;
  const table = target.messagesTable;
  const rowsBefore = (await sampleActivity(monitor, table)).rows;
  await takeServerStalls(target); // counting starts afresh for this run
  const startAt = Date.now() + START_LEAD_MS;

  const at = <T>(epochMs: number, read: () => T | Promise<T>) =>
    new Promise<T>((resolve, reject) => setTimeout(() => Promise.resolve().then(read).then(resolve, reject), Math.max(0, epochMs - Date.now())));
  const cpu = (): CpuReading => readCpu({ serverPid: target.pid, generatorPids: generator.pids, databaseName: context.databaseName });
  const cpuStart = at(startAt, cpu);
  const cpuEnd = at(startAt + durationMs, cpu);
  const stallsEnd = at(startAt + durationMs, () => takeServerStalls(target));
  const activityStart = withActivity ? at(startAt + durationMs * 0.3, () => sampleActivity(monitor, table)) : null;
  const activityEnd = withActivity ? at(startAt + durationMs * 0.9, () => sampleActivity(monitor, table)) : null;

  const run = await generator.run({ rate, durationMs, startAt, graceMs: context.graceMs });
  const rowsAfter = (await sampleActivity(monitor, table)).rows;
  const activity = activityStart && activityEnd ? perMessage(await activityStart, await activityEnd) : null;

  const { latenciesMs, ackLatenciesMs, sendLagMs, ...result } = run;
  const report: StepReport = {
    rate,
    durationMs,
    result,
    latency: distribution(latenciesMs),
    ackLatency: distribution(ackLatenciesMs),
    sendLag: distribution(sendLagMs),
    throughput: result.deliveredInWindow / (durationMs / 1000),
    persisted: rowsAfter - rowsBefore,
    cores: coresUsed(await cpuStart, await cpuEnd),
    activity,
    serverStalls: await stallsEnd,
    shortfalls: [],
  };
  report.shortfalls = shortfallsOf(report, context.p99LimitMs);
  return report;
}

/** A rate is sustainable when nothing is lost or refused, p99 holds, and the rate is really reached. */
function shortfallsOf(step: StepReport, p99LimitMs: number): string[] {
  const { result } = step;
  const shortfalls: string[] = [];
  if (result.lost) shortfalls.push(`${result.lost} lost`);
  const rejected = Object.entries(result.rejected).map(([code, count]) => `${count} ${code}`);
  if (rejected.length) shortfalls.push(`rejected: ${rejected.join(", ")}`);
  if (result.unanswered) shortfalls.push(`${result.unanswered} unanswered`);
  if (result.shed) shortfalls.push(`${result.shed} not sent (server overwhelmed)`);
  if (!(step.latency.p99 <= p99LimitMs)) shortfalls.push(`p99 ${step.latency.p99.toFixed(1)} ms > ${p99LimitMs} ms`);
  if (step.throughput < 0.95 * step.rate) shortfalls.push(`reached ${Math.round(step.throughput)}/s < 95% of ${step.rate}/s`);
  return shortfalls;
}
