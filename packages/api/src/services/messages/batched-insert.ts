import type { Database, Transaction } from "@parley/db";
import type { SQL } from "drizzle-orm";

import type { InsertedMessage, NewMessage } from "./insert-message";

/** A plain message waiting for the next batch, with its sender's condition to post. */
export interface QueuedInsert {
  message: Omit<NewMessage, "attachmentIds">;
  admits: SQL;
}

export type RunInsert = (executor: Database | Transaction, queued: QueuedInsert) => Promise<InsertedMessage | null>;

interface Waiting extends QueuedInsert {
  resolve(result: InsertedMessage | null): void;
  reject(error: unknown): void;
}

/** Enough to keep a batch's transaction short when a burst queues thousands. */
const MAX_BATCH = 64;

/**
 * Group commit for plain messages. While the batches under way are written (a few at
 * once), the messages sent meanwhile wait, and are then written together: in one
 * transaction whose statements go out together, and one commit (one WAL flush), where
 * each would otherwise pay its own. At an ordinary pace a batch is the one message and
 * costs what it did alone; under a burst the batches grow, and the database's work per
 * message shrinks just when it matters.
 *
 * Each message keeps its own statement (`runInsert`, the same one a lone send runs), so
 * seq, idempotency and its sender's right to post are decided exactly as for a lone send.
 * Statements take the conversations' row locks in the order of their ids, as every batch
 * does, so two batches (of two server processes) never wait on each other in a circle. A
 * batch whose transaction fails (a client id raced by another process's batch, say) is
 * undone whole, and each of its messages is then written alone, to succeed or fail on
 * its own.
 */
export class BatchedInsert {
  #waiting: Waiting[] = [];
  #writing = 0;
  #scheduled = false;

  constructor(
    private readonly db: Database,
    private readonly runInsert: RunInsert,
    /** Batches written at once: a slow commit must not hold every send behind it. */
    private readonly concurrency = 3,
  ) {}

  insert(queued: QueuedInsert): Promise<InsertedMessage | null> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ ...queued, resolve, reject });
      this.#schedule();
    });
  }

  /** Sends that arrive in the same turn of the event loop make one batch. */
  #schedule(): void {
    if (this.#scheduled || this.#writing >= this.concurrency) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      void this.#writeNext();
    });
  }

  async #writeNext(): Promise<void> {
    if (!this.#waiting.length || this.#writing >= this.concurrency) return;
    this.#writing++;
    try {
      await this.#write(this.#waiting.splice(0, MAX_BATCH));
    } finally {
      this.#writing--;
    }
    if (this.#waiting.length) void this.#writeNext();
  }

  async #write(batch: Waiting[]): Promise<void> {
    if (batch.length === 1) return settle(batch[0]!, () => this.runInsert(this.db, batch[0]!));
    batch.sort((a, b) => (a.message.conversationId < b.message.conversationId ? -1 : a.message.conversationId > b.message.conversationId ? 1 : 0));
    let results: (InsertedMessage | null)[];
    try {
      results = await this.db.transaction((tx) => Promise.all(batch.map((queued) => this.runInsert(tx, queued))));
    } catch {
      await Promise.all(batch.map((queued) => settle(queued, () => this.runInsert(this.db, queued))));
      return;
    }
    batch.forEach((queued, index) => queued.resolve(results[index]!));
  }
}

async function settle(waiting: Waiting, write: () => Promise<InsertedMessage | null>): Promise<void> {
  try {
    waiting.resolve(await write());
  } catch (error) {
    waiting.reject(error);
  }
}
