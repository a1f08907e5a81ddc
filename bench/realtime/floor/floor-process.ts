import postgres from "postgres";
import type { WebSocketServer } from "ws";

import { DATABASE_POOL_SIZE } from "../targets/target";

/**
 * The bench database (`DATABASE_URL`) through the pool size Parley gets, with the floor's
 * table made: the same columns for both floors, each floor its own table.
 */
export async function openFloorDatabase(table: string): Promise<postgres.Sql> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL is required");
  const sql = postgres(databaseUrl, { max: DATABASE_POOL_SIZE, onnotice: () => {} });
  await sql`create table if not exists ${sql(table)} (
    id bigserial primary key,
    pair integer not null,
    sender text not null,
    body text not null,
    created_at timestamptz not null default now()
  )`;
  return sql;
}

/**
 * The process side of a floor server: it prints {"listening":port} once listening (the
 * bench waits for that line), and stops on a signal or when the bench, which holds its
 * stdin open, goes away.
 */
export function runFloorProcess(wss: WebSocketServer, sql: postgres.Sql): void {
  wss.on("listening", () => {
    const address = wss.address();
    process.stdout.write(`${JSON.stringify({ listening: typeof address === "object" && address ? address.port : null })}\n`);
  });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    for (const client of wss.clients) client.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
    await sql.end({ timeout: 5 });
    process.exit(0);
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  process.stdin.on("end", stop).resume();
}
