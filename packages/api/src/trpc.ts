import { initTRPC, TRPCError } from "@trpc/server";
import type { OpenApiMeta } from "trpc-to-openapi";
import { ZodError, z } from "zod";

import type { ApiKeyScope } from "./auth/scopes";
import type { Context, PersonViewer, UserRole, Viewer } from "./context";
import { transformer } from "./lib/broadcast-values";
import { RetryAfter } from "./rate-limit";

/**
 * Who a procedure admits, declared by the builder it is made from. The authorization
 * matrix test reads this from every procedure of the router; resource rules (whose
 * session is this?) are checked further in, by the services.
 */
export interface AccessRule {
  /** Callers that pass the check: "anyone" includes anonymous callers. */
  admits: "anyone" | "signed-in" | UserRole[];
  /** API keys holding this scope pass too; without it keys are refused. */
  apiKeyScope?: ApiKeyScope;
}

export interface ParleyMeta extends OpenApiMeta {
  access?: AccessRule;
}

const t = initTRPC
  .context<Context>()
  .meta<ParleyMeta>()
  .create({
    transformer,
    // Stack traces stay in the server's logs; callers get the code and message only.
    isDev: false,
    errorFormatter({ shape, error }) {
      return {
        ...shape,
        data: {
          ...shape.data,
          // Field-by-field reasons for bad input, so forms can show them next to the field.
          zodError: error.cause instanceof ZodError ? z.flattenError(error.cause) : null,
          retryAfterSeconds: error.cause instanceof RetryAfter ? error.cause.seconds : null,
        },
      };
    },
  });

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

function refuse(viewer: Viewer | null, message: string): never {
  throw new TRPCError(viewer ? { code: "FORBIDDEN", message } : { code: "UNAUTHORIZED", message: "Sign in to continue." });
}

/** Anyone, signed in or not. */
export const publicProcedure = t.procedure.meta({ access: { admits: "anyone" } });

/** Any signed-in person, visitors included. */
export const authedProcedure = t.procedure.meta({ access: { admits: "signed-in" } }).use(({ ctx, next }) => {
  if (ctx.viewer?.kind !== "user") refuse(ctx.viewer, "This needs a signed-in person, not an API key.");
  return next({ ctx: { viewer: ctx.viewer as PersonViewer } });
});

function roleProcedure(roles: UserRole[]) {
  return t.procedure.meta({ access: { admits: roles } }).use(({ ctx, next }) => {
    const viewer = ctx.viewer;
    if (viewer?.kind !== "user" || !roles.includes(viewer.role)) {
      refuse(viewer, `Only ${roles.join(" or ")} accounts may do this.`);
    }
    return next({ ctx: { viewer: viewer as PersonViewer } });
  });
}

export const customerProcedure = roleProcedure(["customer"]);
export const agentProcedure = roleProcedure(["agent", "admin"]);
export const adminProcedure = roleProcedure(["admin"]);

/**
 * People with one of `roles`, or API keys holding `scope`: the procedures third parties
 * integrate with. The handler sees which kind of caller it has.
 */
export function roleOrApiKeyProcedure(roles: UserRole[], scope: ApiKeyScope) {
  return t.procedure.meta({ access: { admits: roles, apiKeyScope: scope } }).use(({ ctx, next }) => {
    const viewer = ctx.viewer;
    const admitted =
      (viewer?.kind === "user" && roles.includes(viewer.role)) ||
      (viewer?.kind === "apiKey" && viewer.scopes.includes(scope));
    if (!admitted) refuse(viewer, `This needs a ${roles.join(" or ")} account or an API key with the ${scope} scope.`);
    return next({ ctx: { viewer: viewer! } });
  });
}
