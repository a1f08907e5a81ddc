import type { TRPCWebSocketClient } from "@trpc/client";

/**
 * What the person is told about the live connection:
 * - connecting: the first connection is being made;
 * - live: events arrive as they happen;
 * - offline: the browser says the network is gone;
 * - reconnecting: the network is back (or the socket dropped) and the socket is being restored.
 * "idle" is a client with no subscription, hence no socket: nothing to report.
 */
export type ConnectionStatus = "idle" | "connecting" | "live" | "reconnecting" | "offline";

/** How long a socket closed for a network drop may take to finish closing once back online. */
const KICK_AFTER_MS = 3_000;

export interface ConnectionMonitor {
  getStatus(): ConnectionStatus;
  subscribe(listener: () => void): () => void;
  /** Starts following the socket and the browser; safe to call again. */
  attach(): void;
  /** Stops following them, e.g. when the screen using the client goes away. */
  detach(): void;
}

/**
 * Follows one WebSocket client and the browser's network state.
 *
 * When the browser goes offline the socket is closed on purpose: a socket that outlives a
 * network drop may look open while the events sent meanwhile are lost, and only a new
 * connection makes the subscriptions resume from their last event id, so that what was
 * missed is replayed (once) instead of silently skipped.
 */
export function createConnectionMonitor(socket: TRPCWebSocketClient): ConnectionMonitor {
  const listeners = new Set<() => void>();
  let online = true;
  let socketState = socket.connectionState.get().state;
  let hasBeenLive = socketState === "pending";
  /** Set by a network drop, cleared once a new socket is open. */
  let awaitingNewSocket = false;
  let status = compute();
  let detachAll: (() => void) | null = null;
  /** The socket closed because the network went away, until its close completes. */
  let droppedSocket: WebSocket | null = null;
  let kickTimer: ReturnType<typeof setTimeout> | undefined;

  function compute(): ConnectionStatus {
    if (!online) return "offline";
    if (awaitingNewSocket) return "reconnecting";
    if (socketState === "pending") return "live";
    if (socketState === "connecting") return hasBeenLive ? "reconnecting" : "connecting";
    return "idle";
  }

  function update() {
    const next = compute();
    if (next === status) return;
    status = next;
    for (const listener of listeners) listener();
  }

  function onSocketState(state: { state: typeof socketState }) {
    if (state.state === "pending" && socketState !== "pending") awaitingNewSocket = false;
    socketState = state.state;
    if (socketState === "pending") hasBeenLive = true;
    update();
  }

  const goOffline = () => {
    online = false;
    const current = socket.connection;
    if (current?.state === "open") {
      awaitingNewSocket = true;
      droppedSocket = current.ws;
      current.ws.close();
    }
    update();
  };
  const goOnline = () => {
    online = true;
    update();
    // A close needs the other side's answer; when the old connection died with the network
    // (a new Wi-Fi, a new address), the answer never comes and the browser waits up to a
    // minute. The client reconnects on "close", so it is told a little sooner.
    clearTimeout(kickTimer);
    kickTimer = setTimeout(() => {
      if (droppedSocket && droppedSocket.readyState !== WebSocket.CLOSED) {
        droppedSocket.dispatchEvent(new CloseEvent("close", { code: 4000, reason: "network changed" }));
      }
      droppedSocket = null;
    }, KICK_AFTER_MS);
  };

  return {
    getStatus: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    attach() {
      if (detachAll || typeof window === "undefined") return;
      online = navigator.onLine;
      const subscription = socket.connectionState.subscribe({ next: onSocketState });
      window.addEventListener("offline", goOffline);
      window.addEventListener("online", goOnline);
      detachAll = () => {
        clearTimeout(kickTimer);
        subscription.unsubscribe();
        window.removeEventListener("offline", goOffline);
        window.removeEventListener("online", goOnline);
      };
      update();
    },
    detach() {
      detachAll?.();
      detachAll = null;
    },
  };
}
