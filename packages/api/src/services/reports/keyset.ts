import { TRPCError } from "@trpc/server";
import { sql } from "@parley/db";
import type { SQL } from "drizzle-orm";

/**
 * A position in a list ordered by (created_at, id): the timestamp kept to the microsecond
 * as text, so that paging never skips or repeats rows that share a millisecond.
 */
export interface Keyset {
  createdAt: string;
  id: string;
}

/** The UTC ISO text of a timestamp column, microseconds included: a Keyset's createdAt. */
export function keysetTime(column: SQL): SQL {
  return sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)\|([0-9a-f-]{36})$/i;

export function encodeCursor(key: Keyset): string {
  return `${key.createdAt}|${key.id}`;
}

export function decodeCursor(cursor: string): Keyset {
  const match = CURSOR.exec(cursor);
  if (!match) throw new TRPCError({ code: "BAD_REQUEST", message: "That cursor is not one this list gave out." });
  return { createdAt: match[1]!, id: match[2]! };
}

/** Rows after `key` in ascending (created_at, id) order, or before it in descending order. */
export function pastKey(createdAt: SQL, id: SQL, key: Keyset | null, direction: "asc" | "desc"): SQL {
  if (!key) return sql`true`;
  const row = sql`(${createdAt}, ${id})`;
  const bound = sql`(${key.createdAt}::timestamptz, ${key.id}::uuid)`;
  return direction === "asc" ? sql`${row} > ${bound}` : sql`${row} < ${bound}`;
}
