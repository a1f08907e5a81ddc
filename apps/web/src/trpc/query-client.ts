import { defaultShouldDehydrateQuery, QueryClient } from "@tanstack/react-query";
import superjson from "superjson";

/**
 * One QueryClient recipe for the server and the browser. Server components may prefetch
 * into a client and hand it over (dehydrate, then hydrate); superjson carries Dates and
 * other rich values across that hand-over just as it does on the wire.
 */
export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Data prefetched on the server is fresh on arrival; refetching it at once would be wasted.
        staleTime: 30 * 1000,
      },
      dehydrate: {
        serializeData: superjson.serialize,
        // Pending queries are handed over too, so the browser picks up a prefetch still in flight.
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === "pending",
        // Next.js detects dynamic pages through errors thrown while rendering; they must pass unchanged.
        shouldRedactErrors: () => false,
      },
      hydrate: {
        deserializeData: superjson.deserialize,
      },
    },
  });
}
