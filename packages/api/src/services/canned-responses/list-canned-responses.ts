import { and, asc, cannedResponses, eq, sql, type Database } from "@parley/db";

import type { PersonViewer } from "../../context";
import { scopeSpecificity, selectVisibleCannedResponses, shortcutOrder, withPermissions } from "./read-canned-responses";
import type { CannedResponseView, ListCannedResponsesQuery } from "./schemas";
import { servingTeam } from "./team-filter";
import { requireStaff, visibleTo } from "./visibility";

/** The responses the viewer may use, grouped by category, then by shortcut. */
export async function listCannedResponses(
  db: Database,
  viewer: PersonViewer,
  query: ListCannedResponsesQuery,
): Promise<{ total: number; items: CannedResponseView[] }> {
  requireStaff(viewer);
  const where = and(
    query.scope ? eq(cannedResponses.scope, query.scope) : undefined,
    query.teamId ? servingTeam(query.teamId) : undefined,
    // Categories are typed freely; "Billing" and "billing" are the same shelf.
    query.category ? sql`lower(${cannedResponses.category}) = lower(${query.category})` : undefined,
  );
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    selectVisibleCannedResponses(db, viewer, where)
      .orderBy(
        sql`lower(${cannedResponses.category}) asc nulls last`,
        shortcutOrder,
        scopeSpecificity,
        asc(cannedResponses.id),
      )
      .offset(query.offset)
      .limit(query.limit),
    selectVisibleCount(db, viewer, where),
  ]);
  return { total, items: rows.map((row) => withPermissions(viewer, row)) };
}

function selectVisibleCount(db: Database, viewer: PersonViewer, where: ReturnType<typeof and>) {
  return db
    .select({ total: sql<number>`count(*)::int` })
    .from(cannedResponses)
    .where(and(visibleTo(db, viewer), where));
}
