import { TRPCError } from "@trpc/server";
import { and, cannedResponses, eq, sql, teams, type Database } from "@parley/db";

import type { PersonViewer } from "../../context";
import type { CannedResponseView } from "./schemas";
import { canManage, visibleTo } from "./visibility";

/** A filter as Drizzle builds it; `and()` of nothing is no filter. */
type Condition = ReturnType<typeof and>;

const columns = {
  id: cannedResponses.id,
  scope: cannedResponses.scope,
  teamId: cannedResponses.teamId,
  teamName: teams.name,
  ownerId: cannedResponses.ownerId,
  shortcut: cannedResponses.shortcut,
  title: cannedResponses.title,
  body: cannedResponses.body,
  category: cannedResponses.category,
  createdById: cannedResponses.createdById,
  createdAt: cannedResponses.createdAt,
  updatedAt: cannedResponses.updatedAt,
};

/**
 * Byte order for shortcuts, so lists come out the same on every server whatever its
 * locale: "refund" before "refund-late" before "refunds".
 */
export const shortcutOrder = sql`${cannedResponses.shortcut} collate "C"`;

/** When one shortcut exists in several scopes, the most specific one comes first. */
export const scopeSpecificity = sql`case ${cannedResponses.scope} when 'personal' then 0 when 'team' then 1 else 2 end`;

/** Responses the viewer may see that also meet `where`, with their team's name. */
export function selectVisibleCannedResponses(db: Database, viewer: PersonViewer, where?: Condition) {
  return db
    .select(columns)
    .from(cannedResponses)
    .leftJoin(teams, eq(teams.id, cannedResponses.teamId))
    .where(and(visibleTo(db, viewer), where))
    .$dynamic();
}

export function withPermissions(viewer: PersonViewer, row: Omit<CannedResponseView, "canEdit">): CannedResponseView {
  return { ...row, canEdit: canManage(viewer, row) };
}

/** One response the viewer may see; NOT_FOUND for unknown ones and for those kept from them alike. */
export async function readCannedResponse(db: Database, viewer: PersonViewer, id: string): Promise<CannedResponseView> {
  const [row] = await selectVisibleCannedResponses(db, viewer, eq(cannedResponses.id, id));
  if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "No such canned response." });
  return withPermissions(viewer, row);
}
