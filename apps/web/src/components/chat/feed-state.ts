import type { ChatMessage, DeliveryStatus, Watermarks } from "./types";

/**
 * Adds `incoming` to `current`: one entry per message id, the latest change of each (the
 * highest change number wins, so an edit or a deletion is never undone by a late copy of
 * the original), in conversation order. A replayed or repeated event changes nothing,
 * which is what keeps a reconnect from showing a message twice.
 */
export function mergeMessages(current: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  if (!incoming.length) return current as ChatMessage[];
  const byId = new Map(current.map((message) => [message.id, message]));
  let changed = false;
  for (const message of incoming) {
    const known = byId.get(message.id);
    if (known && known.eventSeq >= message.eventSeq) continue;
    byId.set(message.id, message);
    changed = true;
  }
  if (!changed) return current as ChatMessage[];
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

/** Raises each person's watermarks; they never go down. */
export function raiseWatermarks(
  current: Watermarks,
  userId: string,
  marks: { lastDeliveredSeq: number; lastReadSeq: number },
): Watermarks {
  const known = current.get(userId);
  const next = {
    lastDeliveredSeq: Math.max(known?.lastDeliveredSeq ?? 0, marks.lastDeliveredSeq),
    lastReadSeq: Math.max(known?.lastReadSeq ?? 0, marks.lastReadSeq),
  };
  if (known && known.lastDeliveredSeq === next.lastDeliveredSeq && known.lastReadSeq === next.lastReadSeq) return current;
  return new Map(current).set(userId, next);
}

/**
 * A sent message's status for its sender, from everyone else's watermarks: read once
 * someone else has read up to it, delivered once someone else's device has it.
 */
export function deliveryStatusOf(seq: number, senderId: string, watermarks: Watermarks): DeliveryStatus {
  let delivered = false;
  for (const [userId, marks] of watermarks) {
    if (userId === senderId) continue;
    if (marks.lastReadSeq >= seq) return "read";
    if (marks.lastDeliveredSeq >= seq) delivered = true;
  }
  return delivered ? "delivered" : "sent";
}

/** The newest seq of a message someone else sent, which is what receipts acknowledge. */
export function latestSeqFromOthers(messages: readonly ChatMessage[], viewerId: string): number {
  for (let index = messages.length - 1; index >= 0; index--) {
    const message = messages[index]!;
    if (message.senderId !== viewerId) return message.seq;
  }
  return 0;
}

/** A client id for an idempotent send: the same id sent twice makes one message. */
export function newClientId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `c-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("")}`;
}
