import { cannedResponses, eq, isNull, or } from "@parley/db";

/**
 * What serves a session of `teamId`: the desk's responses, that team's and the viewer's own.
 * Only team responses carry a team, so "no team, or this team" says exactly that.
 */
export function servingTeam(teamId: string) {
  return or(isNull(cannedResponses.teamId), eq(cannedResponses.teamId, teamId));
}
