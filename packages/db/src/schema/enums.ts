import { pgEnum } from "drizzle-orm/pg-core";

export const userRole = pgEnum("user_role", ["customer", "agent", "admin"]);
export const agentAvailability = pgEnum("agent_availability", ["online", "away", "offline"]);
/** Whether a person has Parley open: a live socket (online), only hidden tabs (away), or none. */
export const presenceStatus = pgEnum("presence_status", ["online", "away", "offline"]);

export const conversationKind = pgEnum("conversation_kind", ["support", "direct", "group"]);
/**
 * One status column for every kind: a support session moves waiting -> active -> closed;
 * a group room is open, closed or archived; a direct conversation stays open.
 * The check constraint on `conversations` keeps each kind to its own values.
 */
export const conversationStatus = pgEnum("conversation_status", [
  "waiting",
  "active",
  "open",
  "closed",
  "archived",
]);
export const conversationPriority = pgEnum("conversation_priority", ["low", "normal", "high", "urgent"]);
export const roomVisibility = pgEnum("room_visibility", ["public", "private"]);

export const participantRole = pgEnum("participant_role", ["customer", "agent", "member", "owner"]);
export const notificationLevel = pgEnum("notification_level", ["all", "mentions", "none"]);

export const messageType = pgEnum("message_type", [
  "text",
  "image",
  "file",
  "system",
  "order_update",
  "delivery_update",
]);

export const sessionEventType = pgEnum("session_event_type", [
  "created",
  "assigned",
  "first_response",
  "transferred",
  "closed",
  "reopened",
]);

export const auditActorKind = pgEnum("audit_actor_kind", ["user", "api_key", "system", "anonymous"]);
