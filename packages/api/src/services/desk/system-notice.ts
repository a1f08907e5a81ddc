import type { Transaction } from "@parley/db";

import { insertMessage } from "../messages/insert-message";

/** A line from Parley itself in the conversation ("Ada joined", "Closed by the customer"). */
export function insertSystemNotice(
  tx: Transaction,
  conversationId: string,
  body: string,
  data: Record<string, unknown>,
  options: { at: Date; internal?: boolean },
) {
  return insertMessage(tx, {
    conversationId,
    senderId: null,
    type: "system",
    internal: options.internal ?? false,
    body,
    replyToId: null,
    mentions: [],
    clientId: null,
    data,
    createdAt: options.at,
  }).then((result) => result.message);
}
