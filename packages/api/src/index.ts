import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

import type { AppRouter } from "./root";

export { appRouter, type AppRouter } from "./root";
export { createContextFactory } from "./context";
export type { Context, CreateContext, RequestInfo, ServerDependencies, Viewer } from "./context";
export { createCallerFactory } from "./trpc";

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
