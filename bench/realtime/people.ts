import { teamMembers, teams, users, type Database } from "@parley/db";

import { sessionCookieFor } from "../../packages/api/test/support/identities";

/** One customer and the agent who answers them; each side gets a socket of its own. */
export interface PairSpec {
  index: number;
  customerId: string;
  agentId: string;
  customerCookie: string;
  agentCookie: string;
  /** The team the customer's session is for; the agent serves it. */
  teamId: string;
}

const INSERT_CHUNK = 500;

/**
 * Customers and agents written straight into the bench database (one support team), with
 * the Auth.js session cookie each would have after signing in to the web app.
 */
export async function createPairs(db: Database, pairCount: number): Promise<PairSpec[]> {
  const [team] = await db.insert(teams).values({ name: "Bench support", slug: "bench-support", autoAssign: false }).returning();
  const customerIds = await insertPeople(db, "customer", pairCount);
  const agentIds = await insertPeople(db, "agent", pairCount);
  for (let start = 0; start < agentIds.length; start += INSERT_CHUNK) {
    await db.insert(teamMembers).values(agentIds.slice(start, start + INSERT_CHUNK).map((userId) => ({ teamId: team!.id, userId })));
  }

  const pairs: PairSpec[] = [];
  for (let index = 0; index < pairCount; index++) {
    const customerId = customerIds[index]!;
    const agentId = agentIds[index]!;
    pairs.push({
      index,
      customerId,
      agentId,
      customerCookie: await sessionCookieFor(customerId, undefined, 24 * 3600),
      agentCookie: await sessionCookieFor(agentId, undefined, 24 * 3600),
      teamId: team!.id,
    });
  }
  return pairs;
}

async function insertPeople(db: Database, role: "customer" | "agent", count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < count; start += INSERT_CHUNK) {
    const rows = await db
      .insert(users)
      .values(
        Array.from({ length: Math.min(INSERT_CHUNK, count - start) }, (_, offset) => ({
          name: `Bench ${role} ${start + offset}`,
          email: `bench-${role}-${start + offset}@example.test`,
          role,
          availability: role === "agent" ? ("online" as const) : ("offline" as const),
          maxConcurrentChats: role === "agent" ? 100 : 3,
        })),
      )
      .returning({ id: users.id });
    ids.push(...rows.map((row) => row.id));
  }
  return ids;
}
