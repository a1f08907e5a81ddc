import { createTRPCClient, createWSClient, httpBatchLink, wsLink } from "@trpc/client";
import type { AppRouter } from "@parley/api";
import superjson from "superjson";
import WebSocket from "ws";

export function createHttpClient(serverUrl: string) {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: `${serverUrl}/trpc`, transformer: superjson })],
  });
}

export function toWebSocketUrl(serverUrl: string, path = "/trpc"): string {
  return `${serverUrl.replace(/^http/, "ws")}${path}`;
}

/** A tRPC client over WebSocket, as the web app uses for subscriptions. Close it when done. */
export function createSocketClient(serverUrl: string) {
  const socket = createWSClient({ url: toWebSocketUrl(serverUrl), WebSocket: WebSocket as never });
  const client = createTRPCClient<AppRouter>({ links: [wsLink({ client: socket, transformer: superjson })] });
  return { client, close: () => socket.close() };
}
