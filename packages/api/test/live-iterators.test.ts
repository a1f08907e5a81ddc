import { isTrackedEnvelope, tracked } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";

import { AsyncQueue } from "../src/lib/async-queue";
import { mapEach, zAsyncIterable } from "../src/lib/z-async-iterable";

/** Every value until the end, as `for await` sees them. */
async function drain<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const values: T[] = [];
  for await (const value of iterable) values.push(value);
  return values;
}

/** A source that counts how often its consumer closes it. */
function countingSource<T>(values: T[]) {
  const closes = { count: 0 };
  async function* generate() {
    try {
      yield* values;
    } finally {
      closes.count++;
    }
  }
  return { iterable: generate(), closes };
}

describe("the live event queue", () => {
  it("gives what was pushed, in order, whether pushed before or while the consumer waits", async () => {
    const queue = new AsyncQueue<number>();
    queue.push(1);
    queue.push(2);
    const first = await queue.next();
    const second = await queue.next();
    const waited = queue.next();
    queue.push(3);
    expect([first, second, await waited]).toEqual([1, 2, 3].map((value) => ({ value, done: false })));
  });

  it("ends once the signal aborts, after what was pushed before it", async () => {
    const abort = new AbortController();
    const queue = new AsyncQueue<string>(abort.signal);
    queue.push("before");
    abort.abort();
    queue.push("after");
    expect(await drain(queue)).toEqual(["before"]);
  });

  it("wakes a waiting consumer with the end", async () => {
    const abort = new AbortController();
    const queue = new AsyncQueue<string>(abort.signal);
    const waiting = queue.next();
    abort.abort();
    expect(await waiting).toEqual({ value: undefined, done: true });
  });

  it("is ended already by a signal that aborted before it was made", async () => {
    expect(await drain(new AsyncQueue<string>(AbortSignal.abort()))).toEqual([]);
  });

  it("drops what is queued when its consumer leaves", async () => {
    const queue = new AsyncQueue<number>();
    [1, 2, 3].forEach((value) => queue.push(value));
    for await (const value of queue) if (value === 1) break;
    queue.push(4);
    expect(await queue.next()).toEqual({ value: undefined, done: true });
  });
});

describe("mapping each live event", () => {
  it("maps every value in order, then ends and has closed its source", async () => {
    const { iterable, closes } = countingSource([1, 2, 3]);
    expect(await drain(mapEach(iterable, async (value) => value * 10))).toEqual([10, 20, 30]);
    expect(closes.count).toBe(1);
  });

  it("ends with the error of a value that fails, and closes its source", async () => {
    const { iterable, closes } = countingSource([1, 2, 3]);
    const mapped = mapEach(iterable, async (value) => {
      if (value === 2) throw new Error("two is wrong");
      return value;
    });
    expect(await mapped.next()).toEqual({ value: 1, done: false });
    await expect(mapped.next()).rejects.toThrow("two is wrong");
    expect(closes.count).toBe(1);
    expect(await mapped.next()).toEqual({ value: undefined, done: true });
  });

  it("closes its source when the consumer leaves early", async () => {
    const { iterable, closes } = countingSource([1, 2, 3]);
    for await (const value of mapEach(iterable, async (value: number) => value)) if (value === 1) break;
    expect(closes.count).toBe(1);
  });
});

describe("a subscription's output schema", () => {
  const schema = zAsyncIterable({ yield: z.object({ n: z.number() }) });
  const trackedSchema = zAsyncIterable({ yield: z.object({ n: z.number() }), tracked: true });
  async function* values(...items: unknown[]) {
    yield* items;
  }

  it("passes values that match and fails on the first that does not", async () => {
    const checked = await schema.parseAsync(values({ n: 1 }, { n: "two" }, { n: 3 }));
    expect(await checked.next()).toEqual({ value: { n: 1 }, done: false });
    await expect(checked.next()).rejects.toThrow();
  });

  it("keeps tracked envelopes, checking their data, and refuses untracked values", async () => {
    const checked = await trackedSchema.parseAsync(values(tracked("7", { n: 7 })));
    const [event] = await drain(checked);
    expect(isTrackedEnvelope(event)).toBe(true);
    expect([event![0], event![1]]).toEqual(["7", { n: 7 }]);

    const untracked = await trackedSchema.parseAsync(values({ n: 1 }));
    await expect(untracked.next()).rejects.toThrow("Expected a tracked() event");
  });

  it("checks an event shared by many subscribers once, and gives each the same checked value", async () => {
    let checks = 0;
    const counted = zAsyncIterable({ yield: z.object({ n: z.number() }).transform((value) => (checks++, value)) });
    const shared = { n: 1 };
    const [first] = await drain(await counted.parseAsync(values(shared)));
    const [second] = await drain(await counted.parseAsync(values(shared)));
    expect(checks).toBe(1);
    expect(second).toBe(first);
  });
});
