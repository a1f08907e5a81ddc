import { setTimeout as sleep } from "node:timers/promises";

import type { ServerDependencies } from "../context";

export interface ServerStatus {
  name: "Parley";
  version: string;
  database: ServerDependencies["databaseDriver"];
  startedAt: Date;
  uptimeSeconds: number;
  connectedClients: number;
  serverTime: Date;
}

export function readServerStatus(deps: ServerDependencies, now = new Date()): ServerStatus {
  return {
    name: "Parley",
    version: deps.version,
    database: deps.databaseDriver,
    startedAt: deps.startedAt,
    uptimeSeconds: Math.floor((now.getTime() - deps.startedAt.getTime()) / 1000),
    connectedClients: deps.sockets.count(),
    serverTime: now,
  };
}

export interface Pulse {
  serverTime: Date;
  connectedClients: number;
}

/**
 * A heartbeat of the server: its clock and how many clients are connected, once per
 * interval until the subscriber goes away. The first beat comes at once.
 */
export async function* pulse(
  deps: ServerDependencies,
  signal: AbortSignal | undefined,
  intervalMs = 1000,
): AsyncGenerator<Pulse> {
  while (!signal?.aborted) {
    yield { serverTime: new Date(), connectedClients: deps.sockets.count() };
    try {
      await sleep(intervalMs, undefined, { signal });
    } catch {
      return; // aborted while waiting
    }
  }
}
