import type { ServerResponse } from "node:http";

import { pingDb, type DatabaseHandle } from "@parley/db";
import type { Redis } from "ioredis";

import { pingRedis } from "../redis";
import { sendJson } from "./respond";

/** Liveness: the process answers. Orchestrators restart it when this stops. */
export function sendLiveness(res: ServerResponse): void {
  sendJson(res, 200, { status: "ok" });
}

interface DependencyHealth {
  status: "up" | "down" | "not_configured";
  latencyMs?: number;
  error?: string;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

async function probe(check: () => Promise<number>): Promise<DependencyHealth> {
  try {
    return { status: "up", latencyMs: round(await check()) };
  } catch (error) {
    return { status: "down", error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Readiness with details: each dependency's reachability and round-trip time.
 * 503 when any configured dependency is down, so a load balancer stops routing here.
 */
export async function sendDetailedHealth(
  res: ServerResponse,
  deps: { database: DatabaseHandle; redis: Redis | null; startedAt: Date },
): Promise<void> {
  const [database, redis] = await Promise.all([
    probe(() => pingDb(deps.database.db)),
    deps.redis ? probe(() => pingRedis(deps.redis!)) : Promise.resolve<DependencyHealth>({ status: "not_configured" }),
  ]);
  const healthy = database.status === "up" && redis.status !== "down";
  sendJson(res, healthy ? 200 : 503, {
    status: healthy ? "ok" : "degraded",
    uptimeSeconds: Math.floor((Date.now() - deps.startedAt.getTime()) / 1000),
    checks: {
      database: { ...database, driver: deps.database.driver },
      redis,
    },
  });
}
