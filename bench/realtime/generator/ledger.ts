import type { MessageEvents } from "./bench-pair";
import type { RunResult, Side } from "./protocol";

interface Entry {
  from: Side;
  sentAt: number;
  ackedAt: number | null;
  deliveredAt: number | null;
  rejected: string | null;
}

/**
 * The fate of every message one generator process sends in one run: answered or not,
 * delivered to the other side or not, and how long each took. Deliveries of keys it did
 * not send in this run (late arrivals from an earlier run) are counted as strays.
 */
export class MessageLedger implements MessageEvents {
  readonly #entries = new Map<string, Entry>();
  readonly #sendLagMs: number[] = [];
  #answered = 0;
  #ackedAndDelivered = 0;
  #acked = 0;
  #shed = 0;
  #strays = 0;

  get sent(): number {
    return this.#entries.size;
  }

  /** Sends the server has not answered yet. */
  get inFlight(): number {
    return this.#entries.size - this.#answered;
  }

  /** Every send answered, and every acknowledged message delivered: nothing more to wait for. */
  get settled(): boolean {
    return this.#answered === this.#entries.size && this.#ackedAndDelivered === this.#acked;
  }

  record(key: string, from: Side, sentAt: number, lagMs: number): void {
    this.#entries.set(key, { from, sentAt, ackedAt: null, deliveredAt: null, rejected: null });
    this.#sendLagMs.push(lagMs);
  }

  shed(): void {
    this.#shed++;
  }

  acknowledged(key: string, at: number): void {
    const entry = this.#entries.get(key);
    if (!entry || entry.ackedAt !== null || entry.rejected !== null) return;
    entry.ackedAt = at;
    this.#answered++;
    this.#acked++;
    if (entry.deliveredAt !== null) this.#ackedAndDelivered++;
  }

  rejected(key: string, code: string): void {
    const entry = this.#entries.get(key);
    if (!entry || entry.ackedAt !== null || entry.rejected !== null) return;
    entry.rejected = code;
    this.#answered++;
  }

  delivered(key: string, to: Side, at: number): void {
    const entry = this.#entries.get(key);
    if (!entry) {
      this.#strays++;
      return;
    }
    // The sender's own subscription sees the message too; only the other side counts.
    if (to === entry.from || entry.deliveredAt !== null) return;
    entry.deliveredAt = at;
    if (entry.ackedAt !== null) this.#ackedAndDelivered++;
  }

  /** The account at this moment; `windowEndsAt` (performance clock) bounds in-window deliveries. */
  result(windowEndsAt: number): RunResult {
    const rejected: Record<string, number> = {};
    const latencies: number[] = [];
    const ackLatencies: number[] = [];
    let unanswered = 0;
    let delivered = 0;
    let lost = 0;
    let deliveredInWindow = 0;
    for (const entry of this.#entries.values()) {
      if (entry.rejected !== null) rejected[entry.rejected] = (rejected[entry.rejected] ?? 0) + 1;
      else if (entry.ackedAt === null) unanswered++;
      else ackLatencies.push(entry.ackedAt - entry.sentAt);
      if (entry.deliveredAt !== null) {
        delivered++;
        latencies.push(entry.deliveredAt - entry.sentAt);
        if (entry.deliveredAt <= windowEndsAt) deliveredInWindow++;
      } else if (entry.ackedAt !== null) {
        lost++;
      }
    }
    return {
      attempted: this.#entries.size + this.#shed,
      acknowledged: this.#acked,
      rejected,
      unanswered,
      shed: this.#shed,
      delivered,
      lost,
      deliveredInWindow,
      latenciesMs: Float64Array.from(latencies),
      ackLatenciesMs: Float64Array.from(ackLatencies),
      sendLagMs: Float64Array.from(this.#sendLagMs),
      strays: this.#strays,
    };
  }
}
