import type { AppRouter } from "@parley/api";
import {
  createTRPCClient,
  createWSClient,
  httpBatchLink,
  loggerLink,
  splitLink,
  wsLink,
  type TRPCClient,
  type TRPCWebSocketClient,
} from "@trpc/client";
import superjson from "superjson";

import type { ApiEndpoints } from "~/env";
import { authorizationHeaders, connectionParamsFor, type ApiIdentity } from "./api-identity";

export interface ApiClient {
  client: TRPCClient<AppRouter>;
  /** The one WebSocket the subscriptions share, watched for the connection banner. */
  socket: TRPCWebSocketClient;
}

/**
 * How calls reach apps/server: subscriptions over one shared WebSocket, queries and
 * mutations over batched HTTP, both on `identity`'s behalf. The session cookie goes along
 * by itself: on the WebSocket upgrade, and on fetch when asked to with credentials.
 */
export function createApiClient(endpoints: ApiEndpoints, identity: ApiIdentity): ApiClient {
  const socket = createWebSocketClient(endpoints.trpcWs, identity);
  const client = createTRPCClient<AppRouter>({
    links: [
      loggerLink({
        enabled: (op) =>
          process.env.NODE_ENV === "development" || (op.direction === "down" && op.result instanceof Error),
      }),
      splitLink({
        condition: (op) => op.type === "subscription",
        true: wsLink({ client: socket, transformer: superjson }),
        false: httpBatchLink({
          url: endpoints.trpcHttp,
          transformer: superjson,
          headers: () => authorizationHeaders(identity),
          fetch: (input, init) => fetch(input, { ...init, credentials: "include" }),
        }),
      }),
    ],
  });
  return { client, socket };
}

/**
 * Waits between reconnection attempts: at once, then a little longer each time, but never
 * more than a few seconds, so a laptop back on the network is live again almost at once.
 */
function reconnectDelayMs(attempt: number): number {
  return attempt === 0 ? 0 : Math.min(500 * 2 ** (attempt - 1), 4_000);
}

function createWebSocketClient(url: string, identity: ApiIdentity) {
  const params = connectionParamsFor(identity);
  return createWSClient({
    url,
    connectionParams: params ?? undefined,
    // The socket opens with the first subscription and closes when the last one ends: never
    // during server rendering, and not at all on screens that only query.
    lazy: { enabled: true, closeMs: 5_000 },
    // Notices a dead connection (a laptop waking from sleep, a dropped network) within seconds
    // rather than waiting for TCP, and reconnects.
    keepAlive: { enabled: true, intervalMs: 10_000, pongTimeoutMs: 4_000 },
    retryDelayMs: reconnectDelayMs,
  });
}
