import type { Database, DatabaseDriver } from "@parley/db";

import type { ApiKeyScope } from "./auth/scopes";
import type { RateLimits } from "./rate-limit";
import type { Bus } from "./realtime/bus";
import type { SocketRegistry } from "./realtime/socket-registry";
import type { UnreadRecounter } from "./services/inbox/unread-recounter";
import type { PresenceTracker } from "./services/presence/presence-tracker";
import type { AttachmentStorage } from "./storage/attachment-storage";
import { resolveViewer } from "./services/identity/resolve-viewer";

/** What the server process hands to every request: built once at start-up. */
export interface ServerDependencies {
  db: Database;
  databaseDriver: DatabaseDriver;
  /** Shared with the web app: decrypts its session cookie and signs visitor tokens. */
  authSecret: string;
  rateLimits: RateLimits;
  /** The live WebSocket connections, owned by the server that accepts them. */
  sockets: SocketRegistry;
  /** Realtime fan-out: in-process, or Redis pub/sub across server processes. */
  bus: Bus;
  presence: PresenceTracker;
  /** Inbox counts after new messages, recounted together a moment later. */
  unreadRecounter: UnreadRecounter;
  /** Where uploaded files' bytes are kept. */
  storage: AttachmentStorage;
  startedAt: Date;
  version: string;
}

/** Where a call came from, whatever the transport (HTTP, WebSocket, REST). */
export interface RequestInfo {
  headers: Headers;
  ip: string | null;
  transport: "http" | "ws" | "rest";
  /** Sent by WebSocket clients when they connect, since browsers cannot set socket headers. */
  connectionParams?: Record<string, string | undefined> | null;
  /** The WebSocket connection the call came over, for presence. */
  connectionId?: string;
}

export type UserRole = "customer" | "agent" | "admin";

/** Who is calling: a person (signed in, or an anonymous visitor) or a third party's API key. */
export type Viewer =
  | { kind: "user"; id: string; role: UserRole; isVisitor: boolean }
  | { kind: "apiKey"; id: string; scopes: ApiKeyScope[] };

/** A person calling: what procedures for signed-in people or visitors see. */
export type PersonViewer = Extract<Viewer, { kind: "user" }>;

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
    return { ...deps, request, viewer: await resolveViewer(deps, request) };
  };
}

export type CreateContext = ReturnType<typeof createContextFactory>;
