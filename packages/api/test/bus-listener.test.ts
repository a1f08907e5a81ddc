import { describe, expect, it, vi } from "vitest";

import type { Bus } from "../src/realtime/bus";
import { listenOnBus } from "../src/realtime/bus-listener";
import { MemoryBus } from "../src/realtime/memory-bus";

describe("listening on the bus", () => {
  it("hears what is published once it has resolved, before anyone pulls", async () => {
    const bus = new MemoryBus();
    const listener = await listenOnBus<string>(bus, "room", undefined);
    await bus.publish("room", "first");
    await bus.publish("room", "second");
    const iterator = listener.events[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toBe("first");
    expect((await iterator.next()).value).toBe("second");
    listener.close();
  });

  it("queues only the events it accepts", async () => {
    const bus = new MemoryBus();
    const listener = await listenOnBus(bus, "room", undefined, (event): event is string => typeof event === "string");
    await bus.publish("room", 1);
    await bus.publish("room", "wanted");
    const iterator = listener.events[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toBe("wanted");
    listener.close();
  });

  it("leaves the channel once, on close or on abort, even when nothing was ever pulled", async () => {
    const unsubscribe = vi.fn();
    const bus: Bus = { publish: async () => {}, subscribe: async () => unsubscribe, listenedTo: async () => new Set(), close: async () => {} };
    const abort = new AbortController();
    const listener = await listenOnBus(bus, "room", abort.signal);
    abort.abort();
    listener.close();
    expect(unsubscribe).toHaveBeenCalledTimes(1);

    const aborted = new AbortController();
    aborted.abort();
    await listenOnBus(bus, "room", aborted.signal);
    expect(unsubscribe).toHaveBeenCalledTimes(2);
  });

  it("keeps a later subscriber when an earlier one leaves twice", async () => {
    const bus = new MemoryBus();
    const leave = await bus.subscribe("room", () => {});
    leave();
    const heard: unknown[] = [];
    await bus.subscribe("room", (event) => heard.push(event));
    leave();
    await bus.publish("room", "still here");
    expect(heard).toEqual(["still here"]);
  });
});
