import type { AppRouter } from "@parley/api";
import { createWSClient, httpBatchLink, loggerLink, splitLink, wsLink, type TRPCLink } from "@trpc/client";
import superjson from "superjson";

import type { ApiEndpoints } from "~/env";

/**
 * How calls reach apps/server: subscriptions over one shared WebSocket, queries and
 * mutations over batched HTTP. Both carry the session cookie: the browser sends it on
 * the WebSocket upgrade by itself, and on fetch when asked to with credentials.
 */
export function createLinks(endpoints: ApiEndpoints): TRPCLink<AppRouter>[] {
  return [
    loggerLink({
      enabled: (op) =>
        process.env.NODE_ENV === "development" || (op.direction === "down" && op.result instanceof Error),
    }),
    splitLink({
      condition: (op) => op.type === "subscription",
      true: wsLink({ client: createWebSocketClient(endpoints.trpcWs), transformer: superjson }),
      false: httpBatchLink({
        url: endpoints.trpcHttp,
        transformer: superjson,
        fetch: (input, init) => fetch(input, { ...init, credentials: "include" }),
      }),
    }),
  ];
}

function createWebSocketClient(url: string) {
  return createWSClient({
    url,
    // The socket opens with the first subscription and closes when the last one ends: never
    // during server rendering, and not at all on screens that only query.
    lazy: { enabled: true, closeMs: 5_000 },
    // Notices a dead connection (a laptop waking from sleep, a dropped network) within seconds
    // rather than waiting for TCP, and reconnects.
    keepAlive: { enabled: true, intervalMs: 10_000, pongTimeoutMs: 4_000 },
  });
}
