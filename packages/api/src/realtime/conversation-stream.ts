import { tracked, type TrackedEnvelope } from "@trpc/server";
import { conversations, eq, type Database } from "@parley/db";

import type { Viewer } from "../context";
import { readConversationAccess } from "../services/conversations/access";
import { readChangesSince } from "../services/messages/history";
import { channels, type Bus } from "./bus";
import { listenOnBus, type BusListener } from "./bus-listener";
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
 *
 * The access check, the bus subscription and a fresh subscriber's starting point are all
 * done before this resolves, not when the events are first pulled: tRPC tells the client
 * its subscription has started once it resolves, and a client that sends a message (or
 * hears of one from its peer) right after that must see it come through.
 */
export async function streamConversation(
  deps: { db: Database; bus: Bus },
  viewer: Viewer,
  conversationId: string,
  lastEventId: string | null | undefined,
  signal: AbortSignal | undefined,
): Promise<AsyncGenerator<TrackedEnvelope<ConversationEvent>>> {
  const { seesInternal } = await readConversationAccess(deps.db, viewer, conversationId);

  const live = await listenOnBus<ConversationEvent>(deps.bus, channels.conversation(conversationId), signal);
  try {
    const resumeFrom = parseEventId(lastEventId);
    // A fresh subscriber starts from now: what is current once the bus is listening.
    const start =
      resumeFrom === null
        ? { cursor: await readLastEventSeq(deps.db, conversationId), replay: false }
        : { cursor: resumeFrom, replay: true };
    return followConversation(deps, { conversationId, seesInternal, live, ...start });
  } catch (error) {
    live.close();
    throw error;
  }
}

async function* followConversation(
  deps: { db: Database },
  stream: {
    conversationId: string;
    seesInternal: boolean;
    live: BusListener<ConversationEvent>;
    /** The change number the subscriber has reached. */
    cursor: number;
    /** Whether to read the changes after `cursor` first (a resuming subscriber). */
    replay: boolean;
  },
): AsyncGenerator<TrackedEnvelope<ConversationEvent>> {
  const { conversationId, seesInternal, live } = stream;
  let { cursor } = stream;
  try {
    if (stream.replay) {
      for (const message of await readChangesSince(deps.db, conversationId, seesInternal, cursor)) {
        cursor = message.eventSeq;
        yield tracked(String(message.eventSeq), { type: "message", message });
      }
    }

    for await (const event of live.events) {
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
    live.close();
  }
}

async function readLastEventSeq(db: Database, conversationId: string): Promise<number> {
  const [row] = await db
    .select({ lastEventSeq: conversations.lastEventSeq })
    .from(conversations)
    .where(eq(conversations.id, conversationId));
  return row?.lastEventSeq ?? 0;
}

function parseEventId(id: string | null | undefined): number | null {
  if (id === null || id === undefined) return null;
  const value = Number(id);
  return Number.isSafeInteger(value) && value >= 0 ? value : null;
}
