import { TRPCError } from "@trpc/server";
import { eq, teams, users } from "@parley/db";

import type { RequestInfo, ServerDependencies, Viewer } from "../../context";
import { recordAudit } from "../audit-log";
import { recordAvailabilityChange } from "./agent-status";
import { assignWaitingSessions } from "./assign";

type Deps = Pick<ServerDependencies, "db" | "bus" | "unreadRecounter">;

/**
 * An agent's switch: online agents are given sessions; away and offline ones are not.
 * Each flip is kept for reporting (time online), with the agent's connection state from
 * the presence tracker when the caller has one.
 */
export async function setAvailability(
  deps: Deps & Partial<Pick<ServerDependencies, "presence">>,
  agentId: string,
  availability: "online" | "away" | "offline",
  now: Date,
) {
  const presence = deps.presence ? ((await deps.presence.statusOf([agentId]))[0]?.status ?? null) : null;
  await deps.db.transaction(async (tx) => {
    const [before] = await tx.select({ availability: users.availability }).from(users).where(eq(users.id, agentId)).for("update");
    if (!before || before.availability === availability) return;
    await tx.update(users).set({ availability }).where(eq(users.id, agentId));
    await recordAvailabilityChange(tx, agentId, availability, presence, now);
  });
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
