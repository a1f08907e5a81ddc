import { sql, type Database } from "@parley/db";

import { rowsOf } from "../../lib/query-rows";
import type { ReportRange } from "./report-range";
import { ratingFilter, ratio, within, type ReportFilters } from "./report-sql";

export interface AgentCsat {
  agentId: string;
  agentName: string;
  responses: number;
  score: number | null;
  averageRating: number | null;
}

/** CSAT per agent with ratings in the period, best score first. */
export async function readCsatByAgent(db: Database, range: ReportRange, filters: ReportFilters): Promise<AgentCsat[]> {
  const rows = await rowsOf<{ agent_id: string; agent_name: string; responses: number; satisfied: number; average: number }>(
    db,
    sql`select r.agent_id, u.name as agent_name,
        count(*)::int as responses,
        count(*) filter (where r.rating >= 4)::int as satisfied,
        avg(r.rating)::float8 as average
      from csat_responses r
      join users u on u.id = r.agent_id
      where ${within(sql`r.created_at`, range)} ${ratingFilter(filters)}
      group by r.agent_id, u.name
      order by count(*) filter (where r.rating >= 4)::float8 / count(*) desc, count(*) desc, u.name, r.agent_id`,
  );
  return rows.map((row) => ({
    agentId: row.agent_id,
    agentName: row.agent_name,
    responses: row.responses,
    score: ratio(row.satisfied, row.responses),
    averageRating: Number(row.average),
  }));
}
