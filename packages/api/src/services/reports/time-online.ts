import { sql } from "@parley/db";
import type { SQL } from "drizzle-orm";

import type { ReportRange } from "./report-range";
import { at } from "./report-sql";

/**
 * The stretches each of `staff` (a query of user ids, column `id`) was online within the
 * range, up to `now`: rows of (user_id, starts_at, ends_at). Online means the desk switch
 * said online and Parley was open somewhere (see agent_status_changes). The state at the
 * range's start comes from the last change before it.
 */
export function onlineIntervals(range: ReportRange, now: Date, staff: SQL): SQL {
  const stop = new Date(Math.min(range.end.getTime(), now.getTime()));
  return sql`select s.user_id,
      greatest(s.changed_at, ${at(range.start)}) as starts_at,
      least(s.until, ${at(stop)}) as ends_at
    from (
      select x.user_id, x.availability, x.presence, x.changed_at,
        coalesce(lead(x.changed_at) over (partition by x.user_id order by x.changed_at, x.id), ${at(stop)}) as until
      from (
        select a.id, a.user_id, a.availability, a.presence, a.changed_at
        from agent_status_changes a
        where a.user_id in (${staff}) and a.changed_at >= ${at(range.start)} and a.changed_at < ${at(stop)}
        union all
        select before.id, before.user_id, before.availability, before.presence, before.changed_at
        from (${staff}) as member
        cross join lateral (
          select b.id, b.user_id, b.availability, b.presence, b.changed_at
          from agent_status_changes b
          where b.user_id = member.id and b.changed_at < ${at(range.start)}
          order by b.changed_at desc, b.id desc
          limit 1
        ) as before
      ) as x
    ) as s
    where s.availability = 'online' and s.presence <> 'offline'
      and least(s.until, ${at(stop)}) > greatest(s.changed_at, ${at(range.start)})`;
}
