import { z } from "zod";

import { zAsyncIterable } from "../lib/z-async-iterable";
import { pulse, readServerStatus } from "../services/server-status";
import { createTRPCRouter, publicProcedure } from "../trpc";

const serverStatusSchema = z.object({
  name: z.literal("Parley"),
  version: z.string(),
  database: z.enum(["postgres", "pglite"]),
  startedAt: z.date(),
  uptimeSeconds: z.number().int().nonnegative(),
  connectedClients: z.number().int().nonnegative(),
  serverTime: z.date(),
});

const pulseSchema = z.object({
  serverTime: z.date(),
  connectedClients: z.number().int().nonnegative(),
});

export const systemRouter = createTRPCRouter({
  status: publicProcedure
    .meta({
      openapi: {
        method: "GET",
        path: "/system/status",
        tags: ["system"],
        summary: "Server status",
        description: "The server's version, database driver, uptime and live connection count.",
      },
    })
    .input(z.void())
    .output(serverStatusSchema)
    .query(({ ctx }) => readServerStatus(ctx)),

  pulse: publicProcedure
    .input(z.object({ intervalMs: z.number().int().min(100).max(60_000).default(1000) }).optional())
    .output(zAsyncIterable({ yield: pulseSchema }))
    .subscription(({ ctx, input, signal }) => pulse(ctx, signal, input?.intervalMs)),
});
