import type { TargetName } from "../options";
import type { ProbeFiles } from "./server-probe-env";

/** A server under test, running as its own process on 127.0.0.1, with the probe loaded (see probe/server-probe.js). */
export interface Target extends ProbeFiles {
  name: TargetName;
  /** How the report names it. */
  label: string;
  /** http://127.0.0.1:<port> */
  url: string;
  pid: number;
  /** The table each message is persisted in, to count what reached the database. */
  messagesTable: string;
  /** Starts, or stops and writes, the profiles of the server that were asked for (CPU, heap). */
  toggleProfiles?: () => void;
  /** What the server logged as errors so far, one line each, when it logs (Parley does). */
  loggedErrors?: () => string[];
  stop(): Promise<void>;
}

/**
 * The floors' database pool: the size Parley's server gets from createDb's default, so
 * all three write through the same number of connections.
 */
export const DATABASE_POOL_SIZE = 10;
