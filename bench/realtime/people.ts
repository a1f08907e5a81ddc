import { teamMembers, teams, users, type Database } from "@parley/db";

import { sessionCookieFor } from "../../packages/api/test/support/identities";

/** One customer and the agent who answers them; each side gets a socket of its own. */
export interface PairSpec {
  index: number;
  customerId: string;
  agentId: string;
  customerCookie: string;
  agentCookie: string;
  /** The team the customer's session is for: the agent is its one member, so the session is assigned to them. */
  teamId: string;
}

const INSERT_CHUNK = 500;

/**
 * Customers and agents written straight into the bench database, with the Auth.js session
 * cookie each would have after signing in to the web app. Each agent is the one member of
 * an auto-assigning team of their own, so the session their customer opens is assigned to
 * them at once, as a busy desk's sessions are: the agent chats as an assigned participant.
 */
export async function createPairs(db: Database, pairCount: number): Promise<PairSpec[]> {
  const customerIds = await insertPeople(db, "customer", pairCount);
  const agentIds = await insertPeople(db, "agent", pairCount);
  const teamIds: string[] = [];
  for (let start = 0; start < pairCount; start += INSERT_CHUNK) {
    const rows = await db
      .insert(teams)
      .values(
        Array.from({ length: Math.min(INSERT_CHUNK, pairCount - start) }, (_, offset) => ({
          name: `Bench desk ${start + offset}`,
          slug: `bench-desk-${start + offset}`,
          autoAssign: true,
        })),
      )
      .returning({ id: teams.id });
    teamIds.push(...rows.map((row) => row.id));
  }
  for (let start = 0; start < pairCount; start += INSERT_CHUNK) {
    await db
      .insert(teamMembers)
      .values(agentIds.slice(start, start + INSERT_CHUNK).map((userId, offset) => ({ teamId: teamIds[start + offset]!, userId })));
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
      teamId: teamIds[index]!,
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
