import { sql } from "drizzle-orm";
import { check, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";

import { createdAt, updatedAt } from "./columns";
import { teams, users } from "./users";

/** A shortcut is typed after a slash in the composer (`/refund`); the slash is not stored. */
export const CANNED_RESPONSE_SHORTCUT_PATTERN = /^[a-z0-9][a-z0-9-]{0,31}$/;
export const CANNED_RESPONSE_TITLE_MAX_LENGTH = 120;
export const CANNED_RESPONSE_BODY_MAX_LENGTH = 5_000;
export const CANNED_RESPONSE_CATEGORY_MAX_LENGTH = 50;

/**
 * Global responses serve the whole desk, team responses the members of one team, and
 * personal responses only the agent who wrote them.
 */
export const cannedResponseScope = pgEnum("canned_response_scope", ["global", "team", "personal"]);

/**
 * Saved replies agents insert by shortcut. The body may hold placeholders such as
 * `{{customer.name}}`, filled when the reply is used in a conversation.
 */
export const cannedResponses = pgTable(
  "canned_responses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    scope: cannedResponseScope("scope").notNull(),
    /** The team a team response belongs to; its responses go with the team. */
    teamId: uuid("team_id").references(() => teams.id, { onDelete: "cascade" }),
    /** The agent a personal response belongs to; their responses go with the account. */
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "cascade" }),
    shortcut: text("shortcut").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    category: text("category"),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // One shortcut per scope owner: the desk, a team, an agent. The same shortcut may live
    // in several scopes, so an agent can keep a personal `/refund` beside the desk's.
    // These indexes are also how responses are found by owner when listing.
    uniqueIndex("canned_responses_global_shortcut_idx").on(t.shortcut).where(sql`${t.scope} = 'global'`),
    uniqueIndex("canned_responses_team_shortcut_idx").on(t.teamId, t.shortcut).where(sql`${t.scope} = 'team'`),
    uniqueIndex("canned_responses_personal_shortcut_idx").on(t.ownerId, t.shortcut).where(sql`${t.scope} = 'personal'`),
    check(
      "canned_responses_owner_fits_scope",
      sql`(${t.scope} = 'global' and ${t.teamId} is null and ${t.ownerId} is null)
        or (${t.scope} = 'team' and ${t.teamId} is not null and ${t.ownerId} is null)
        or (${t.scope} = 'personal' and ${t.ownerId} is not null and ${t.teamId} is null)`,
    ),
    check("canned_responses_shortcut_format", sql`${t.shortcut} ~ ${sql.raw(`'${CANNED_RESPONSE_SHORTCUT_PATTERN.source}'`)}`),
    check(
      "canned_responses_title_length",
      sql`char_length(${t.title}) between 1 and ${sql.raw(String(CANNED_RESPONSE_TITLE_MAX_LENGTH))}`,
    ),
    check(
      "canned_responses_body_length",
      sql`char_length(${t.body}) between 1 and ${sql.raw(String(CANNED_RESPONSE_BODY_MAX_LENGTH))}`,
    ),
    check(
      "canned_responses_category_length",
      sql`char_length(${t.category}) between 1 and ${sql.raw(String(CANNED_RESPONSE_CATEGORY_MAX_LENGTH))}`,
    ),
  ],
);
