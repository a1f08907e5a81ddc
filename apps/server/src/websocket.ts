import type { Server } from "node:http";

import { appRouter, type CreateContext } from "@parley/api";
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
export function attachWebSocketServer(server: Server, options: { createContext: CreateContext; logger: Logger }) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1_000_000 });

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
    createContext: ({ req }) => options.createContext(toRequestInfo(req, "ws")),
    keepAlive: { enabled: true, pingMs: 30_000, pongWaitMs: 5_000 },
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") options.logger.error({ err: error, path }, "websocket procedure failed");
    },
  });

  return {
    connectionCount: () => wss.clients.size,
    /** Asks every client to reconnect (to another instance), then closes the sockets. */
    async close(): Promise<void> {
      handler.broadcastReconnectNotification();
      for (const client of wss.clients) client.close(1012, "server restarting");
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
