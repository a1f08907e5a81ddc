import { parseArgs } from "node:util";

/** Parley, the raw `ws` floor, and the same floor on Parley's transport (tRPC, superjson, zod). */
export const TARGET_NAMES = ["parley", "trpc-floor", "floor"] as const;
export type TargetName = (typeof TARGET_NAMES)[number];

export interface BenchOptions {
  /** WebSocket clients in all, half customers and half agents, in pairs. */
  clients: number;
  /** Messages per second across all pairs in the main run. */
  rate: number;
  durationMs: number;
  /** Length of each step of the search for the highest sustainable rate; 0 skips the search. */
  stepDurationMs: number;
  /** How long a message may take to arrive after its run ends before it counts as lost. */
  graceMs: number;
  /** A rate is sustainable while p99 stays at or under this. */
  p99LimitMs: number;
  workers: number;
  targets: TargetName[];
  /** The PostgreSQL server to make the bench database on (it is dropped afterwards). */
  adminDatabaseUrl: string;
  redisUrl: string | undefined;
  /** A folder for a CPU profile of the Parley server, written when it stops. */
  cpuProfileDir: string | undefined;
  /** A folder for a heap profile of the Parley server's main run: what outlived young collections. */
  heapProfileDir: string | undefined;
}

const USAGE = `pnpm bench [--quick] [--clients N] [--rate R] [--duration S] [--step-duration S] [--no-search]
           [--target all|parley,trpc-floor,floor] [--workers N] [--redis] [--cpu-prof DIR] [--heap-prof DIR] [--p99 MS]

  --quick            200 clients, 200 messages/s, 5 s runs: to try things
  --clients N        WebSocket clients, in customer-agent pairs (default 2000; BENCH_CLIENTS)
  --rate R           messages per second in the main run (default 1000; BENCH_RATE)
  --duration S       seconds of the main run (default 20; BENCH_DURATION)
  --step-duration S  seconds of each rate-search step (default 5, quick 3)
  --no-search        skip the search for the highest sustainable rate
  --target T         all (the default), or some of parley, trpc-floor and floor, comma-separated
  --workers N        load-generator processes (default 2)
  --redis            give Parley Redis (REDIS_URL, or redis://127.0.0.1:6379); on when REDIS_URL is set
  --cpu-prof DIR     write a CPU profile of the Parley server's main run into DIR
  --heap-prof DIR    write a heap profile of the Parley server's main run into DIR: what outlived
                     young collections, the garbage that fills the old generation
  --p99 MS           the p99 latency a sustainable rate must keep (default 50)
  Database: BENCH_ADMIN_DATABASE_URL or DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test`;

export function readOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions | { help: string } {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: "boolean", default: false },
      clients: { type: "string" },
      rate: { type: "string" },
      duration: { type: "string" },
      "step-duration": { type: "string" },
      "no-search": { type: "boolean", default: false },
      target: { type: "string", default: "all" },
      workers: { type: "string" },
      redis: { type: "boolean", default: false },
      "cpu-prof": { type: "string" },
      "heap-prof": { type: "string" },
      p99: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
    // `pnpm bench -- --quick` hands the script a lone "--" first.
    allowPositionals: true,
  });
  if (values.help) return { help: USAGE };

  const quick = values.quick;
  const clients = integer("clients", values.clients ?? env.BENCH_CLIENTS, quick ? 200 : 2000, 2, 20_000);
  if (clients % 2 !== 0) throw new Error("--clients must be even: clients come in customer-agent pairs.");
  const targets = readTargets(values.target);
  const redisUrl = env.REDIS_URL || (values.redis ? "redis://127.0.0.1:6379" : undefined);

  return {
    clients,
    rate: integer("rate", values.rate ?? env.BENCH_RATE, quick ? 200 : 1000, 1, 100_000),
    durationMs: 1000 * integer("duration", values.duration ?? env.BENCH_DURATION, quick ? 5 : 20, 1, 600),
    stepDurationMs: values["no-search"] ? 0 : 1000 * integer("step-duration", values["step-duration"], quick ? 3 : 5, 1, 60),
    graceMs: 3000,
    p99LimitMs: integer("p99", values.p99, 50, 1, 60_000),
    workers: integer("workers", values.workers, 2, 1, 16),
    targets,
    adminDatabaseUrl: env.BENCH_ADMIN_DATABASE_URL || env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test",
    redisUrl,
    cpuProfileDir: values["cpu-prof"],
    heapProfileDir: values["heap-prof"],
  };
}

/** The named targets, always in the order parley, trpc-floor, floor. */
function readTargets(raw: string): TargetName[] {
  const named = raw === "all" ? [...TARGET_NAMES] : raw.split(",").map((name) => name.trim());
  const unknown = named.filter((name) => !(TARGET_NAMES as readonly string[]).includes(name));
  if (unknown.length || !named.length) throw new Error(`--target: all, or some of ${TARGET_NAMES.join(", ")}; not ${raw}`);
  return TARGET_NAMES.filter((name) => named.includes(name));
}

function integer(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}, not ${raw}`);
  return value;
}
