import type postgres from "postgres";
import type { WebSocketServer } from "ws";

/** The floors' table: the same columns for both, each floor its own table. */
export async function createFloorTable(sql: postgres.Sql, table: string): Promise<void> {
  await sql`create table if not exists ${sql(table)} (
    id bigserial primary key,
    pair integer not null,
    sender text not null,
    body text not null,
    created_at timestamptz not null default now()
  )`;
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
