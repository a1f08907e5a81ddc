import { randomUUID } from "node:crypto";
import type { Server } from "node:http";

import { appRouter, PRESENCE_REFRESH_MS, type CreateContext, type PresenceTracker, type SocketRegistry } from "@parley/api";
import { applyWSSHandler } from "@trpc/server/adapters/ws";
import { WebSocketServer } from "ws";

import { coalesceFrames } from "./coalesced-frames";
import type { RequestReader } from "./http/request-info";
import type { Logger } from "./logger";

export const TRPC_PATH = "/trpc";

/**
 * tRPC subscriptions over WebSocket on the HTTP server's own port: upgrades to /trpc
 * are accepted, anything else is refused. Keep-alive pings find dead peers that TCP
 * alone would hold open for minutes.
 */
export function attachWebSocketServer(
  server: Server,
  options: {
    createContext: CreateContext;
    readRequest: RequestReader;
    sockets: SocketRegistry;
    presence: PresenceTracker;
    logger: Logger;
  },
) {
  const { sockets, presence, logger } = options;
  const reportPresenceFailure = (error: unknown) => logger.warn({ err: error }, "presence update failed");

  const wss = new WebSocketServer({ noServer: true, maxPayload: 1_000_000 });
  wss.on("connection", (socket, req) => {
    coalesceFrames(socket, req.socket);
    sockets.add(socket, randomUUID());
    socket.once("close", () => {
      const registration = sockets.remove(socket);
      if (registration?.userId) {
        presence.disconnected(registration.userId, registration.connectionId).catch(reportPresenceFailure);
      }
    });
  });
  // Open sockets stay present in the shared store only while this process keeps saying so.
  const presenceRefresh = setInterval(
    () => presence.refresh(sockets.userConnections()).catch(reportPresenceFailure),
    PRESENCE_REFRESH_MS,
  );
  presenceRefresh.unref();

  server.on("upgrade", (req, socket, head) => {
    const { pathname } = new URL(req.url ?? "/", "http://localhost");
    if (pathname !== TRPC_PATH) {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
  });

  const handler = applyWSSHandler({
    wss,
    router: appRouter,
    // Built once per connection: the session cookie from the upgrade request, or a
    // visitor token the client puts in its connection params.
    createContext: async ({ req, res: socket, info }) => {
      const connectionId = sockets.connectionIdOf(socket);
      const context = await options.createContext({
        ...options.readRequest(req, "ws"),
        connectionParams: info.connectionParams,
        connectionId,
      });
      if (context.viewer?.kind === "user" && connectionId) {
        sockets.bindUser(socket, context.viewer.id);
        await presence.connected(context.viewer.id, connectionId);
      }
      return context;
    },
    keepAlive: { enabled: true, pingMs: 30_000, pongWaitMs: 5_000 },
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") logger.error({ err: error, path }, "websocket procedure failed");
    },
  });

  return {
    /** Asks every client to reconnect (to another instance), then closes the sockets. */
    async close(): Promise<void> {
      clearInterval(presenceRefresh);
      handler.broadcastReconnectNotification();
      for (const client of wss.clients) client.close(1012, "server restarting");
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
