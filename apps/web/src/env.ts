import { readWebEnv } from "./read-env";

/**
 * The web app's environment, read and checked once (see ./read-env). Server code only:
 * the browser gets what it needs from the root layout (see `apiEndpoints`).
 */
export const env = readWebEnv({
  // Set by Next.js while `next build` inspects and renders the app's routes.
  building: process.env.NEXT_PHASE === "phase-production-build",
});

/** The API's base address without a trailing slash, so paths can be appended to it. */
export const API_URL = (env.PARLEY_API_URL ?? env.NEXT_PUBLIC_API_URL).replace(/\/+$/, "");

/** Everything the browser needs to reach apps/server. */
export const apiEndpoints = {
  base: API_URL,
  /** Queries and mutations over HTTP. */
  trpcHttp: `${API_URL}/trpc`,
  /** Subscriptions over WebSocket: the same server and path, secure when the API is (http -> ws, https -> wss). */
  trpcWs: `${API_URL.replace(/^http/, "ws")}/trpc`,
} as const;

export type ApiEndpoints = { [K in keyof typeof apiEndpoints]: string };
