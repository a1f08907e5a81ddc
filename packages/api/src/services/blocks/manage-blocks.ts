import { TRPCError } from "@trpc/server";
import { and, blocks, desc, eq, users, type Database } from "@parley/db";

import type { PersonViewer } from "../../context";

/**
 * The viewer stops hearing from `userId`: no messages in conversations they share, no new
 * direct conversations or rooms together. Blocking someone already blocked changes nothing.
 */
export async function blockPerson(db: Database, viewer: PersonViewer, userId: string): Promise<void> {
  if (userId === viewer.id) throw new TRPCError({ code: "BAD_REQUEST", message: "You cannot block yourself." });
  const [person] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!person) throw new TRPCError({ code: "NOT_FOUND", message: "No such person." });
  await db.insert(blocks).values({ blockerId: viewer.id, blockedId: userId }).onConflictDoNothing();
}

/** Lifts the viewer's block; unblocking someone not blocked changes nothing. */
export async function unblockPerson(db: Database, viewer: PersonViewer, userId: string): Promise<void> {
  await db.delete(blocks).where(and(eq(blocks.blockerId, viewer.id), eq(blocks.blockedId, userId)));
}

/** Everyone the viewer blocked, most recent first. */
export async function listBlockedPeople(db: Database, viewer: PersonViewer) {
  return db
    .select({ userId: blocks.blockedId, name: users.name, blockedAt: blocks.createdAt })
    .from(blocks)
    .innerJoin(users, eq(users.id, blocks.blockedId))
    .where(eq(blocks.blockerId, viewer.id))
    .orderBy(desc(blocks.createdAt), blocks.blockedId);
}
