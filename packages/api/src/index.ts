import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

import type { AppRouter } from "./root";

export { appRouter, type AppRouter } from "./root";
export { createContextFactory } from "./context";
export type { Context, CreateContext, RequestInfo, ServerDependencies, UserRole, Viewer } from "./context";
export { createCallerFactory, type AccessRule, type ParleyMeta } from "./trpc";
export { createRateLimits, RetryAfter, type RateLimits } from "./rate-limit";
export { SocketRegistry } from "./realtime/socket-registry";
export { createBus } from "./realtime/create-bus";
export { obeyControlMessages } from "./realtime/control";
export type { Bus } from "./realtime/bus";
export { MemoryPresenceStore, RedisPresenceStore } from "./realtime/presence-store";
export { PresenceTracker, PRESENCE_REFRESH_MS } from "./services/presence/presence-tracker";
export { API_KEY_SCOPES, type ApiKeyScope } from "./auth/scopes";
export { SESSION_COOKIE_NAMES } from "./auth/session-cookie";

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
