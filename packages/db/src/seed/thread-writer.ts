import type { messages } from "../schema";

export type MessageRow = typeof messages.$inferInsert;

export interface ThreadMessage {
  at: number;
  /** Null for notices Parley writes itself. */
  senderId: string | null;
  body: string;
  type?: MessageRow["type"];
  internal?: boolean;
  data?: Record<string, unknown>;
  mentions?: string[];
  replyToId?: string;
}

/**
 * Collects one conversation's messages in the order they were sent and numbers them
 * 1, 2, 3... exactly as the server's send path does, so the seeded seq is gap-free.
 */
export class ThreadWriter {
  readonly rows: MessageRow[] = [];

  constructor(
    private readonly conversationId: string,
    private readonly newId: () => string,
  ) {}

  /** Adds a message and returns its id. */
  add(message: ThreadMessage): string {
    const id = this.newId();
    this.rows.push({
      id,
      conversationId: this.conversationId,
      seq: this.rows.length + 1,
      // Each message was one change when it was sent, and none has been edited since.
      eventSeq: this.rows.length + 1,
      senderId: message.senderId,
      type: message.type ?? "text",
      internal: message.internal ?? false,
      body: message.body,
      data: message.data ?? null,
      mentions: message.mentions ?? [],
      replyToId: message.replyToId ?? null,
      createdAt: new Date(message.at),
    });
    return id;
  }

  get lastSeq(): number {
    return this.rows.length;
  }

  get lastMessageAt(): Date | null {
    return this.rows.at(-1)?.createdAt ?? null;
  }

  /** The seq of the latest message sent at or before `at`, or 0. */
  seqAt(at: number): number {
    let seq = 0;
    for (const row of this.rows) if (row.createdAt && row.createdAt.getTime() <= at) seq = row.seq;
    return seq;
  }
}
