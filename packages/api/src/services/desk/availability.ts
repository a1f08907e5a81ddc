import { TRPCError } from "@trpc/server";
import { eq, teams, users } from "@parley/db";

import type { RequestInfo, ServerDependencies, Viewer } from "../../context";
import { recordAudit } from "../audit-log";
import { assignWaitingSessions } from "./assign";

type Deps = Pick<ServerDependencies, "db" | "bus">;

/** An agent's switch: online agents are given sessions; away and offline ones are not. */
export async function setAvailability(
  deps: Deps,
  agentId: string,
  availability: "online" | "away" | "offline",
  now: Date,
) {
  await deps.db.update(users).set({ availability }).where(eq(users.id, agentId));
  if (availability === "online") await assignWaitingSessions(deps, now);
  return { availability };
}

/** Admins choose per team whether sessions are handed out automatically or taken by hand. */
export async function setTeamAutoAssign(
  deps: Deps,
  request: RequestInfo,
  actor: Viewer,
  input: { teamId: string; autoAssign: boolean },
  now: Date,
) {
  const [team] = await deps.db.update(teams).set({ autoAssign: input.autoAssign }).where(eq(teams.id, input.teamId)).returning();
  if (!team) throw new TRPCError({ code: "NOT_FOUND", message: "No such team." });
  await recordAudit(deps.db, request, {
    action: "team.auto_assign_changed",
    actor,
    targetType: "team",
    targetId: team.id,
    details: { autoAssign: input.autoAssign },
  });
  if (input.autoAssign) await assignWaitingSessions(deps, now);
  return { teamId: team.id, autoAssign: team.autoAssign };
}
