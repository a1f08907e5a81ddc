import { parseArgs } from "node:util";

export interface HistoryOptions {
  /** Messages in the one conversation, all told. */
  messages: number;
  /** Timed calls of each case. */
  iterations: number;
  /** Messages per page. */
  pageSize: number;
  /** The PostgreSQL server to make the bench database on (it is dropped afterwards). */
  adminDatabaseUrl: string;
}

const USAGE = `pnpm bench:history [--messages N] [--iterations N] [--page N]

  --messages N     messages in the conversation (default 100000)
  --iterations N   timed calls of each case (default 500)
  --page N         messages per page (default 50)
  Database: BENCH_ADMIN_DATABASE_URL or DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test`;

export function readHistoryOptions(argv: string[], env: NodeJS.ProcessEnv): HistoryOptions | { help: string } {
  const { values } = parseArgs({
    args: argv,
    options: {
      messages: { type: "string" },
      iterations: { type: "string" },
      page: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
    // `pnpm bench:history -- --messages 1000` hands the script a lone "--" first.
    allowPositionals: true,
  });
  if (values.help) return { help: USAGE };
  const pageSize = integer("page", values.page, 50, 1, 200);
  return {
    messages: integer("messages", values.messages, 100_000, 4 * pageSize, 10_000_000),
    iterations: integer("iterations", values.iterations, 500, 1, 100_000),
    pageSize,
    adminDatabaseUrl: env.BENCH_ADMIN_DATABASE_URL || env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test",
  };
}

function integer(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}, not ${raw}`);
  return value;
}
