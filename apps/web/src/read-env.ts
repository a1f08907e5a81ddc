import { z } from "zod";

/**
 * Reads and checks the web app's environment. `~/env` holds the result for the app;
 * next.config.ts calls this too, so that a wrong environment stops `next start` or
 * `next dev` before the first request.
 *
 * Where apps/server listens is decided when the app runs, not when it is built, so that
 * one build serves every environment (and a test server on a free port):
 *   PARLEY_API_URL       read when the web server starts; wins when set.
 *   NEXT_PUBLIC_API_URL  written into the build by Next.js; the fallback.
 * Neither set: http://localhost:3001, where `pnpm --filter @parley/server start` listens.
 *
 * AUTH_SECRET encrypts the session cookie. apps/server decrypts the same cookie, so both
 * must be given the same value. It is needed wherever sessions are issued or read, but not
 * to build: one build serves every environment, and no secret is written into it.
 */
const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" });

const MAKE_A_SECRET = "`openssl rand -base64 32` makes one";

const schema = z.object({
  PARLEY_API_URL: httpUrl.optional(),
  NEXT_PUBLIC_API_URL: httpUrl.default("http://localhost:3001"),
  AUTH_SECRET: z.string().min(32, `must be at least 32 characters (${MAKE_A_SECRET})`).optional(),
});

export type WebEnv = z.infer<typeof schema>;

export function readWebEnv({ building }: { building: boolean }): WebEnv {
  const parsed = schema
    .refine((env) => building || env.AUTH_SECRET !== undefined, {
      path: ["AUTH_SECRET"],
      message: `is required: the same value apps/server has (${MAKE_A_SECRET})`,
    })
    .safeParse({
      // An empty variable means "not set", as shells and .env files intend. NEXT_PUBLIC_*
      // values must be spelled out in full for Next.js to find and inline them.
      PARLEY_API_URL: process.env.PARLEY_API_URL || undefined,
      NEXT_PUBLIC_API_URL: process.env.NEXT_PUBLIC_API_URL || undefined,
      AUTH_SECRET: process.env.AUTH_SECRET || undefined,
    });

  if (!parsed.success) {
    throw new Error(`Invalid web environment:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
