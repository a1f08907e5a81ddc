import type { AppRouter } from "@parley/api";
import { createTRPCClient, httpLink } from "@trpc/client";
import superjson from "superjson";

import { apiEndpoints } from "~/env";

/** What a call on someone's behalf passes along about them (a type: tRPC's call context needs an index signature). */
export type OnBehalfOf = {
  /** The person's `X-Forwarded-For`, so apps/server rate-limits their address, not this server's. */
  forwardedFor: string | null;
};

/**
 * The web server's own line to apps/server, for the few calls it makes on a person's
 * behalf before they have a session (signing in, signing up). It carries no cookie:
 * those calls are public procedures. One call at a time, so no batching.
 */
export const serverApi = createTRPCClient<AppRouter>({
  links: [
    httpLink({
      url: apiEndpoints.trpcHttp,
      transformer: superjson,
      headers: ({ op }) => {
        const { forwardedFor } = op.context as Partial<OnBehalfOf>;
        return forwardedFor ? { "x-forwarded-for": forwardedFor } : {};
      },
    }),
  ],
});

/** The call context for `headers`: pass it as `{ context: onBehalfOf(headers) }`. */
export function onBehalfOf(headers: Headers): OnBehalfOf {
  return { forwardedFor: headers.get("x-forwarded-for") };
}
