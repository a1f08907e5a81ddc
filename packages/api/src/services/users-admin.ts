import { TRPCError } from "@trpc/server";
import { and, asc, eq, ilike, inArray, or, sql, teamMembers, teams, users, type Database } from "@parley/db";

import type { RequestInfo, ServerDependencies, UserRole, Viewer } from "../context";
import { disconnectUserEverywhere } from "../realtime/control";
import { recordAudit } from "./audit-log";

type Deps = Pick<ServerDependencies, "db" | "bus">;

export interface UserListQuery {
  search?: string;
  role?: UserRole;
  includeDisabled: boolean;
  includeVisitors: boolean;
  offset: number;
  limit: number;
}

const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  isVisitor: users.isVisitor,
  availability: users.availability,
  maxConcurrentChats: users.maxConcurrentChats,
  disabledAt: users.disabledAt,
  lastSeenAt: users.lastSeenAt,
  createdAt: users.createdAt,
};

export async function listUsers(db: Database, query: UserListQuery) {
  const pattern = query.search ? `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const where = and(
    pattern ? or(ilike(users.name, pattern), ilike(users.email, pattern)) : undefined,
    query.role ? eq(users.role, query.role) : undefined,
    query.includeDisabled ? undefined : sql`${users.disabledAt} is null`,
    query.includeVisitors ? undefined : eq(users.isVisitor, false),
  );
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db.select(userColumns).from(users).where(where).orderBy(asc(users.name), asc(users.id)).offset(query.offset).limit(query.limit),
    db.select({ total: sql<number>`count(*)::int` }).from(users).where(where),
  ]);
  const memberships = rows.length
    ? await db
        .select({ userId: teamMembers.userId, teamId: teams.id, teamName: teams.name })
        .from(teamMembers)
        .innerJoin(teams, eq(teams.id, teamMembers.teamId))
        .where(inArray(teamMembers.userId, rows.map((row) => row.id)))
    : [];
  return {
    total,
    items: rows.map((row) => ({
      ...row,
      teams: memberships.filter((m) => m.userId === row.id).map((m) => ({ id: m.teamId, name: m.teamName })),
    })),
  };
}

async function requireUser(db: Database, userId: string) {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw new TRPCError({ code: "NOT_FOUND", message: "No such user." });
  return user;
}

function refuseSelf(actor: Viewer, userId: string, what: string) {
  if (actor.id === userId) throw new TRPCError({ code: "BAD_REQUEST", message: `You cannot ${what} your own account.` });
}

export async function changeRole(deps: Deps, request: RequestInfo, actor: Viewer, input: { userId: string; role: UserRole }) {
  refuseSelf(actor, input.userId, "change the role of");
  const user = await requireUser(deps.db, input.userId);
  if (user.isVisitor && input.role !== "customer") {
    throw new TRPCError({ code: "BAD_REQUEST", message: "A visitor has no sign-in and cannot become staff." });
  }
  await deps.db.update(users).set({ role: input.role }).where(eq(users.id, user.id));
  await recordAudit(deps.db, request, {
    action: "user.role_changed",
    actor,
    targetType: "user",
    targetId: user.id,
    details: { from: user.role, to: input.role },
  });
  // Open sockets carry the old role: make them reconnect with the new one.
  await disconnectUserEverywhere(deps.bus, user.id, "role changed");
}

export async function setDisabled(deps: Deps, request: RequestInfo, actor: Viewer, input: { userId: string; disabled: boolean }) {
  refuseSelf(actor, input.userId, "disable");
  const user = await requireUser(deps.db, input.userId);
  await deps.db
    .update(users)
    .set({ disabledAt: input.disabled ? new Date() : null, availability: input.disabled ? "offline" : user.availability })
    .where(eq(users.id, user.id));
  await recordAudit(deps.db, request, {
    action: input.disabled ? "user.disabled" : "user.enabled",
    actor,
    targetType: "user",
    targetId: user.id,
  });
  if (input.disabled) await disconnectUserEverywhere(deps.bus, user.id, "account disabled");
}

export async function setCapacity(db: Database, request: RequestInfo, actor: Viewer, input: { userId: string; maxConcurrentChats: number }) {
  const user = await requireUser(db, input.userId);
  if (user.role === "customer") throw new TRPCError({ code: "BAD_REQUEST", message: "Only agents and admins take chats." });
  await db.update(users).set({ maxConcurrentChats: input.maxConcurrentChats }).where(eq(users.id, user.id));
  await recordAudit(db, request, {
    action: "user.capacity_changed",
    actor,
    targetType: "user",
    targetId: user.id,
    details: { from: user.maxConcurrentChats, to: input.maxConcurrentChats },
  });
}

/** Replaces the user's team memberships with `teamIds`. */
export async function setTeams(db: Database, request: RequestInfo, actor: Viewer, input: { userId: string; teamIds: string[] }) {
  const user = await requireUser(db, input.userId);
  if (user.role === "customer" && input.teamIds.length) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "Customers do not belong to teams." });
  }
  const known = input.teamIds.length ? await db.select({ id: teams.id }).from(teams).where(inArray(teams.id, input.teamIds)) : [];
  if (known.length !== new Set(input.teamIds).size) throw new TRPCError({ code: "NOT_FOUND", message: "No such team." });
  await db.transaction(async (tx) => {
    await tx.delete(teamMembers).where(eq(teamMembers.userId, user.id));
    if (known.length) await tx.insert(teamMembers).values(known.map((team) => ({ teamId: team.id, userId: user.id })));
  });
  await recordAudit(db, request, {
    action: "user.teams_changed",
    actor,
    targetType: "user",
    targetId: user.id,
    details: { teamIds: input.teamIds },
  });
}

export async function listTeams(db: Database) {
  return db
    .select({
      id: teams.id,
      name: teams.name,
      slug: teams.slug,
      autoAssign: teams.autoAssign,
      memberCount: sql<number>`(select count(*)::int from ${teamMembers} where ${teamMembers.teamId} = ${teams.id})`,
    })
    .from(teams)
    .orderBy(asc(teams.name));
}
