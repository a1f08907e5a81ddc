"use client";

import type { AppRouter } from "@parley/api";
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { createTRPCClient } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { createContext, useContext, useState, type ReactNode } from "react";

import type { ApiEndpoints } from "~/env";
import { createLinks } from "./links";
import { createQueryClient } from "./query-client";

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

const ApiEndpointsContext = createContext<ApiEndpoints | null>(null);

/** Which server this page talks to, for messages such as "is it running at …?". */
export function useApiEndpoints(): ApiEndpoints {
  const endpoints = useContext(ApiEndpointsContext);
  if (!endpoints) throw new Error("useApiEndpoints must be used inside <TRPCReactProvider>");
  return endpoints;
}

let browserCache: { viewerId: string | null; queryClient: QueryClient } | undefined;

/**
 * The server renders each request with a fresh client, so that one visitor's data never
 * reaches another; the browser keeps one for the life of the tab, so that a suspending
 * render does not throw its cache away, until someone else signs in: their screens start
 * from an empty cache rather than the last person's data.
 */
function getQueryClient(viewerId: string | null) {
  if (typeof window === "undefined") return createQueryClient();
  if (browserCache?.viewerId !== viewerId) {
    browserCache?.queryClient.clear();
    browserCache = { viewerId, queryClient: createQueryClient() };
  }
  return browserCache.queryClient;
}

export interface TRPCReactProviderProps {
  /** Read from the environment on the server when the page is requested; see ~/env. */
  endpoints: ApiEndpoints;
  /** The signed-in person's id, or null: calls and sockets belong to one person at a time. */
  viewerId: string | null;
  children: ReactNode;
}

export function TRPCReactProvider({ endpoints, viewerId, children }: TRPCReactProviderProps) {
  // A new person gets a new client, and with it a new WebSocket: the server reads who is
  // calling from the cookie when a socket opens, so an open socket keeps its first identity.
  return (
    <ViewerScopedProvider key={viewerId ?? "anonymous"} endpoints={endpoints} viewerId={viewerId}>
      {children}
    </ViewerScopedProvider>
  );
}

function ViewerScopedProvider({ endpoints, viewerId, children }: TRPCReactProviderProps) {
  const queryClient = getQueryClient(viewerId);
  const [trpcClient] = useState(() => createTRPCClient<AppRouter>({ links: createLinks(endpoints) }));

  return (
    <ApiEndpointsContext value={endpoints}>
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
          {children}
        </TRPCProvider>
      </QueryClientProvider>
    </ApiEndpointsContext>
  );
}
