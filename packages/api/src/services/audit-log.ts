import { and, auditLog, desc, eq, gte, lt, lte, type Database } from "@parley/db";

import type { RequestInfo, Viewer } from "../context";

export interface AuditEntry {
  action: string;
  actor: Viewer | null;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
}

/** Appends one security-relevant action, with where it came from. */
export async function recordAudit(db: Database, request: RequestInfo | null, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorKind: entry.actor ? (entry.actor.kind === "user" ? "user" : "api_key") : request ? "anonymous" : "system",
    actorId: entry.actor?.id ?? null,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    ip: request?.ip ?? null,
    userAgent: request?.headers.get("user-agent")?.slice(0, 512) ?? null,
    details: entry.details ?? null,
  });
}

export interface AuditQuery {
  action?: string;
  actorId?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
  /** The id of the last row of the previous page: pages go from newest to oldest. */
  cursor?: number;
  limit: number;
}

export async function listAudit(db: Database, query: AuditQuery) {
  const rows = await db
    .select()
    .from(auditLog)
    .where(
      and(
        query.action ? eq(auditLog.action, query.action) : undefined,
        query.actorId ? eq(auditLog.actorId, query.actorId) : undefined,
        query.targetId ? eq(auditLog.targetId, query.targetId) : undefined,
        query.from ? gte(auditLog.createdAt, query.from) : undefined,
        query.to ? lte(auditLog.createdAt, query.to) : undefined,
        query.cursor ? lt(auditLog.id, query.cursor) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(query.limit + 1);
  const hasMore = rows.length > query.limit;
  const items = hasMore ? rows.slice(0, query.limit) : rows;
  return { items, nextCursor: hasMore ? items.at(-1)!.id : null };
}
