import { sql, type Database } from "@parley/db";
import type { SQL } from "drizzle-orm";

import { rowsOf } from "../../lib/query-rows";
import { encodeCursor, keysetTime, pastKey, type Keyset } from "./keyset";
import type { ReportRange } from "./report-range";
import { ratingFilter, within, type ReportFilters } from "./report-sql";

export interface CsatCommentRow extends Record<string, unknown> {
  id: string;
  session_id: string;
  rating: number;
  comment: string;
  created_at_epoch: number;
  /** The rating's time in the admin's time zone, for exports. */
  created_at_local: string;
  key_created_at: string;
  agent_id: string | null;
  agent_name: string | null;
  customer_name: string | null;
  subject: string | null;
}

export interface CsatComment {
  id: string;
  sessionId: string;
  rating: number;
  comment: string;
  createdAt: Date;
  agentId: string | null;
  agentName: string | null;
  customerName: string | null;
  subject: string | null;
}

/** Ratings that came with a comment, newest first, from `after` on; all of them when `limit` is null. */
export function csatCommentsQuery(range: ReportRange, filters: ReportFilters, after: Keyset | null, limit: number | null): SQL {
  return sql`select r.id, r.conversation_id as session_id, r.rating::int as rating, r.comment,
      extract(epoch from r.created_at)::float8 as created_at_epoch,
      to_char(r.created_at at time zone ${range.timeZone}, 'YYYY-MM-DD HH24:MI:SS') as created_at_local,
      ${keysetTime(sql`r.created_at`)} as key_created_at,
      r.agent_id, agent.name as agent_name, customer.name as customer_name, c.subject
    from csat_responses r
    join conversations c on c.id = r.conversation_id
    left join users agent on agent.id = r.agent_id
    left join users customer on customer.id = r.customer_id
    where r.comment is not null and ${within(sql`r.created_at`, range)} ${ratingFilter(filters)}
      and ${pastKey(sql`r.created_at`, sql`r.id`, after, "desc")}
    order by r.created_at desc, r.id desc
    ${limit === null ? sql`` : sql`limit ${limit}`}`;
}

export function keysetOfComment(row: Pick<CsatCommentRow, "key_created_at" | "id">): Keyset {
  return { createdAt: row.key_created_at, id: row.id };
}

/** The latest comments, a page at a time. */
export async function readCsatComments(
  db: Database,
  range: ReportRange,
  filters: ReportFilters,
  page: { limit: number; after: Keyset | null },
): Promise<{ items: CsatComment[]; nextCursor: string | null }> {
  const rows = await rowsOf<CsatCommentRow>(db, csatCommentsQuery(range, filters, page.after, page.limit + 1));
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return {
    items: items.map((row) => ({
      id: row.id,
      sessionId: row.session_id,
      rating: row.rating,
      comment: row.comment,
      createdAt: new Date(Number(row.created_at_epoch) * 1000),
      agentId: row.agent_id,
      agentName: row.agent_name,
      customerName: row.customer_name,
      subject: row.subject,
    })),
    nextCursor: rows.length > page.limit && last ? encodeCursor(keysetOfComment(last)) : null,
  };
}
