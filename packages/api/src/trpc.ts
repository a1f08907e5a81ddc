import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import type { OpenApiMeta } from "trpc-to-openapi";
import { ZodError, z } from "zod";

import type { Context, Viewer } from "./context";

const t = initTRPC
  .context<Context>()
  .meta<OpenApiMeta>()
  .create({
    transformer: superjson,
    // Stack traces stay in the server's logs; callers get the code and message only.
    isDev: false,
    errorFormatter({ shape, error }) {
      return {
        ...shape,
        data: {
          ...shape.data,
          // Field-by-field reasons for bad input, so forms can show them next to the field.
          zodError: error.cause instanceof ZodError ? z.flattenError(error.cause) : null,
        },
      };
    },
  });

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const mergeRouters = t.mergeRouters;

/** Anyone, signed in or not. */
export const publicProcedure = t.procedure;

/** Any signed-in caller. */
export const authedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.viewer) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { ...ctx, viewer: ctx.viewer } });
});

function requireRole(...roles: Viewer["role"][]) {
  return authedProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.viewer.role)) {
      throw new TRPCError({ code: "FORBIDDEN", message: `Only ${roles.join(" or ")} accounts may do this.` });
    }
    return next();
  });
}

export const customerProcedure = requireRole("customer");
export const agentProcedure = requireRole("agent", "admin");
export const adminProcedure = requireRole("admin");
