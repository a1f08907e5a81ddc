import { createTRPCClient, createWSClient, httpBatchLink, wsLink } from "@trpc/client";
import type { AppRouter } from "@parley/api";
import superjson from "superjson";
import WebSocket from "ws";

export function toWebSocketUrl(serverUrl: string, path = "/trpc"): string {
  return `${serverUrl.replace(/^http/, "ws")}${path}`;
}

export function httpClient(url: string, headers: Record<string, string> = {}) {
  return createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${url}/trpc`, transformer: superjson, headers })] });
}

export interface SocketClientOptions {
  /** Sent on the upgrade request, as a browser sends its cookies. */
  cookie?: string;
  visitorToken?: string;
  /** Reconnect after a drop (as browsers do); off by default so tests see closes as they happen. */
  reconnect?: boolean;
}

/** A tRPC client over WebSocket, as the web app uses for subscriptions. Close it when done. */
export function socketClient(url: string, options: SocketClientOptions = {}) {
  const cookie = options.cookie;
  class CookieWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, cookie ? { headers: { cookie } } : {});
    }
  }
  const events: { closeCodes: number[]; opens: number } = { closeCodes: [], opens: 0 };
  const socket = createWSClient({
    url: toWebSocketUrl(url),
    WebSocket: CookieWebSocket as never,
    connectionParams: options.visitorToken ? { visitorToken: options.visitorToken } : undefined,
    onOpen: () => events.opens++,
    onClose: (cause) => events.closeCodes.push(cause?.code ?? 0),
    retryDelayMs: () => (options.reconnect ? 50 : 60_000),
  });
  const client = createTRPCClient<AppRouter>({ links: [wsLink({ client: socket, transformer: superjson })] });
  return { client, socket, events, close: () => socket.close() };
}
