import type { Database } from "@parley/db";
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";

import { rowsOf } from "../../../lib/query-rows";
import type { Keyset } from "../keyset";

/** A list query that can be read whole (through a cursor) or a page at a time after a key. */
export type PagedQuery = (after: Keyset | null, limit: number | null) => SQL;

/** The part of a postgres.js client a cursor needs. */
interface CursorClient {
  unsafe(query: string, parameters: unknown[]): { cursor(rows: number): AsyncIterable<Record<string, unknown>[]> };
}

const dialect = new PgDialect();

function cursorClientOf(db: Database): CursorClient | null {
  const client = (db as unknown as { $client?: Partial<CursorClient> & { begin?: unknown } }).$client;
  return client && typeof client.unsafe === "function" && typeof client.begin === "function" ? (client as CursorClient) : null;
}

/**
 * Every row of `query`, `batchSize` at a time, read only as fast as the consumer takes
 * them: on PostgreSQL through a server-side cursor, on the embedded PGlite (which has no
 * cursors over its single connection) by keyset pages. Either way a year of rows never sits
 * in memory whole. Stopping early (the consumer returns) releases the cursor.
 */
export async function* streamRows<Row extends Record<string, unknown>>(
  db: Database,
  query: PagedQuery,
  keyOf: (row: Row) => Keyset,
  batchSize = 500,
): AsyncGenerator<Row> {
  const client = cursorClientOf(db);
  if (client) {
    const { sql: text, params } = dialect.sqlToQuery(query(null, null));
    for await (const batch of client.unsafe(text, params).cursor(batchSize)) {
      for (const row of batch) yield row as Row;
    }
    return;
  }
  let after: Keyset | null = null;
  for (;;) {
    const page: Row[] = await rowsOf<Row>(db, query(after, batchSize));
    for (const row of page) yield row;
    const last = page.at(-1);
    if (page.length < batchSize || !last) return;
    after = keyOf(last);
  }
}
