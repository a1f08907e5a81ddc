import { getTableColumns, type InferInsertModel } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";

import type { Database } from "../client";

/** PostgreSQL's wire protocol numbers bind parameters with 16 bits. */
const MAX_BIND_PARAMETERS = 65_535;
/** Past this, larger statements stop paying off and only cost memory. */
const MAX_ROWS_PER_STATEMENT = 1_000;

/**
 * Inserts `rows` with multi-row INSERTs, as many rows per statement as the bind
 * parameter limit allows for this table (every column counts, whether or not a row sets it).
 */
export async function insertInBatches<TTable extends PgTable>(
  db: Database,
  table: TTable,
  rows: readonly InferInsertModel<TTable>[],
  onInserted?: (count: number) => void,
): Promise<void> {
  const columnCount = Object.keys(getTableColumns(table)).length;
  const rowsPerStatement = Math.max(
    1,
    Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_BIND_PARAMETERS / columnCount)),
  );
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const batch = rows.slice(start, start + rowsPerStatement);
    await db.insert(table).values(batch);
    onInserted?.(batch.length);
  }
}
