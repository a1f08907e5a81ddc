import { and, conversations, eq, inArray, isNull, not, or, participants, sql, teamMembers } from "@parley/db";

import type { PersonViewer } from "../../context";

type Condition = ReturnType<typeof and>;

/**
 * The conversations a person's search reaches, as a condition on `conversations`. It
 * mirrors readConversationAccess (keep the two together) for the conversations that are
 * the viewer's own: public rooms they have not joined are left out, as in their list.
 * - admins reach everything;
 * - agents reach conversations they take part in, and support sessions of their teams, of
 *   no team, or assigned to them;
 * - customers and visitors reach their own support sessions and the rooms and direct
 *   conversations they take part in.
 */
export function searchableBy(viewer: PersonViewer): Condition {
  if (viewer.role === "admin") return undefined;
  const takesPart = sql`exists (
    select 1 from ${participants}
    where ${participants.conversationId} = ${conversations.id}
      and ${participants.userId} = ${viewer.id}
      and ${participants.leftAt} is null
  )`;
  const isSession = eq(conversations.kind, "support");

  if (viewer.role === "customer") {
    return or(and(isSession, eq(conversations.customerId, viewer.id)), and(not(isSession), takesPart));
  }
  const myTeams = sql`(select ${teamMembers.teamId} from ${teamMembers} where ${teamMembers.userId} = ${viewer.id})`;
  return or(
    takesPart,
    and(
      isSession,
      or(isNull(conversations.teamId), inArray(conversations.teamId, myTeams), eq(conversations.assignedAgentId, viewer.id)),
    ),
  );
}
