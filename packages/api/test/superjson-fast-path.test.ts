import fc from "fast-check";
import superjson from "superjson";
import { describe, expect, it } from "vitest";

import { serialize, serializePlain } from "../src/lib/superjson-fast-path";

/** What superjson does with a value: its serialization, or the message it throws. */
function outcome(write: (value: unknown) => unknown, value: unknown) {
  try {
    const written = write(value);
    // The order of keys is part of the wire format the client reads.
    return { written, text: JSON.stringify(written) };
  } catch (error) {
    return { thrown: (error as Error).message };
  }
}

/** The values the API sends: plain objects and arrays of JSON values, undefined and Dates. */
const plain = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.string(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }).filter((number) => !Object.is(number, -0)),
    fc.date({ noInvalidDate: true }),
  ),
  // Keys with dots and backslashes, which superjson escapes in its paths.
  key: fc.oneof(fc.string(), fc.constantFrom("a.b", "a\\b", "\\.", ".", "0")).filter((key) => !["__proto__", "constructor", "prototype"].includes(key)),
  node: fc.oneof({ depthSize: "small" }, tie("leaf"), tie("array"), tie("object")),
  array: fc.array(tie("node"), { maxLength: 5 }),
  object: fc.dictionary(tie("key") as fc.Arbitrary<string>, tie("node"), { maxKeys: 5 }),
}));

const message = {
  id: "0f6c1f4e-4b5e-4c1a-9a57-2f4a3e1c9b10",
  conversationId: "5b7d2f60-3c9e-4a8d-8d2e-6f1b0a9c4e21",
  seq: 42,
  body: "Your order is on its way.",
  replyTo: null,
  mentions: ["a1", "b2"],
  attachments: [{ id: "x", name: "invoice.pdf", size: 1024, uploadedAt: new Date("2026-12-03T10:00:00.000Z") }],
  createdAt: new Date("2026-12-03T10:01:00.000Z"),
  editedAt: undefined,
  deletedAt: null,
};

describe("superjson's fast path", () => {
  it("writes a message event exactly as superjson does, dates and undefined annotated", () => {
    const fast = serializePlain(message);
    expect(fast).toBeDefined();
    expect(outcome(() => fast, message)).toStrictEqual(outcome(superjson.serialize, message));
    expect(fast!.meta!.values).toEqual({ "attachments.0.uploadedAt": ["Date"], createdAt: ["Date"], editedAt: ["undefined"] });
  });

  it("writes any plain value on the fast path, exactly as superjson does", () => {
    fc.assert(
      fc.property(fc.oneof(plain.array, plain.object), (value) => {
        const fast = serializePlain(value);
        if (fast === undefined) throw new Error("a plain value left the fast path");
        expect(outcome(() => fast, value)).toStrictEqual(outcome(superjson.serialize, value));
      }),
      { numRuns: 2_000 },
    );
  });

  it("leaves everything else to superjson, with the same result or the same error", () => {
    const shared = { same: true };
    const sharedDate = new Date(0);
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    const special = [
      { map: new Map([["a", 1]]) },
      { set: new Set([1]) },
      { big: 10n },
      { nan: Number.NaN, infinite: -Infinity },
      { negativeZero: -0 },
      { invalid: new Date(Number.NaN) },
      { twice: [shared, shared] },
      { dates: [sharedDate, sharedDate] },
      circular,
      [1, , 3],
      Object.assign([1, 2], { extra: true }),
      { error: new Error("boom") },
      { pattern: /a+/g },
      { url: new URL("https://example.com/") },
      { typed: new Uint8Array([1, 2]) },
      { instance: new (class Point { x = 1 })() },
      { symbol: Symbol("s") },
      { fn: () => 1 },
      JSON.parse('{"__proto__": {"polluted": true}}'),
      { constructor: 1 },
    ];
    for (const value of special) {
      expect(serializePlain(value)).toBeUndefined();
      expect(outcome(serialize, value)).toStrictEqual(outcome(superjson.serialize, value));
    }
    for (const value of [undefined, null, "text", 3, new Date(0), new Map()]) {
      expect(outcome(serialize, value)).toStrictEqual(outcome(superjson.serialize, value));
    }
  });

  it("checks every kind of value fast-check makes against superjson", () => {
    fc.assert(
      fc.property(fc.anything({ withDate: true, withMap: true, withSet: true, withBigInt: true, withNullPrototype: true, withSparseArray: true, withTypedArray: true, withBoxedValues: true, withObjectString: true }), (value) => {
        expect(outcome(serialize, value)).toStrictEqual(outcome(superjson.serialize, value));
      }),
      { numRuns: 2_000 },
    );
  });
});
