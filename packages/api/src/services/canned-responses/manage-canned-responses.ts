import { TRPCError } from "@trpc/server";
import { cannedResponses, eq, teams, type Database } from "@parley/db";

import type { PersonViewer, RequestInfo } from "../../context";
import { isUniqueViolation } from "../../lib/database-errors";
import { recordAudit } from "../audit-log";
import { readCannedResponse } from "./read-canned-responses";
import type { CannedResponseView, CreateCannedResponseInput, UpdateCannedResponseInput } from "./schemas";
import { shortcutTaken } from "./shortcut-conflict";
import { requireManage, requireStaff } from "./visibility";

/** Admins add shared responses (for the desk or a team); anyone on staff adds personal ones. */
export async function createCannedResponse(
  db: Database,
  request: RequestInfo,
  viewer: PersonViewer,
  input: CreateCannedResponseInput,
): Promise<CannedResponseView> {
  requireStaff(viewer);
  if (input.scope !== "personal" && viewer.role !== "admin") {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only admins add shared canned responses; add a personal one instead." });
  }
  const teamId = input.scope === "team" ? input.teamId : null;
  if (teamId) await requireTeam(db, teamId);

  const [created] = await db
    .insert(cannedResponses)
    .values({
      scope: input.scope,
      teamId,
      ownerId: input.scope === "personal" ? viewer.id : null,
      shortcut: input.shortcut,
      title: input.title,
      body: input.body,
      category: input.category ?? null,
      createdById: viewer.id,
    })
    // The partial unique indexes are the only conflicts an insert can meet: a taken shortcut.
    .onConflictDoNothing()
    .returning();
  if (!created) throw shortcutTaken(input.shortcut, input.scope);

  await auditSharedChange(db, request, viewer, "canned_response.created", created, {
    scope: created.scope,
    teamId: created.teamId,
    shortcut: created.shortcut,
  });
  return readCannedResponse(db, viewer, created.id);
}

/** Changes the words of a response; where it belongs (scope, team, owner) stays. */
export async function updateCannedResponse(
  db: Database,
  request: RequestInfo,
  viewer: PersonViewer,
  input: UpdateCannedResponseInput,
): Promise<CannedResponseView> {
  requireStaff(viewer);
  const existing = await readCannedResponse(db, viewer, input.id);
  requireManage(viewer, existing);

  const changes = {
    ...(input.shortcut !== undefined && { shortcut: input.shortcut }),
    ...(input.title !== undefined && { title: input.title }),
    ...(input.body !== undefined && { body: input.body }),
    ...(input.category !== undefined && { category: input.category }),
  };
  if (Object.keys(changes).length === 0) return existing;

  try {
    await db.update(cannedResponses).set(changes).where(eq(cannedResponses.id, existing.id));
  } catch (error) {
    if (isUniqueViolation(error)) throw shortcutTaken(input.shortcut ?? existing.shortcut, existing.scope);
    throw error;
  }

  await auditSharedChange(db, request, viewer, "canned_response.updated", existing, {
    fields: Object.keys(changes),
    shortcut: { from: existing.shortcut, to: changes.shortcut ?? existing.shortcut },
  });
  return readCannedResponse(db, viewer, existing.id);
}

export async function deleteCannedResponse(
  db: Database,
  request: RequestInfo,
  viewer: PersonViewer,
  input: { id: string },
): Promise<void> {
  requireStaff(viewer);
  const existing = await readCannedResponse(db, viewer, input.id);
  requireManage(viewer, existing);
  await db.delete(cannedResponses).where(eq(cannedResponses.id, existing.id));
  // The trail keeps what was removed, since the row itself is gone.
  await auditSharedChange(db, request, viewer, "canned_response.deleted", existing, {
    scope: existing.scope,
    teamId: existing.teamId,
    shortcut: existing.shortcut,
    title: existing.title,
  });
}

async function requireTeam(db: Database, teamId: string): Promise<void> {
  const [team] = await db.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId));
  if (!team) throw new TRPCError({ code: "NOT_FOUND", message: "No such team." });
}

/**
 * Shared responses put words in every agent's mouth, so who changed them is kept; a
 * personal response concerns its owner alone and is not audited.
 */
async function auditSharedChange(
  db: Database,
  request: RequestInfo,
  viewer: PersonViewer,
  action: string,
  response: { id: string; scope: string },
  details: Record<string, unknown>,
): Promise<void> {
  if (response.scope === "personal") return;
  await recordAudit(db, request, { action, actor: viewer, targetType: "canned_response", targetId: response.id, details });
}
