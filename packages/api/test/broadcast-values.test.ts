import fc from "fast-check";
import superjson from "superjson";
import { describe, expect, it } from "vitest";

import { checkOnce, transformer } from "../src/lib/broadcast-values";

/** Deeply frozen, as a checked broadcast event is. */
function frozen<T>(value: T): T {
  if (typeof value === "object" && value !== null && !(value instanceof Date)) {
    Object.values(value).forEach(frozen);
    Object.freeze(value);
  }
  return value;
}

/** The wire text: the order of keys is part of what the client reads. */
const text = (value: unknown) => JSON.stringify(value);

const event = () =>
  frozen({
    type: "message",
    message: { id: "m1", seq: 3, body: "On its way", createdAt: new Date("2026-12-03T10:01:00.000Z"), editedAt: undefined, "odd.key": new Date(0) },
  });

describe("the transformer for broadcast values", () => {
  it("serializes a frozen event once, whoever asks", () => {
    const shared = event();
    expect(transformer.serialize(shared)).toBe(transformer.serialize(shared));
    expect(text(transformer.serialize(shared))).toBe(text(superjson.serialize(shared)));
  });

  it("writes each subscriber's tracked wrapper as superjson does, from the event's one serialization", () => {
    const shared = event();
    const first = transformer.serialize({ id: "3", data: shared });
    const second = transformer.serialize({ id: "4", data: shared });
    expect(text(first)).toBe(text(superjson.serialize({ id: "3", data: shared })));
    expect(text(second)).toBe(text(superjson.serialize({ id: "4", data: shared })));
    // The event's part is the same object: written once.
    expect((first.json as { data: unknown }).data).toBe((second.json as { data: unknown }).data);
  });

  it("leaves any other value to superjson, with the same result", () => {
    const shared = event();
    const others = [
      { id: "3", data: { ...shared } }, // data not frozen
      { id: 3, data: shared }, // not a string id
      { id: "3", data: shared, extra: true }, // more than a wrapper
      { data: shared, id: "3" }, // keys in another order
      { id: "3", data: frozen({ m: new Map([[1, 2]]) }) }, // data annotated at its root
      { id: "3", data: frozen({ twice: [shared, shared] }) }, // shared references
    ];
    for (const value of others) expect(text(transformer.serialize(value))).toBe(text(superjson.serialize(value)));
  });

  it("writes any tracked wrapper of frozen plain data exactly as superjson does", () => {
    const leaf = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.date({ noInvalidDate: true }));
    const key = fc.oneof(fc.string(), fc.constantFrom("a.b", "a\\b", "0")).filter((name) => !["__proto__", "constructor", "prototype"].includes(name));
    const { node } = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: "small" }, leaf, fc.array(tie("node"), { maxLength: 4 }), fc.dictionary(key, tie("node"), { maxKeys: 4 })),
    }));
    fc.assert(
      fc.property(fc.string(), fc.dictionary(key, node, { maxKeys: 5 }), (id, data) => {
        const wrapper = { id, data: frozen(data) };
        expect(text(transformer.serialize(wrapper))).toBe(text(superjson.serialize(wrapper)));
      }),
    );
  });
});

describe("checking a broadcast event once", () => {
  it("checks each event object once and shares the frozen result, failures included", async () => {
    let checks = 0;
    const check = checkOnce(async (value) => {
      checks++;
      if ((value as { bad?: boolean }).bad) throw new Error("bad event");
      return { ...(value as object) };
    });
    const raw = { type: "typing" };
    const [first, second] = await Promise.all([check(raw), check(raw)]);
    expect(first).toBe(second);
    expect(Object.isFrozen(first)).toBe(true);
    const bad = { bad: true };
    await expect(check(bad)).rejects.toThrow("bad event");
    await expect(check(bad)).rejects.toThrow("bad event");
    expect(checks).toBe(2);
    // Values that are not objects cannot be told apart from one event to the next.
    await check("typing");
    await check("typing");
    expect(checks).toBe(4);
  });
});
