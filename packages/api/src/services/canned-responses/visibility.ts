import { TRPCError } from "@trpc/server";
import { and, cannedResponses, eq, inArray, or, teamMembers, type Database } from "@parley/db";

import type { PersonViewer } from "../../context";

/**
 * Canned responses are a staff tool. The procedures already admit only agents and admins;
 * the services check again so that no other caller of them can skip the rule.
 */
export function requireStaff(viewer: PersonViewer): void {
  if (viewer.role !== "agent" && viewer.role !== "admin") {
    throw new TRPCError({ code: "FORBIDDEN", message: "Canned responses are for agents and admins." });
  }
}

/**
 * The responses a staff member may see and use: the desk's, their teams' (every team's
 * for admins, who manage them) and their own personal ones. Personal responses stay
 * private to their owner, admins included.
 */
export function visibleTo(db: Database, viewer: PersonViewer) {
  const ownTeams = db.select({ teamId: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.userId, viewer.id));
  return or(
    eq(cannedResponses.scope, "global"),
    viewer.role === "admin"
      ? eq(cannedResponses.scope, "team")
      : and(eq(cannedResponses.scope, "team"), inArray(cannedResponses.teamId, ownTeams)),
    and(eq(cannedResponses.scope, "personal"), eq(cannedResponses.ownerId, viewer.id)),
  );
}

/** Admins manage the shared responses; each person manages only their own personal ones. */
export function canManage(viewer: PersonViewer, response: { scope: string; ownerId: string | null }): boolean {
  return response.scope === "personal" ? response.ownerId === viewer.id : viewer.role === "admin";
}

export function requireManage(viewer: PersonViewer, response: { scope: string; ownerId: string | null }): void {
  if (!canManage(viewer, response)) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only admins change shared canned responses." });
  }
}
