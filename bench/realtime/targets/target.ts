import type { TargetName } from "../options";

/** A server under test, running as its own process on 127.0.0.1. */
export interface Target {
  name: TargetName;
  /** How the report names it. */
  label: string;
  /** http://127.0.0.1:<port> */
  url: string;
  pid: number;
  /** Where the server's probe writes its memory reading (see probe/server-probe.js). */
  memoryReportPath: string;
  /** The table each message is persisted in, to count what reached the database. */
  messagesTable: string;
  /** Starts, or stops and writes, a CPU profile of the server, when one was asked for. */
  toggleCpuProfile?: () => void;
  stop(): Promise<void>;
}

/**
 * The floor's database pool: the size Parley's server gets from createDb's default, so
 * both write through the same number of connections.
 */
export const DATABASE_POOL_SIZE = 10;
