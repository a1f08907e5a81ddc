import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text, boolean, uniqueIndex, uuid } from "drizzle-orm/pg-core";

import { createdAt, timestamptz, updatedAt } from "./columns";
import { agentAvailability, userRole } from "./enums";

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Null for anonymous website visitors, who are identified by a signed token instead. */
    email: text("email"),
    name: text("name").notNull(),
    role: userRole("role").notNull().default("customer"),
    /** Null for visitors and for accounts that cannot sign in with a password. */
    passwordHash: text("password_hash"),
    /** An anonymous website visitor, known only by the signed token their browser keeps. */
    isVisitor: boolean("is_visitor").notNull().default(false),
    avatarUrl: text("avatar_url"),
    availability: agentAvailability("availability").notNull().default("offline"),
    maxConcurrentChats: integer("max_concurrent_chats").notNull().default(3),
    disabledAt: timestamptz("disabled_at"),
    lastSeenAt: timestamptz("last_seen_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Emails compare case-insensitively: one account per address however it is typed.
    uniqueIndex("users_email_lower_idx").on(sql`lower(${t.email})`),
    index("users_role_availability_idx").on(t.role, t.availability),
    check("users_capacity_range", sql`${t.maxConcurrentChats} between 0 and 100`),
  ],
);

export const teams = pgTable("teams", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  slug: text("slug").notNull().unique(),
  description: text("description"),
  /** Off: sessions for this team wait until an agent takes them or an admin assigns them. */
  autoAssign: boolean("auto_assign").notNull().default(true),
  createdAt: createdAt(),
});

export const teamMembers = pgTable(
  "team_members",
  {
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index("team_members_user_idx").on(t.userId)],
);
