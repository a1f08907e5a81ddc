import { sql, type Database } from "@parley/db";

import { rowsOf } from "../../lib/query-rows";

export interface FilterOptions {
  teams: { id: string; name: string }[];
  agents: { id: string; name: string; role: "agent" | "admin"; disabled: boolean; teamIds: string[] }[];
}

/** What the dashboard's team and agent pickers offer: every team, and every staff member with their teams. */
export async function readFilterOptions(db: Database): Promise<FilterOptions> {
  const [teams, agents] = await Promise.all([
    rowsOf<{ id: string; name: string }>(db, sql`select id, name from teams order by name, id`),
    rowsOf<{ id: string; name: string; role: "agent" | "admin"; disabled: boolean; team_ids: string[] | null }>(
      db,
      sql`select u.id, u.name, u.role::text as role, u.disabled_at is not null as disabled,
          array_remove(array_agg(tm.team_id::text order by tm.team_id), null) as team_ids
        from users u
        left join team_members tm on tm.user_id = u.id
        where u.role in ('agent', 'admin')
        group by u.id
        order by u.name, u.id`,
    ),
  ]);
  return {
    teams,
    agents: agents.map((agent) => ({
      id: agent.id,
      name: agent.name,
      role: agent.role,
      disabled: agent.disabled,
      teamIds: agent.team_ids ?? [],
    })),
  };
}
