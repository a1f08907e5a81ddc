import { index, pgTable, text, uuid } from "drizzle-orm/pg-core";

import { createdAt, timestamptz } from "./columns";
import { users } from "./users";

/**
 * Keys third parties call the REST API with. The secret is shown once at creation; only
 * its SHA-256 is kept (a random 256-bit secret needs no slow hash). The prefix is the
 * visible part that lets admins tell keys apart.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    prefix: text("prefix").notNull().unique(),
    secretHash: text("secret_hash").notNull(),
    scopes: text("scopes").array().notNull(),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    lastUsedAt: timestamptz("last_used_at"),
    revokedAt: timestamptz("revoked_at"),
  },
  (t) => [index("api_keys_created_idx").on(t.createdAt)],
);
