import { TRPCError } from "@trpc/server";

import type { ServerDependencies, Viewer } from "../../context";
import { channels } from "../../realtime/bus";
import type { ConversationEvent } from "../../realtime/conversation-events";
import { readConversationAccess } from "../conversations/access";

/** Typing indicators expire on the receiving side after this long without a new "typing". */
export const TYPING_TIMEOUT_MS = 5_000;

// Per bus (one per server process): the pending "stopped typing" of each typist.
const stopTimers = new WeakMap<object, Map<string, NodeJS.Timeout>>();

/**
 * Tells the conversation the viewer started or stopped typing. Nothing is stored; a
 * typist who goes quiet for TYPING_TIMEOUT_MS is announced as stopped, so an indicator
 * never sticks when a client vanishes mid-sentence.
 */
export async function setTyping(
  deps: Pick<ServerDependencies, "db" | "bus">,
  viewer: Viewer,
  input: { conversationId: string; typing: boolean },
): Promise<void> {
  if (viewer.kind !== "user") throw new TRPCError({ code: "FORBIDDEN", message: "Only people type." });
  const access = await readConversationAccess(deps.db, viewer, input.conversationId);
  if (!access.canPost) throw new TRPCError({ code: "FORBIDDEN", message: "Join this room first." });
  const channel = channels.conversation(input.conversationId);
  const publish = (typing: boolean) => {
    const event: ConversationEvent = { type: "typing", userId: viewer.id, typing };
    return deps.bus.publish(channel, event);
  };

  let timers = stopTimers.get(deps.bus);
  if (!timers) stopTimers.set(deps.bus, (timers = new Map()));
  const key = `${input.conversationId}:${viewer.id}`;
  clearTimeout(timers.get(key));
  timers.delete(key);
  if (input.typing) {
    const timer = setTimeout(() => {
      timers.delete(key);
      void publish(false).catch(() => {});
    }, TYPING_TIMEOUT_MS);
    timer.unref();
    timers.set(key, timer);
  }
  await publish(input.typing);
}
