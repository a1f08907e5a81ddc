import type { Database } from "@parley/db";
import type { SQL } from "drizzle-orm";

/** The rows of a raw statement, whichever driver ran it: postgres.js returns an array, PGlite `{ rows }`. */
export async function rowsOf<T>(db: Database, statement: SQL): Promise<T[]> {
  const result = (await db.execute(statement)) as unknown;
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}
