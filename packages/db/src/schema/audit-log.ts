import { bigserial, index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";

import { createdAt } from "./columns";
import { auditActorKind } from "./enums";

/**
 * Security-relevant actions. Append-only: a trigger in the migrations refuses UPDATE
 * and DELETE, so not even a bug in Parley can rewrite history. Actor ids are kept as
 * plain values (no foreign key) so that deleting a user keeps their trail.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    actorKind: auditActorKind("actor_kind").notNull(),
    actorId: uuid("actor_id"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    details: jsonb("details").$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_log_created_idx").on(t.createdAt),
    index("audit_log_action_created_idx").on(t.action, t.createdAt),
    index("audit_log_actor_created_idx").on(t.actorId, t.createdAt),
  ],
);
