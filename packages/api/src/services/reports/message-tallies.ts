import { sql, type Database } from "@parley/db";

import { rowsOf } from "../../lib/query-rows";
import { floorToQuarterHour, quarterHourOf } from "./buckets";
import { MESSAGE_OUT, supportMessages, within } from "./report-sql";

const MESSAGES_MARK = "messages";
/**
 * A quarter hour is tallied once it has been over this long: a message's time is when its
 * insert began, so one written at the very end of a quarter may commit a moment later.
 */
export const MESSAGE_TALLY_SETTLE_MS = 2 * 60_000;
/** One transaction tallies at most this much, so that a first run over years of history stays a series of short ones. */
const SPAN_PER_TRANSACTION_MS = 7 * 86_400_000;

export interface TallyRun {
  /** Every public support message written before this instant is in `message_tallies`. */
  talliedUntil: Date;
  /** Session-quarter rows this run added. */
  rows: number;
}

/** Where the message tallies stop, or null before their first run. */
export function readMessagesTalliedUntil(db: Database): Promise<Date | null> {
  return readMark(db, { lock: false });
}

/** The mark's instant; locked for the rest of the transaction when asked. */
async function readMark(db: Database, options: { lock: boolean }): Promise<Date | null> {
  const [mark] = await rowsOf<{ tallied_until: string | Date }>(
    db,
    sql`select tallied_until from report_tally_marks where name = ${MESSAGES_MARK} ${options.lock ? sql`for update` : sql``}`,
  );
  return mark ? new Date(mark.tallied_until) : null;
}

/**
 * The background job behind long report periods: counts the public support messages of
 * every quarter hour settled since the last run, per session, into `message_tallies`, and
 * moves the mark. The mark's row is locked while a step runs, so several processes may run
 * it at once and each quarter is still counted once. Archived messages count too: a desk
 * that turns tallies on after retention has archived its old messages is tallied whole.
 */
export async function tallyMessages(db: Database, now: Date): Promise<TallyRun> {
  const settled = floorToQuarterHour(new Date(now.getTime() - MESSAGE_TALLY_SETTLE_MS));
  let rows = 0;
  for (;;) {
    const step = await db.transaction(async (tx) => {
      const from = await lockMark(tx, settled);
      const until = new Date(Math.min(settled.getTime(), from.getTime() + SPAN_PER_TRANSACTION_MS));
      if (until <= from) return { until: from, rows: 0, done: true };
      const [added] = await rowsOf<{ rows: number }>(
        tx,
        sql`with added as (
            insert into message_tallies (conversation_id, quarter, messages_in, messages_out)
            select m.conversation_id, ${quarterHourOf(sql`m.created_at`)},
              count(*) - count(*) filter (where ${MESSAGE_OUT}), count(*) filter (where ${MESSAGE_OUT})
            from ${supportMessages(within(sql`m.created_at`, { start: from, end: until }), {})}
            group by 1, 2
            returning 1
          )
          select count(*)::int as rows from added`,
      );
      await tx.execute(sql`update report_tally_marks set tallied_until = ${until.toISOString()}::timestamptz where name = ${MESSAGES_MARK}`);
      return { until, rows: added?.rows ?? 0, done: until.getTime() === settled.getTime() };
    });
    rows += step.rows;
    if (step.done) return { talliedUntil: step.until, rows };
  }
}

/**
 * Locks the mark and reads it. The first run starts it at the quarter of the oldest
 * message, or at `settled` on a desk with none yet.
 */
async function lockMark(db: Database, settled: Date): Promise<Date> {
  await db.execute(sql`insert into report_tally_marks (name, tallied_until)
    select ${MESSAGES_MARK}, coalesce(${quarterHourOf(sql`least(
        (select min(created_at) from messages), (select min(created_at) from archived_messages))`)}, ${settled.toISOString()}::timestamptz)
    on conflict (name) do nothing`);
  return (await readMark(db, { lock: true }))!;
}
