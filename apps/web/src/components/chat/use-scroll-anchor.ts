import { useCallback, useLayoutEffect, useRef } from "react";

/** Within this many pixels of the bottom, the reader is following the conversation. */
const FOLLOW_THRESHOLD_PX = 80;

/**
 * Keeps a message list where the reader expects it: following new messages while they
 * are at the bottom (and always after they send one), staying put while they read back,
 * and holding the same messages in view when earlier ones are added above.
 */
export function useScrollAnchor(options: { firstKey: string | undefined; lastKey: string | undefined; lastFromViewer: boolean; extra: unknown }) {
  const containerRef = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  /** Set just before earlier messages load: the distance from the bottom to restore. */
  const heldFromBottom = useRef<number | null>(null);
  const previous = useRef<{ firstKey?: string; lastKey?: string }>({});

  const onScroll = useCallback(() => {
    const element = containerRef.current;
    if (!element) return;
    following.current = element.scrollHeight - element.scrollTop - element.clientHeight < FOLLOW_THRESHOLD_PX;
  }, []);

  const holdPosition = useCallback(() => {
    const element = containerRef.current;
    if (element) heldFromBottom.current = element.scrollHeight - element.scrollTop;
  }, []);

  const { firstKey, lastKey, lastFromViewer, extra } = options;
  useLayoutEffect(() => {
    const element = containerRef.current;
    if (!element) return;
    const before = previous.current;
    previous.current = { firstKey, lastKey };
    if (heldFromBottom.current !== null && before.firstKey !== firstKey && before.lastKey === lastKey) {
      element.scrollTop = element.scrollHeight - heldFromBottom.current;
      heldFromBottom.current = null;
      return;
    }
    if (following.current || (lastFromViewer && before.lastKey !== lastKey)) {
      element.scrollTop = element.scrollHeight;
      following.current = true;
    }
  }, [firstKey, lastKey, lastFromViewer, extra]);

  return { containerRef, onScroll, holdPosition };
}
