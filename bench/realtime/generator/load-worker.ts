/**
 * A load-generator process: it owns some pairs' sockets and does what the bench asks,
 * one command at a time (see protocol.ts). Several run side by side so that thousands
 * of sockets are not bound to one event loop. A pair's two sockets live in the same
 * process, so send and receive times come from the same clock.
 */
import type { PairSpec } from "../people";
import { messageBody, type BenchPair, type MessageEvents } from "./bench-pair";
import { FloorPair } from "./floor-pair";
import { MessageLedger } from "./ledger";
import { forEachLimited, waitFor } from "./limited";
import { runOpenLoop } from "./open-loop";
import { ParleyPair } from "./parley-pair";
import type { RunPlan, RunResult, WorkerCommand, WorkerReply } from "./protocol";
import { TrpcFloorPair } from "./trpc-floor-pair";

/** Sockets opened (or sessions joined) at once by one process: enough to be quick, few enough not to flood the accept queue. */
const SETUP_CONCURRENCY = 32;
/** After a run, wait this long at most for the server to answer what is still queued. */
const QUIESCE_LIMIT_MS = 30_000;
/** The warm-up exchange that proves every pair's path must finish within this. */
const WARM_UP_LIMIT_MS = 60_000;

let workerIndex = 0;
let specs: PairSpec[] = [];
let makePair: (spec: PairSpec) => BenchPair = () => {
  throw new Error("not configured");
};
const pairs: BenchPair[] = [];
let ledger: MessageLedger | null = null;
let nextKey = 0;

/** Pairs report here; the current run's ledger (if any) takes it from there. */
const events: MessageEvents = {
  acknowledged: (key, at) => ledger?.acknowledged(key, at),
  rejected: (key, code) => ledger?.rejected(key, code),
  delivered: (key, to, at) => ledger?.delivered(key, to, at),
};

async function handle(command: WorkerCommand): Promise<WorkerReply> {
  switch (command.type) {
    case "configure":
      workerIndex = command.workerIndex;
      specs = command.pairs;
      makePair = (spec) => {
        if (command.target === "parley") return new ParleyPair(command.url, spec, events);
        if (command.target === "trpc-floor") return new TrpcFloorPair(command.url, spec, events);
        return new FloorPair(command.url, spec, events);
      };
      return { type: "configured" };
    case "connect": {
      const batch = specs.slice(pairs.length, pairs.length + command.pairs).map(makePair);
      await forEachLimited(batch, SETUP_CONCURRENCY, async (pair) => {
        await pair.connect();
        pairs.push(pair);
      });
      return { type: "connected", sockets: pairs.length * 2 };
    }
    case "join":
      await forEachLimited(pairs, SETUP_CONCURRENCY, (pair) => pair.join());
      await warmUp();
      return { type: "joined", pairs: pairs.length };
    case "run":
      return { type: "ran", result: await run(command.plan) };
    case "close":
      for (const pair of pairs) pair.close();
      return { type: "closed" };
  }
}

/** One message each way on every pair: code paths warm, and proof each pair delivers. */
async function warmUp(): Promise<void> {
  ledger = new MessageLedger();
  await forEachLimited(pairs, SETUP_CONCURRENCY, async (pair) => {
    for (const side of ["customer", "agent"] as const) {
      const key = `bench-${workerIndex}-${nextKey++}`;
      ledger!.record(key, side, performance.now(), 0);
      pair.send(side, key, messageBody(key));
    }
    await waitFor(() => ledger!.inFlight < SETUP_CONCURRENCY * 2, WARM_UP_LIMIT_MS);
  });
  const settled = await waitFor(() => ledger!.settled, WARM_UP_LIMIT_MS);
  const result = ledger.result(performance.now());
  ledger = null;
  if (!settled || result.delivered !== result.attempted) {
    throw new Error(
      `warm-up: ${result.delivered} of ${result.attempted} messages delivered, rejected ${JSON.stringify(result.rejected)}`,
    );
  }
}

async function run(plan: RunPlan): Promise<RunResult> {
  const current = new MessageLedger();
  ledger = current;
  const count = pairs.length;
  const { windowEndsAt } = await runOpenLoop(plan, (index, scheduledAt) => {
    if (current.inFlight >= plan.maxInFlight) return current.shed();
    // Round-robin over pairs; each pass the other side speaks, so both directions carry half.
    const pair = pairs[index % count]!;
    const from = Math.floor(index / count) % 2 === 0 ? "customer" : "agent";
    const key = `bench-${workerIndex}-${nextKey++}`;
    const now = performance.now();
    current.record(key, from, now, now - scheduledAt);
    pair.send(from, key, messageBody(key));
  });
  await waitFor(() => current.settled, plan.graceMs);
  const result = current.result(windowEndsAt);
  // Let the server finish what it still has queued, so the next run starts on an idle server.
  await waitFor(() => current.inFlight === 0, QUIESCE_LIMIT_MS);
  ledger = null;
  return result;
}

// One command at a time, in order; a failure is reported, not thrown, so the bench can clean up.
let queue = Promise.resolve();
process.on("message", (command: WorkerCommand) => {
  queue = queue.then(async () => {
    let reply: WorkerReply;
    try {
      reply = await handle(command);
    } catch (error) {
      reply = { type: "failed", message: error instanceof Error ? error.message : String(error) };
    }
    process.send!(reply);
    if (command.type === "close") process.disconnect();
  });
});
// Orphaned by the bench (it crashed or was killed): stop.
process.on("disconnect", () => process.exit(0));
