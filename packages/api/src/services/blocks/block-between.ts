import { and, blocks, inArray, or, type Database, type Transaction } from "@parley/db";

/**
 * Whether anyone in `group` has blocked anyone in `others`, or the other way round. A block
 * works both ways for bringing people together: neither side may pull the other into a
 * conversation, so that the blocked person is not told who blocked them.
 */
export async function hasBlockBetween(db: Database | Transaction, group: string[], others: string[]): Promise<boolean> {
  if (!group.length || !others.length) return false;
  const [block] = await db
    .select({ blockerId: blocks.blockerId })
    .from(blocks)
    .where(
      or(
        and(inArray(blocks.blockerId, group), inArray(blocks.blockedId, others)),
        and(inArray(blocks.blockedId, group), inArray(blocks.blockerId, others)),
      ),
    )
    .limit(1);
  return !!block;
}
