import { useCallback, useEffect, useRef } from "react";

import { useTRPCClient } from "~/trpc/react";

/** "Still typing" is repeated this often while keys keep coming; the server forgets it after 5 s. */
const REPEAT_MS = 3_000;
/** This long without a key, the viewer has stopped typing. */
const QUIET_MS = 4_000;

/**
 * Tells the others in the conversation that the viewer is typing: on the first key, again
 * every few seconds while typing goes on, and "stopped" after a quiet spell or a send.
 * Failures are ignored: a missed indicator is not worth a word to the person.
 */
export function useTypingSignal(conversationId: string, enabled: boolean) {
  const client = useTRPCClient();
  const lastSentAt = useRef(0);
  const quietTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const signal = useCallback(
    (typing: boolean) => {
      void client.messages.typing.mutate({ conversationId, typing }).catch(() => {});
    },
    [client, conversationId],
  );

  const stopped = useCallback(() => {
    clearTimeout(quietTimer.current);
    if (lastSentAt.current === 0) return;
    lastSentAt.current = 0;
    signal(false);
  }, [signal]);

  const typed = useCallback(() => {
    if (!enabled) return;
    const now = Date.now();
    if (now - lastSentAt.current > REPEAT_MS) {
      lastSentAt.current = now;
      signal(true);
    }
    clearTimeout(quietTimer.current);
    quietTimer.current = setTimeout(stopped, QUIET_MS);
  }, [enabled, signal, stopped]);

  useEffect(() => () => clearTimeout(quietTimer.current), []);

  return { typed, stopped };
}
