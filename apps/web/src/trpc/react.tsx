"use client";

import type { AppRouter } from "@parley/api";
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from "react";

import type { ApiEndpoints } from "~/env";
import { SESSION_IDENTITY, type ApiIdentity } from "./api-identity";
import { createConnectionMonitor, type ConnectionMonitor, type ConnectionStatus } from "./connection-monitor";
import { createApiClient } from "./links";
import { createQueryClient } from "./query-client";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

interface ApiScope {
  endpoints: ApiEndpoints;
  identity: ApiIdentity;
  connection: ConnectionMonitor;
  /** The signed-in person the app's calls go out as, or null (also while signing out). */
  viewerId: string | null;
  /** Called as someone signs out, before the session is gone: their screens stop calling the server. */
  signingOut(): void;
}

const ApiScopeContext = createContext<ApiScope | null>(null);

function useApiScope(): ApiScope {
  const scope = useContext(ApiScopeContext);
  if (!scope) throw new Error("API hooks must be used inside <TRPCReactProvider>");
  return scope;
}

/** Which server this page talks to, for messages such as "is it running at …?" and for plain fetches. */
export function useApiEndpoints(): ApiEndpoints {
  return useApiScope().endpoints;
}

/** On whose behalf calls go: the signed-in person, or a visitor (see VisitorApiProvider). */
export function useApiIdentity(): ApiIdentity {
  return useApiScope().identity;
}

/**
 * The signed-in person the app speaks for now, or null. A screen rendered for one person
 * checks it: while someone signs out, the page on screen briefly outlives the session,
 * and must not call the server in the name of nobody.
 */
export function useSignedInViewerId(): string | null {
  return useApiScope().viewerId;
}

/** What the sign-out button calls first, so that screens let go before the session does. */
export function useSigningOut(): () => void {
  return useApiScope().signingOut;
}

/** The live connection's state, for the banner that says when it is lost and when it is back. */
export function useConnectionStatus(): ConnectionStatus {
  const { connection } = useApiScope();
  return useSyncExternalStore(connection.subscribe, connection.getStatus, () => "idle");
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
    <ApiClientProvider
      key={viewerId ?? "anonymous"}
      endpoints={endpoints}
      viewerId={viewerId}
      identity={SESSION_IDENTITY}
      queryClient={getQueryClient(viewerId)}
    >
      {children}
    </ApiClientProvider>
  );
}

/**
 * Calls below it speak for an anonymous visitor (the customer chat and the website
 * widget), with a cache and a socket of their own, so nothing of the signed-in person's
 * (if any) mixes with the visitor's.
 */
export function VisitorApiProvider({ token, children }: { token: string; children: ReactNode }) {
  const { endpoints, viewerId, signingOut } = useApiScope();
  const [queryClient] = useState(createQueryClient);
  const [identity] = useState<ApiIdentity>(() => ({ kind: "visitor", token }));
  return (
    <ApiClientProvider
      key={token}
      endpoints={endpoints}
      viewerId={viewerId}
      onSigningOut={signingOut}
      identity={identity}
      queryClient={queryClient}
    >
      {children}
    </ApiClientProvider>
  );
}

function ApiClientProvider({
  endpoints,
  viewerId,
  onSigningOut,
  identity,
  queryClient,
  children,
}: {
  endpoints: ApiEndpoints;
  viewerId: string | null;
  /** A parent scope to tell as well. */
  onSigningOut?: () => void;
  identity: ApiIdentity;
  queryClient: QueryClient;
  children: ReactNode;
}) {
  const [api] = useState(() => {
    const { client, socket } = createApiClient(endpoints, identity);
    return { client, socket, connection: createConnectionMonitor(socket) };
  });
  useEffect(() => {
    api.connection.attach();
    return () => api.connection.detach();
  }, [api]);
  // Between "sign out" and the page that follows, the session cookie is already gone: the
  // screens signed in until then must stop asking, or every refetch would be refused.
  const [leaving, setLeaving] = useState(false);
  const scope = useMemo<ApiScope>(
    () => ({
      endpoints,
      identity,
      connection: api.connection,
      viewerId: leaving ? null : viewerId,
      signingOut: () => {
        setLeaving(true);
        onSigningOut?.();
      },
    }),
    [api.connection, endpoints, identity, leaving, onSigningOut, viewerId],
  );

  return (
    <ApiScopeContext value={scope}>
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={api.client} queryClient={queryClient}>
          {children}
        </TRPCProvider>
      </QueryClientProvider>
    </ApiScopeContext>
  );
}
