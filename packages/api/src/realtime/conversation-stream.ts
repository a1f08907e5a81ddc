import { tracked, type TrackedEnvelope } from "@trpc/server";
import { conversations, eq, type Database } from "@parley/db";

import type { Viewer } from "../context";
import { AsyncQueue } from "../lib/async-queue";
import { readConversationAccess } from "../services/conversations/access";
import { readChangesSince } from "../services/messages/history";
import { channels, type Bus } from "./bus";
import type { ConversationEvent } from "./conversation-events";

/**
 * A conversation's live events for one subscriber, resumable without gaps or repeats:
 * 1. subscribe to the bus first, buffering what arrives;
 * 2. replay from the database every message change after `lastEventId`;
 * 3. then drain live events, skipping changes already replayed and filling any hole
 *    (events published out of order by concurrent senders) from the database.
 * Every event is `tracked` with the conversation's change number reached so far:
 * message events move it; receipts and typing (ephemeral) repeat it, so whatever
 * arrived last, a reconnecting client resumes from the right place. Private notes never
 * reach those who may not see them.
 */
export async function* streamConversation(
  deps: { db: Database; bus: Bus },
  viewer: Viewer,
  conversationId: string,
  lastEventId: string | null | undefined,
  signal: AbortSignal | undefined,
): AsyncGenerator<TrackedEnvelope<ConversationEvent>> {
  const { seesInternal } = await readConversationAccess(deps.db, viewer, conversationId);

  const live = new AsyncQueue<ConversationEvent>(signal);
  const unsubscribe = await deps.bus.subscribe(channels.conversation(conversationId), (event) =>
    live.push(event as ConversationEvent),
  );
  try {
    let cursor = parseEventId(lastEventId);
    if (cursor === null) {
      // A fresh subscriber starts from now: what is current once the bus is listening.
      const [row] = await deps.db
        .select({ lastEventSeq: conversations.lastEventSeq })
        .from(conversations)
        .where(eq(conversations.id, conversationId));
      cursor = row?.lastEventSeq ?? 0;
    } else {
      for (const message of await readChangesSince(deps.db, conversationId, seesInternal, cursor)) {
        cursor = message.eventSeq;
        yield tracked(String(message.eventSeq), { type: "message", message });
      }
    }

    for await (const event of live) {
      if (event.type !== "message") {
        yield tracked(String(cursor), event);
        continue;
      }
      const { eventSeq } = event.message;
      if (eventSeq <= cursor) continue; // already replayed
      if (eventSeq > cursor + 1) {
        // An earlier change is committed but its event has not arrived yet: read it.
        for (const missed of await readChangesSince(deps.db, conversationId, seesInternal, cursor, eventSeq - 1)) {
          yield tracked(String(missed.eventSeq), { type: "message", message: missed });
        }
      }
      cursor = eventSeq;
      if (event.message.internal && !seesInternal) continue;
      yield tracked(String(eventSeq), event);
    }
  } finally {
    unsubscribe();
  }
}

function parseEventId(id: string | null | undefined): number | null {
  if (id === null || id === undefined) return null;
  const value = Number(id);
  return Number.isSafeInteger(value) && value >= 0 ? value : null;
}
