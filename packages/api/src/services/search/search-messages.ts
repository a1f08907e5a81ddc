import { and, conversations, desc, eq, isNull, messages, sql, users, type Database } from "@parley/db";

import type { PersonViewer } from "../../context";
import { readConversationAccess } from "../conversations/access";
import { MATCH_END, MATCH_START, toSafeSnippet } from "./safe-snippet";
import { searchableBy } from "./searchable-conversations";

export interface MessageSearchQuery {
  /** Words as people type them in a search box: "quoted phrases", or, -excluded. */
  q: string;
  /** Search one conversation only; any conversation the viewer may read, joined or not. */
  conversationId?: string;
  limit: number;
  offset: number;
}

const HEADLINE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=30, MinWords=12, ShortWord=2`;

/**
 * Full-text search over the messages the viewer may see, best match first. Uses the
 * messages' generated `search_vector` (the 'simple' configuration: every word counts, no
 * stemming, so it works for any language) and its GIN index. Deleted messages are never
 * found; private notes only by agents and admins.
 */
export async function searchMessages(db: Database, viewer: PersonViewer, query: MessageSearchQuery) {
  let scope = searchableBy(viewer);
  let seesInternal = viewer.role !== "customer";
  if (query.conversationId) {
    const access = await readConversationAccess(db, viewer, query.conversationId);
    scope = eq(conversations.id, query.conversationId);
    seesInternal = access.seesInternal;
  }

  const tsQuery = sql`websearch_to_tsquery('simple', ${query.q})`;
  const rank = sql`ts_rank(${messages.searchVector}, ${tsQuery})`;
  const rows = await db
    .select({
      messageId: messages.id,
      conversationId: messages.conversationId,
      conversationKind: conversations.kind,
      conversationSubject: conversations.subject,
      seq: messages.seq,
      senderId: messages.senderId,
      senderName: users.name,
      type: messages.type,
      internal: messages.internal,
      createdAt: messages.createdAt,
      headline: sql<string>`ts_headline('simple', translate(${messages.body}, ${MATCH_START + MATCH_END}, ''), ${tsQuery}, ${HEADLINE_OPTIONS})`,
      rank: rank.mapWith(Number),
    })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .leftJoin(users, eq(users.id, messages.senderId))
    .where(
      and(
        sql`${messages.searchVector} @@ ${tsQuery}`,
        isNull(messages.deletedAt),
        seesInternal ? undefined : eq(messages.internal, false),
        scope,
      ),
    )
    .orderBy(desc(rank), desc(messages.createdAt), desc(messages.id))
    .limit(query.limit + 1)
    .offset(query.offset);

  const hasMore = rows.length > query.limit;
  return {
    items: (hasMore ? rows.slice(0, query.limit) : rows).map(({ headline, ...hit }) => ({ ...hit, snippet: toSafeSnippet(headline) })),
    hasMore,
  };
}
