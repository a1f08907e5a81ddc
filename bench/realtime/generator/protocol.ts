import type { TargetName } from "../options";
import type { PairSpec } from "../people";

/** Which side of a pair: the customer or the agent answering them. */
export type Side = "customer" | "agent";

/** Commands from the bench to a load-generator process, answered in order, one at a time. */
export type WorkerCommand =
  | { type: "configure"; workerIndex: number; target: TargetName; url: string; pairs: PairSpec[] }
  /** Opens and authenticates the sockets of the next `pairs` pairs. */
  | { type: "connect"; pairs: number }
  /** Sessions and subscriptions, then one message each way per pair to prove the path. */
  | { type: "join" }
  | { type: "run"; plan: RunPlan }
  | { type: "close" };

export interface RunPlan {
  /** This process's share of the messages per second. */
  rate: number;
  durationMs: number;
  /** Epoch milliseconds when every process starts sending, so they run together. */
  startAt: number;
  graceMs: number;
  /** Above this many unanswered sends the process stops sending (and the step fails). */
  maxInFlight: number;
}

export type WorkerReply =
  | { type: "configured" }
  | { type: "connected"; sockets: number }
  | { type: "joined"; pairs: number }
  | { type: "ran"; result: RunResult }
  | { type: "closed" }
  | { type: "failed"; message: string };

/** One process's account of a run. */
export interface RunResult {
  attempted: number;
  /** Sends the server acknowledged (a mutation result, or the floor's ack). */
  acknowledged: number;
  /** Sends the server refused, by error. */
  rejected: Record<string, number>;
  /** Sends with no answer by the end of the grace period. */
  unanswered: number;
  /** Sends not made because too many were unanswered. */
  shed: number;
  /** Acknowledged messages that reached the other side of the pair. */
  delivered: number;
  /** Acknowledged messages that never reached the other side. */
  lost: number;
  /** Deliveries that happened within the run's own duration (for throughput). */
  deliveredInWindow: number;
  /** Send-to-receive milliseconds of every delivered message. */
  latenciesMs: Float64Array;
  /** Send-to-acknowledgement milliseconds. */
  ackLatenciesMs: Float64Array;
  /** How late sends left against their schedule: the generator's own lag. */
  sendLagMs: Float64Array;
  /** Deliveries of messages from an earlier run that arrived during this one. */
  strays: number;
}
