import { z } from "zod";

import { accountSummarySchema, emailSchema, newPasswordSchema, viewerSchema } from "../schemas/identity";
import { createVisitor, describeViewer, signInWithPassword, signUpCustomer } from "../services/identity/accounts";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const authRouter = createTRPCRouter({
  /** The web app's credentials check: Auth.js calls this, then issues its session cookie. */
  signIn: publicProcedure
    .input(z.object({ email: emailSchema, password: z.string().min(1).max(200) }))
    .output(accountSummarySchema)
    .mutation(({ ctx, input }) => signInWithPassword(ctx, ctx.request, input)),

  signUp: publicProcedure
    .input(z.object({ email: emailSchema, password: newPasswordSchema, name: z.string().trim().min(1).max(100) }))
    .output(accountSummarySchema)
    .mutation(({ ctx, input }) => signUpCustomer(ctx, ctx.request, input)),

  /** A website visitor's identity: keep the token and send it back to resume. */
  createVisitor: publicProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/visitors",
        tags: ["identity"],
        summary: "Create an anonymous visitor",
        description: "Returns a signed visitor token. Send it as `Authorization: Visitor <token>` to act as that visitor.",
      },
    })
    .input(z.object({ name: z.string().trim().max(100).optional() }))
    .output(z.object({ visitorId: z.uuid(), token: z.string() }))
    .mutation(({ ctx, input }) => createVisitor(ctx, ctx.request, input)),

  /** Who the caller is, or null when anonymous. */
  me: publicProcedure
    .meta({
      openapi: { method: "GET", path: "/me", tags: ["identity"], summary: "The calling identity", protect: false },
    })
    .input(z.void())
    .output(viewerSchema.nullable())
    .query(({ ctx }) => describeViewer(ctx.db, ctx.viewer)),
});
