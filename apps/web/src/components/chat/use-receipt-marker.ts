import { TRPCClientError } from "@trpc/client";
import { useEffect, useRef, useState } from "react";

import { useConnectionStatus, useTRPCClient } from "~/trpc/react";
import { latestSeqFromOthers } from "./feed-state";
import type { ChatMessage } from "./types";

/** Whether the person can see the page: the tab is showing. */
function usePageVisible(): boolean {
  const [visible, setVisible] = useState(true);
  useEffect(() => {
    const update = () => setVisible(document.visibilityState === "visible");
    update();
    document.addEventListener("visibilitychange", update);
    return () => document.removeEventListener("visibilitychange", update);
  }, []);
  return visible;
}

/**
 * Acknowledges others' messages for the viewer: delivered as soon as they are on this
 * device, read while the conversation is on screen in a visible tab. Only participants
 * keep receipts (an agent looking into a colleague's session does not).
 */
export function useReceiptMarker(conversationId: string, viewerId: string, messages: readonly ChatMessage[], participant: boolean) {
  const client = useTRPCClient();
  const visible = usePageVisible();
  // A receipt lost with the connection goes again once it is back.
  const connection = useConnectionStatus();
  const marked = useRef({ delivered: 0, read: 0 });
  /** Set when the server says the viewer keeps no receipts here (they left, or were moved off). */
  const refused = useRef(false);
  const latest = latestSeqFromOthers(messages, viewerId);

  useEffect(() => {
    if (!participant || refused.current || latest === 0 || connection === "offline") return;
    const kind = visible ? "read" : "delivered";
    if (marked.current[kind] >= latest) return;
    const previous = { ...marked.current };
    marked.current = kind === "read" ? { delivered: latest, read: latest } : { ...marked.current, delivered: latest };
    client.messages.markReceipt.mutate({ conversationId, seq: latest, kind }).catch((error: unknown) => {
      if (error instanceof TRPCClientError && error.data?.code === "FORBIDDEN") refused.current = true;
      // Not acknowledged: try again with the next change.
      else marked.current = previous;
    });
  }, [client, connection, conversationId, latest, participant, visible]);
}
