import { useCallback, useEffect, useRef, useState } from "react";

import { useConnectionStatus, useTRPCClient } from "~/trpc/react";
import { newClientId } from "./feed-state";
import { describeSendFailure } from "./send-errors";
import type { ChatAttachment, ChatMessage, PendingMessage } from "./types";

export interface OutgoingMessage {
  body: string;
  internal?: boolean;
  replyToId?: string | null;
  attachments?: ChatAttachment[];
  /** People in the conversation the message names with "@". */
  mentions?: string[];
}

/**
 * Sends messages optimistically: each shows at once as "sending", and becomes the real
 * message when the server confirms it (or its event arrives first). A send that fails for
 * want of a connection is tried again when the connection is back, with the same client
 * id, so that a send which did reach the server (only its answer was lost) is not made
 * twice. Refusals stay on screen with the reason, to retry or discard by hand.
 */
export function useMessageSender(conversationId: string, onSent: (message: ChatMessage) => void) {
  const client = useTRPCClient();
  const connection = useConnectionStatus();
  const [pending, setPending] = useState<PendingMessage[]>([]);
  const inFlight = useRef(new Set<string>());

  const attempt = useCallback(
    async (message: PendingMessage) => {
      if (inFlight.current.has(message.clientId)) return;
      inFlight.current.add(message.clientId);
      setPending((current) => current.map((item) => (item.clientId === message.clientId ? { ...item, state: "sending", error: null } : item)));
      try {
        const sent = await client.messages.send.mutate({
          conversationId,
          body: message.body,
          internal: message.internal,
          replyToId: message.replyToId ?? undefined,
          attachmentIds: message.attachments.length ? message.attachments.map((attachment) => attachment.id) : undefined,
          mentions: message.mentions.length ? message.mentions : undefined,
          clientId: message.clientId,
        });
        onSent(sent);
        setPending((current) => current.filter((item) => item.clientId !== message.clientId));
      } catch (error) {
        const failure = describeSendFailure(error);
        setPending((current) =>
          current.map((item) =>
            item.clientId === message.clientId ? { ...item, state: "failed", error: failure.message, retryable: failure.retryable } : item,
          ),
        );
      } finally {
        inFlight.current.delete(message.clientId);
      }
    },
    [client, conversationId, onSent],
  );

  const send = useCallback(
    (outgoing: OutgoingMessage) => {
      const message: PendingMessage = {
        clientId: newClientId(),
        body: outgoing.body,
        internal: outgoing.internal ?? false,
        replyToId: outgoing.replyToId ?? null,
        attachments: outgoing.attachments ?? [],
        mentions: outgoing.mentions ?? [],
        createdAt: new Date(),
        state: "sending",
        error: null,
        retryable: true,
      };
      setPending((current) => [...current, message]);
      void attempt(message);
    },
    [attempt],
  );

  const retry = useCallback(
    (clientId: string) => {
      const message = pending.find((item) => item.clientId === clientId);
      if (message) void attempt(message);
    },
    [attempt, pending],
  );

  const discard = useCallback((clientId: string) => {
    setPending((current) => current.filter((item) => item.clientId !== clientId));
  }, []);

  // Back online: what failed for want of a connection goes out again, in the order written.
  useEffect(() => {
    if (connection === "offline") return;
    const waiting = pending.filter((item) => item.state === "failed" && item.retryable);
    if (!waiting.length) return;
    const retryAll = async () => {
      for (const message of waiting) await attempt(message);
    };
    const onOnline = () => void retryAll();
    window.addEventListener("online", onOnline);
    // Already online (a failure without the browser noticing): try again shortly.
    const timer = setTimeout(onOnline, 4_000);
    return () => {
      window.removeEventListener("online", onOnline);
      clearTimeout(timer);
    };
  }, [attempt, connection, pending]);

  return { pending, send, retry, discard };
}
