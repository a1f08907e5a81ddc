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

let browserQueryClient: QueryClient | undefined;

/**
 * The server renders each request with a fresh client, so that one visitor's data never
 * reaches another; the browser keeps one for the life of the tab, so that a suspending
 * render does not throw its cache away.
 */
function getQueryClient() {
  if (typeof window === "undefined") return createQueryClient();
  return (browserQueryClient ??= createQueryClient());
}

export interface TRPCReactProviderProps {
  /** Read from the environment on the server when the page is requested; see ~/env. */
  endpoints: ApiEndpoints;
  children: ReactNode;
}

export function TRPCReactProvider({ endpoints, children }: TRPCReactProviderProps) {
  const queryClient = getQueryClient();
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
