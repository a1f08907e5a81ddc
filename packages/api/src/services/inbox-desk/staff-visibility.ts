import { conversations, eq, inArray, isNull, or, sql, teamMembers } from "@parley/db";

import type { PersonViewer } from "../../context";

/**
 * The support sessions a staff member may see, as a condition on `conversations`: the
 * same rule as `readConversationAccess` (admins see all; an agent sees sessions of their
 * teams, of no team, and those assigned to them), so lists never offer what opening
 * would refuse.
 */
export function sessionsVisibleTo(viewer: PersonViewer) {
  if (viewer.role === "admin") return undefined;
  const myTeams = sql`(select ${teamMembers.teamId} from ${teamMembers} where ${teamMembers.userId} = ${viewer.id})`;
  return or(eq(conversations.assignedAgentId, viewer.id), isNull(conversations.teamId), inArray(conversations.teamId, myTeams));
}

/** Typed text matched literally: % and _ are not wildcards here. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}
