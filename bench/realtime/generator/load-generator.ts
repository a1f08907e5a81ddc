import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";

import type { TargetName } from "../options";
import type { PairSpec } from "../people";
import { stopChild } from "../targets/stop-child";
import type { Teardown } from "../../common/teardown";
import type { RunPlan, RunResult, WorkerCommand, WorkerReply } from "./protocol";

const benchDir = path.join(import.meta.dirname, "../..");

/**
 * The load-generator processes, driven together: each command goes to every process
 * and resolves with all their replies. Pairs are dealt out round-robin.
 */
export class LoadGenerator {
  private constructor(
    private readonly workers: Worker[],
    private readonly pairCounts: number[],
  ) {}

  static async start(options: { processes: number; target: TargetName; url: string; pairs: PairSpec[]; teardown: Teardown }) {
    const processes = Math.min(options.processes, options.pairs.length);
    const workers = Array.from({ length: processes }, () => new Worker());
    options.teardown.add("stop the load generators", () => Promise.all(workers.map((worker) => worker.stop())));
    const shares = workers.map((_, index) => options.pairs.filter((_, pairIndex) => pairIndex % processes === index));
    await Promise.all(
      workers.map((worker, workerIndex) =>
        worker.request(
          { type: "configure", workerIndex, target: options.target, url: options.url, pairs: shares[workerIndex]! },
          30_000,
        ),
      ),
    );
    return new LoadGenerator(workers, shares.map((share) => share.length));
  }

  get pids(): number[] {
    return this.workers.map((worker) => worker.pid);
  }

  /** Opens `pairsPerProcess` more pairs in each process; resolves with the sockets open in all. */
  async connect(pairsPerProcess: number): Promise<number> {
    const replies = await Promise.all(this.workers.map((worker) => worker.request({ type: "connect", pairs: pairsPerProcess }, 300_000)));
    return replies.reduce((sum, reply) => sum + (reply.type === "connected" ? reply.sockets : 0), 0);
  }

  async join(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.request({ type: "join" }, 300_000)));
  }

  /** A run at `rate` messages per second in all, shared by the processes in proportion to their pairs. */
  async run(plan: Omit<RunPlan, "rate" | "startAt" | "maxInFlight"> & { rate: number; startAt: number }): Promise<RunResult> {
    const totalPairs = this.pairCounts.reduce((sum, count) => sum + count, 0);
    const limitMs = plan.durationMs + plan.graceMs + 60_000 + Math.max(0, plan.startAt - Date.now());
    const replies = await Promise.all(
      this.workers.map((worker, index) => {
        const rate = (plan.rate * this.pairCounts[index]!) / totalPairs;
        // Five seconds' worth of sends may wait for answers; beyond that the server has fallen over.
        const maxInFlight = Math.max(1000, Math.ceil(rate * 5));
        return worker.request({ type: "run", plan: { ...plan, rate, maxInFlight } }, limitMs);
      }),
    );
    return mergeResults(replies.map((reply) => (reply as Extract<WorkerReply, { type: "ran" }>).result));
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.request({ type: "close" }, 30_000).catch(() => {})));
    await Promise.all(this.workers.map((worker) => worker.stop()));
  }
}

/** One load-generator process and its replies, which come in the order of the commands. */
class Worker {
  readonly #child: ChildProcess;
  readonly #waiting: Array<{ resolve: (reply: WorkerReply) => void; reject: (error: Error) => void }> = [];

  constructor() {
    this.#child = fork(path.join(benchDir, "realtime/generator/load-worker.ts"), [], {
      cwd: benchDir,
      execArgv: ["--import", "tsx"],
      serialization: "advanced",
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    this.#child.on("message", (reply: WorkerReply) => {
      const waiter = this.#waiting.shift();
      if (!waiter) return;
      if (reply.type === "failed") waiter.reject(new Error(`load generator: ${reply.message}`));
      else waiter.resolve(reply);
    });
    this.#child.on("exit", (code, signal) => {
      for (const waiter of this.#waiting.splice(0)) waiter.reject(new Error(`a load generator exited (${code ?? signal})`));
    });
  }

  get pid(): number {
    return this.#child.pid!;
  }

  request(command: WorkerCommand, limitMs: number): Promise<WorkerReply> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`load generator: "${command.type}" took over ${limitMs / 1000} s`)), limitMs);
      this.#waiting.push({
        resolve: (reply) => (clearTimeout(timer), resolve(reply)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      });
      this.#child.send(command);
    });
  }

  stop(): Promise<void> {
    return stopChild(this.#child);
  }
}

function mergeResults(results: RunResult[]): RunResult {
  const rejected: Record<string, number> = {};
  for (const result of results) {
    for (const [code, count] of Object.entries(result.rejected)) rejected[code] = (rejected[code] ?? 0) + count;
  }
  const sum = (field: "attempted" | "acknowledged" | "unanswered" | "shed" | "delivered" | "lost" | "deliveredInWindow" | "strays") =>
    results.reduce((total, result) => total + result[field], 0);
  const concat = (field: "latenciesMs" | "ackLatenciesMs" | "sendLagMs") =>
    Float64Array.from(results.flatMap((result) => Array.from(result[field])));
  return {
    attempted: sum("attempted"),
    acknowledged: sum("acknowledged"),
    rejected,
    unanswered: sum("unanswered"),
    shed: sum("shed"),
    delivered: sum("delivered"),
    lost: sum("lost"),
    deliveredInWindow: sum("deliveredInWindow"),
    latenciesMs: concat("latenciesMs"),
    ackLatenciesMs: concat("ackLatenciesMs"),
    sendLagMs: concat("sendLagMs"),
    strays: sum("strays"),
  };
}
