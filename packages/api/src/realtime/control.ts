import { channels, type Bus } from "./bus";
import type { SocketRegistry } from "./socket-registry";

type ControlMessage = { type: "disconnect-user"; userId: string; reason: string };

/** Closes the user's sockets on every server process, not only the one that was asked. */
export function disconnectUserEverywhere(bus: Bus, userId: string, reason: string): Promise<void> {
  const message: ControlMessage = { type: "disconnect-user", userId, reason };
  return bus.publish(channels.control(), message);
}

/** Each server process listens for control messages and applies them to its own sockets. */
export function obeyControlMessages(bus: Bus, sockets: SocketRegistry): Promise<() => void> {
  return bus.subscribe(channels.control(), (event) => {
    const message = event as ControlMessage;
    if (message.type === "disconnect-user") sockets.disconnectUser(message.userId, message.reason);
  });
}
