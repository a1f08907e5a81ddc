import { z } from "zod";

/**
 * The web app's environment, read and checked here and nowhere else. Server code only:
 * the browser gets what it needs from the root layout (see `apiEndpoints`).
 *
 * Where apps/server listens is decided when the app runs, not when it is built, so that
 * one build serves every environment (and a test server on a free port):
 *   PARLEY_API_URL       read when the web server starts; wins when set.
 *   NEXT_PUBLIC_API_URL  written into the build by Next.js; the fallback.
 * Neither set: http://localhost:3001, where `pnpm --filter @parley/server start` listens.
 */
const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" });

const schema = z.object({
  PARLEY_API_URL: httpUrl.optional(),
  NEXT_PUBLIC_API_URL: httpUrl.default("http://localhost:3001"),
});

const parsed = schema.safeParse({
  // An empty variable means "not set", as shells and .env files intend. NEXT_PUBLIC_*
  // values must be spelled out in full for Next.js to find and inline them.
  PARLEY_API_URL: process.env.PARLEY_API_URL || undefined,
  NEXT_PUBLIC_API_URL: process.env.NEXT_PUBLIC_API_URL || undefined,
});

if (!parsed.success) {
  throw new Error(`Invalid web environment:\n${z.prettifyError(parsed.error)}`);
}

export const env = parsed.data;

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
