import type { Database, DatabaseDriver } from "@parley/db";

/** What the server process hands to every request: built once at start-up. */
export interface ServerDependencies {
  db: Database;
  databaseDriver: DatabaseDriver;
  /** Counts live WebSocket connections; owned by the server that accepts them. */
  connections: { count(): number };
  startedAt: Date;
  version: string;
}

/** Where a call came from, whatever the transport (HTTP, WebSocket, REST). */
export interface RequestInfo {
  headers: Headers;
  ip: string | null;
  transport: "http" | "ws" | "rest";
}

/** The signed-in caller. Filled from the session by the identity layer; null when anonymous. */
export interface Viewer {
  id: string;
  role: "customer" | "agent" | "admin";
}

export interface Context extends ServerDependencies {
  request: RequestInfo;
  viewer: Viewer | null;
}

/**
 * One context factory for every transport. It depends on no framework, so the HTTP
 * handler, the WebSocket handler and the REST adapter build contexts the same way.
 */
export function createContextFactory(deps: ServerDependencies) {
  return async function createContext(request: RequestInfo): Promise<Context> {
    return { ...deps, request, viewer: null };
  };
}

export type CreateContext = ReturnType<typeof createContextFactory>;
