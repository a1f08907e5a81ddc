import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

import { createTRPCClient, createWSClient, wsLink } from "@trpc/client";
import { initTRPC, TRPCError } from "@trpc/server";
import { applyWSSHandler } from "@trpc/server/adapters/ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket, { WebSocketServer } from "ws";

/**
 * `patches/@trpc__server@11.22.1.patch` changes two things in tRPC's WebSocket adapter to
 * leave less for the garbage collector: the race it runs before every subscription event
 * (the iterator's next value against the subscription's abort) allocates far less, and
 * only subscriptions get an abort signal. These tests hold the adapter to what it did:
 * values in order, an error as an error, the end as the end, a stop that ends even a
 * subscription whose iterator never yields again, and calls that work without a signal.
 */
const t = initTRPC.create();

/** An iterator that yields nothing and never ends on its own: only a stop ends it. */
function silentIterator(closed: { count: number }): AsyncIterableIterator<number> {
  return {
    next: () => new Promise<IteratorResult<number>>(() => {}),
    return: async () => {
      closed.count++;
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

const silentClosed = { count: 0 };
const router = t.router({
  counts: t.procedure.subscription(async function* () {
    for (const value of [1, 2, 3]) yield value;
  }),
  fails: t.procedure.subscription(async function* () {
    yield 1;
    throw new TRPCError({ code: "FORBIDDEN", message: "no more for you" });
  }),
  silent: t.procedure.subscription(() => silentIterator(silentClosed)),
  signalOfMutation: t.procedure.mutation(({ signal }) => signal === undefined),
  signalOfSubscription: t.procedure.subscription(async function* ({ signal }) {
    yield signal instanceof AbortSignal && !signal.aborted;
  }),
});

let server: WebSocketServer;
let handler: ReturnType<typeof applyWSSHandler>;
let socket: ReturnType<typeof createWSClient>;
let client: ReturnType<typeof createTRPCClient<typeof router>>;

beforeAll(async () => {
  server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => server.once("listening", resolve));
  handler = applyWSSHandler({ wss: server, router });
  const { port } = server.address() as { port: number };
  socket = createWSClient({ url: `ws://127.0.0.1:${port}`, WebSocket: WebSocket as never });
  client = createTRPCClient<typeof router>({ links: [wsLink({ client: socket })] });
});
afterAll(async () => {
  socket?.close();
  handler?.broadcastReconnectNotification();
  await new Promise((resolve) => server?.close(resolve));
});

/** What a subscription delivers until it completes or fails. */
function follow(subscribe: (handlers: object) => { unsubscribe(): void }) {
  const seen: unknown[] = [];
  const ended = new Promise<{ error?: string }>((resolve) => {
    subscribe({
      onData: (value: unknown) => seen.push(value),
      onError: (error: { data?: { code?: string } }) => resolve({ error: error.data?.code }),
      onComplete: () => resolve({}),
    });
  });
  return { seen, ended };
}

describe("tRPC's WebSocket adapter, as patched", () => {
  it("is the patched one, in both module formats", () => {
    const adapter = createRequire(import.meta.url).resolve("@trpc/server/adapters/ws");
    const dist = path.dirname(path.dirname(adapter));
    const chunks = readdirSync(dist).filter((name) => /^ws-.*\.(mjs|cjs)$/.test(name));
    expect(chunks).toHaveLength(2);
    for (const chunk of chunks) {
      const source = readFileSync(path.join(dist, chunk), "utf8");
      expect(source).toContain("nextOrAbort");
      expect(source).toContain('type === "subscription" ? new AbortController() : null');
    }
  });

  it("delivers every value in order, then the end", async () => {
    const { seen, ended } = follow((handlers) => client.counts.subscribe(undefined, handlers));
    expect(await ended).toEqual({});
    expect(seen).toEqual([1, 2, 3]);
  });

  it("delivers an iterator's error as that error", async () => {
    const { seen, ended } = follow((handlers) => client.fails.subscribe(undefined, handlers));
    expect(await ended).toEqual({ error: "FORBIDDEN" });
    expect(seen).toEqual([1]);
  });

  it("ends a subscription that is waiting for a value when the client stops it", async () => {
    const subscription = client.silent.subscribe(undefined, { onStarted: () => {} });
    await new Promise((resolve) => setTimeout(resolve, 50));
    subscription.unsubscribe();
    // Closed by the adapter, then again by its disposal of the iterator, as unpatched.
    await expect.poll(() => silentClosed.count).toBeGreaterThan(0);
  });

  it("gives a subscription a signal of its own, and a mutation none", async () => {
    expect(await client.signalOfMutation.mutate()).toBe(true);
    const { seen, ended } = follow((handlers) => client.signalOfSubscription.subscribe(undefined, handlers));
    await ended;
    expect(seen).toEqual([true]);
  });
});
