import type { Sql } from "postgres";

/** What the database did up to a moment: rows in the target's message table and its counters. */
export interface ActivitySample {
  rows: number;
  transactions: number;
  rowsInserted: number;
  rowsUpdated: number;
  /** Rows read through indexes and by scans: the reads behind each write. */
  rowsRead: number;
  /** The server's write-ahead log position, in bytes (cluster-wide). */
  walBytes: number;
}

/** Work per persisted message between two samples. */
export interface ActivityPerMessage {
  messages: number;
  transactions: number;
  rowsInserted: number;
  rowsUpdated: number;
  rowsRead: number;
  walBytes: number;
}

/**
 * PostgreSQL publishes a backend's counters about once a second while it works, so
 * samples are taken in the middle of a steady run, where that delay is the same at both
 * ends, and divided by the rows that became visible in between.
 */
export async function sampleActivity(sql: Sql, table: string): Promise<ActivitySample> {
  const [counters] = await sql<Array<Record<string, string>>>`
    select xact_commit + xact_rollback as transactions, tup_inserted, tup_updated, tup_returned + tup_fetched as rows_read,
           pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0') as wal_bytes
    from pg_stat_database where datname = current_database()`;
  const [count] = await sql<Array<{ rows: string }>>`select count(*) as rows from ${sql(table)}`;
  return {
    rows: Number(count!.rows),
    transactions: Number(counters!.transactions),
    rowsInserted: Number(counters!.tup_inserted),
    rowsUpdated: Number(counters!.tup_updated),
    rowsRead: Number(counters!.rows_read),
    walBytes: Number(counters!.wal_bytes),
  };
}

export function perMessage(before: ActivitySample, after: ActivitySample): ActivityPerMessage | null {
  const messages = after.rows - before.rows;
  if (messages <= 0) return null;
  const per = (field: Exclude<keyof ActivitySample, "rows">) => (after[field] - before[field]) / messages;
  return {
    messages,
    transactions: per("transactions"),
    rowsInserted: per("rowsInserted"),
    rowsUpdated: per("rowsUpdated"),
    rowsRead: per("rowsRead"),
    walBytes: per("walBytes"),
  };
}
