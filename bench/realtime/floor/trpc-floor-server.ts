/**
 * The tRPC floor: the raw floor's work (one insert, then the message to the pair's other
 * socket and an answer to the sender) done the way Parley's stack does it: tRPC over
 * WebSocket with superjson, zod schemas on input and output, a tracked subscription per
 * socket. No auth, no access checks, no ordering, no unread counts. Between the raw floor
 * and Parley it shows what the transport itself costs, which no server on this stack
 * can spend less than.
 *
 * Run as its own process by targets/floor-target.ts; prints {"listening":port} when ready.
 */
import { EventEmitter, on } from "node:events";
import type { IncomingMessage } from "node:http";

import { initTRPC, tracked, TRPCError } from "@trpc/server";
import { applyWSSHandler } from "@trpc/server/adapters/ws";
import superjson from "superjson";
import { WebSocketServer } from "ws";
import { z } from "zod";

import { TRPC_FLOOR_TABLE } from "./floor-frames";
import { openFloorDatabase, runFloorProcess } from "./floor-process";

const sql = await openFloorDatabase(TRPC_FLOOR_TABLE);

const sideSchema = z.enum(["customer", "agent"]);
type Side = z.infer<typeof sideSchema>;
const messageSchema = z.object({ key: z.string(), id: z.string(), body: z.string() });

/** Which pair and side a socket is: named in its URL, as on the raw floor. */
function placeOf(req: IncomingMessage): { pair: number; side: Side } {
  const params = new URL(req.url ?? "/", "http://127.0.0.1").searchParams;
  const pair = Number(params.get("pair"));
  const side = sideSchema.safeParse(params.get("side"));
  if (!Number.isInteger(pair) || !side.success) throw new TRPCError({ code: "BAD_REQUEST", message: "name a pair and a side" });
  return { pair, side: side.data };
}

const t = initTRPC.context<{ pair: number; side: Side }>().create({ transformer: superjson });
/** Messages by the pair and side they are for: `${pair}:${side}`. */
const deliveries = new EventEmitter().setMaxListeners(0);

const router = t.router({
  send: t.procedure
    .input(z.object({ key: z.string().max(200), body: z.string().min(1).max(10_000) }))
    .output(z.object({ id: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const [row] = await sql<Array<{ id: string }>>`
        insert into ${sql(TRPC_FLOOR_TABLE)} (pair, sender, body) values (${ctx.pair}, ${ctx.side}, ${input.body}) returning id`;
      const peer = ctx.side === "customer" ? "agent" : "customer";
      deliveries.emit(`${ctx.pair}:${peer}`, { key: input.key, id: row!.id, body: input.body });
      return { id: row!.id };
    }),

  messages: t.procedure.subscription(async function* ({ ctx, signal }) {
    for await (const [message] of on(deliveries, `${ctx.pair}:${ctx.side}`, { signal })) {
      const checked = messageSchema.parse(message);
      yield tracked(checked.id, checked);
    }
  }),
});

const wss = new WebSocketServer({ host: "127.0.0.1", port: 0, maxPayload: 1_000_000 });
applyWSSHandler({
  wss,
  router,
  createContext: ({ req }) => placeOf(req),
  keepAlive: { enabled: true, pingMs: 30_000, pongWaitMs: 5_000 },
});

runFloorProcess(wss, sql);
