import { sql } from "drizzle-orm";
import { check, index, pgTable, smallint, text, uuid } from "drizzle-orm/pg-core";

import { createdAt } from "./columns";
import { conversations } from "./conversations";
import { users } from "./users";

/** One rating per support session, given by its customer after it closes. */
export const csatResponses = pgTable(
  "csat_responses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conversationId: uuid("conversation_id")
      .notNull()
      .unique()
      .references(() => conversations.id, { onDelete: "cascade" }),
    customerId: uuid("customer_id").references(() => users.id, { onDelete: "set null" }),
    /** The agent who handled the session when it closed: the rating counts for them. */
    agentId: uuid("agent_id").references(() => users.id, { onDelete: "set null" }),
    rating: smallint("rating").notNull(),
    comment: text("comment"),
    createdAt: createdAt(),
  },
  (t) => [
    check("csat_rating_range", sql`${t.rating} between 1 and 5`),
    index("csat_created_idx").on(t.createdAt),
    index("csat_agent_created_idx").on(t.agentId, t.createdAt),
  ],
);
