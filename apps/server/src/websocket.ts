import type { Server } from "node:http";

import { appRouter, type CreateContext, type SocketRegistry } from "@parley/api";
import { applyWSSHandler } from "@trpc/server/adapters/ws";
import { WebSocketServer } from "ws";

import { toRequestInfo } from "./http/request-info";
import type { Logger } from "./logger";

export const TRPC_PATH = "/trpc";

/**
 * tRPC subscriptions over WebSocket on the HTTP server's own port: upgrades to /trpc
 * are accepted, anything else is refused. Keep-alive pings find dead peers that TCP
 * alone would hold open for minutes.
 */
export function attachWebSocketServer(
  server: Server,
  options: { createContext: CreateContext; sockets: SocketRegistry; logger: Logger },
) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1_000_000 });
  wss.on("connection", (socket) => {
    options.sockets.add(socket);
    socket.once("close", () => options.sockets.remove(socket));
  });

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
      const context = await options.createContext({
        ...toRequestInfo(req, "ws"),
        connectionParams: info.connectionParams,
      });
      if (context.viewer?.kind === "user") options.sockets.bindUser(socket, context.viewer.id);
      return context;
    },
    keepAlive: { enabled: true, pingMs: 30_000, pongWaitMs: 5_000 },
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") options.logger.error({ err: error, path }, "websocket procedure failed");
    },
  });

  return {
    /** Asks every client to reconnect (to another instance), then closes the sockets. */
    async close(): Promise<void> {
      handler.broadcastReconnectNotification();
      for (const client of wss.clients) client.close(1012, "server restarting");
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
