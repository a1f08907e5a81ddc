import { sql, type Database } from "@parley/db";

import { rowsOf } from "../../lib/query-rows";

export const DEFAULT_RETENTION_DAYS = 90;

export interface ArchiveRun {
  archived: number;
  batches: number;
}

/**
 * Moves messages older than `olderThan` from `messages` to `archived_messages`, a batch
 * per statement so no transaction grows large or holds locks for long. Rows another
 * process is archiving are skipped, so several servers may run it at once. Stops after
 * `maxBatches` to leave the rest to the next run.
 */
export async function archiveOldMessages(
  db: Database,
  options: { olderThan: Date; batchSize?: number; maxBatches?: number },
): Promise<ArchiveRun> {
  const batchSize = options.batchSize ?? 1_000;
  const maxBatches = options.maxBatches ?? 100;
  const cutoff = options.olderThan.toISOString();
  let archived = 0;
  let batches = 0;

  while (batches < maxBatches) {
    const rows = await rowsOf<{ id: string }>(db, sql`
      with moved as (
        delete from messages
        where id in (
          select id from messages
          where created_at < ${cutoff}::timestamptz
          order by created_at
          limit ${batchSize}
          for update skip locked
        )
        returning id, conversation_id, seq, event_seq, sender_id, type, internal, body, reply_to_id,
          mentions, data, client_id, created_at, edited_at, deleted_at, deleted_by_id
      )
      insert into archived_messages (id, conversation_id, seq, event_seq, sender_id, type, internal, body,
        reply_to_id, mentions, data, client_id, created_at, edited_at, deleted_at, deleted_by_id)
      select * from moved
      returning id`);
    const moved = rows.length;
    batches++;
    archived += moved;
    if (moved < batchSize) break;
  }
  return { archived, batches };
}
