import type { Socket } from "node:net";

import type { WebSocket } from "ws";

/**
 * Frames sent to one client while the same piece of work runs leave in one write. A
 * message's sender gets its answer and the message's event together, and under load
 * everyone gets several messages' worth at once; each frame would otherwise be a system
 * call and a TCP segment of its own, which on a small machine is the largest single
 * cost of fan-out. The connection is corked at the first frame and uncorked once the
 * work that sent it is done (`process.nextTick` runs after the promise callbacks under
 * way), so no frame waits for anything but the code already running.
 */
export function coalesceFrames(ws: WebSocket, connection: Socket): void {
  let corked = false;
  const uncork = () => {
    corked = false;
    connection.uncork();
  };
  const send = ws.send.bind(ws) as (...args: unknown[]) => void;
  ws.send = ((...args: unknown[]) => {
    if (!corked) {
      corked = true;
      connection.cork();
      process.nextTick(uncork);
    }
    send(...args);
  }) as WebSocket["send"];
}
