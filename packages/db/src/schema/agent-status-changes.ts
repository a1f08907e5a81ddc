import { bigserial, index, pgTable, uuid } from "drizzle-orm/pg-core";

import { timestamptz } from "./columns";
import { agentAvailability, presenceStatus } from "./enums";
import { users } from "./users";

/**
 * The history of staff availability, for "time online" in reports: one row each time an
 * agent's desk switch (`availability`) or their connection (`presence`) changes, carrying
 * both, so that every row is the whole state from `changedAt` until the next row. An agent
 * counts as online while the switch says online and Parley is open somewhere.
 */
export const agentStatusChanges = pgTable(
  "agent_status_changes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    availability: agentAvailability("availability").notNull(),
    presence: presenceStatus("presence").notNull(),
    changedAt: timestamptz("changed_at").notNull().defaultNow(),
  },
  (t) => [index("agent_status_changes_user_changed_idx").on(t.userId, t.changedAt)],
);
