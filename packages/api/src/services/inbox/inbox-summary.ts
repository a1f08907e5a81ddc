import type { Database } from "@parley/db";

import type { PersonViewer } from "../../context";
import { readUnreadMentions } from "./mentions";
import { readUnreadByConversation } from "./unread-counts";

/**
 * What a person has not read: the unread total, the conversations it is in, and the
 * mentions among it. `countedAt` (the database clock of the counts) lets the live inbox
 * tell which published counts this summary already includes.
 */
export async function readInboxSummary(db: Database, viewer: PersonViewer) {
  const { countedAt, ...unread } = await readUnreadByConversation(db, viewer.id);
  const mentions = await readUnreadMentions(db, viewer);
  return { summary: { ...unread, mentions }, countedAt };
}
