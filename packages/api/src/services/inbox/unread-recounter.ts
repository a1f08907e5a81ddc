import { and, eq, isNull, participants, sql, users, type Database } from "@parley/db";

import { preparedPerDatabase } from "../../lib/prepared-statement";
import { uuidArray } from "../../lib/uuid-array";
import { channels, type Bus } from "../../realtime/bus";
import { publishInboxEvent } from "./inbox-events";
import { readUnreadOfPeople } from "./unread-counts";

/**
 * How long a new message's recount waits for other messages to join it. Far below what a
 * person notices on a badge, and at a thousand messages a second it makes one count of
 * fifty messages' audiences.
 */
export const UNREAD_RECOUNT_WINDOW_MS = 50;

export interface CountedMessage {
  conversationId: string;
  seq: number;
  senderId: string | null;
  internal: boolean;
}

/** What the messages sent in one conversation during a window ask to be recounted. */
interface PendingConversation {
  latestSeq: number;
  /** Whether any of them is public: private notes alone leave customers' counts alone. */
  anyPublic: boolean;
  /** Sending marks the conversation read for the sender, whose count then changes too. */
  senders: Set<string>;
}

/**
 * The inbox counts that new messages change, recounted together. Every message raises
 * the count of everyone who may see it in its conversation, and each of those people's
 * total across all their conversations; counting that for each message would cost one
 * query per message, and a query that grows with how many conversations its audience
 * has. So the messages sent within a short window are counted in one go: each person
 * hears their counts once per window, as they stand after every message of it. Counts
 * carry the database clock (`countedAt`), so a count published by another request or
 * process meanwhile is never overwritten by an older one.
 */
export class UnreadRecounter {
  #pending = new Map<string, PendingConversation>();
  #timer: NodeJS.Timeout | null = null;
  #inFlight = new Set<Promise<void>>();

  constructor(
    private readonly deps: { db: Database; bus: Bus },
    private readonly options: {
      /** Told of a recount that failed: its counts are then only as fresh as the next one. */
      onError: (error: unknown) => void;
      windowMs?: number;
    },
  ) {}

  /** Counts a committed message in the next recount. */
  afterMessage(message: CountedMessage): void {
    const pending = this.#pending.get(message.conversationId) ?? { latestSeq: 0, anyPublic: false, senders: new Set<string>() };
    pending.latestSeq = Math.max(pending.latestSeq, message.seq);
    pending.anyPublic ||= !message.internal;
    if (message.senderId) pending.senders.add(message.senderId);
    this.#pending.set(message.conversationId, pending);
    this.#timer ??= setTimeout(() => void this.flush(), this.options.windowMs ?? UNREAD_RECOUNT_WINDOW_MS);
  }

  /** Recounts what is pending now, and resolves once every recount under way is told. */
  async flush(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#pending.size) {
      const recount = this.#recount(this.#pending).catch(this.options.onError);
      this.#pending = new Map();
      this.#inFlight.add(recount);
      void recount.finally(() => this.#inFlight.delete(recount));
    }
    await Promise.all(this.#inFlight);
  }

  async #recount(pending: Map<string, PendingConversation>): Promise<void> {
    const audiences = await this.#listeningAudiences(pending);
    if (!audiences.length) return;
    const people = await readUnreadOfPeople(this.deps.db, [...new Set(audiences.map((member) => member.userId))]);
    await Promise.all(
      audiences.map(({ userId, conversationId }) => {
        const person = people.get(userId);
        if (!person) return; // gone since: nobody to tell
        return publishInboxEvent(this.deps.bus, userId, {
          type: "unread.changed",
          conversationId,
          unread: person.byConversation.get(conversationId) ?? 0,
          total: person.total,
          countedAt: person.countedAt,
        });
      }),
    );
  }

  /**
   * The audiences of people whose inbox is open somewhere. Counting is the costly part
   * (each person's unread across all their conversations), and most of an audience is
   * not watching: a customer on the chat widget, an agent signed out. Whoever opens their
   * inbox later reads a snapshot that counts these messages already.
   */
  async #listeningAudiences(pending: Map<string, PendingConversation>) {
    const audiences = await readAudiences(this.deps.db, pending);
    const listening = await this.deps.bus.listenedTo([...new Set(audiences.map((member) => channels.user(member.userId)))]);
    return audiences.filter((member) => listening.has(channels.user(member.userId)));
  }
}

/**
 * Who hears of each conversation's new messages: its participants who may see at least
 * one of them (private notes: staff only) and had not read the latest, and its senders.
 */
async function readAudiences(db: Database, pending: Map<string, PendingConversation>) {
  const members = await membersOf(db).execute({ conversationIds: uuidArray([...pending.keys()]) });
  return members.filter((member) => {
    const { latestSeq, anyPublic, senders } = pending.get(member.conversationId)!;
    const seesOne = anyPublic || member.role !== "customer";
    return seesOne && (member.lastReadSeq < latestSeq || senders.has(member.userId));
  });
}

/** The people in some conversations, with their read marks: prepared, since every recount runs it. */
const membersOf = preparedPerDatabase((db) =>
  db
    .select({
      userId: participants.userId,
      conversationId: participants.conversationId,
      lastReadSeq: participants.lastReadSeq,
      role: users.role,
    })
    .from(participants)
    .innerJoin(users, eq(users.id, participants.userId))
    .where(and(sql`${participants.conversationId} = any(${sql.placeholder("conversationIds")}::uuid[])`, isNull(participants.leftAt)))
    .prepare("unread_audiences"),
);
