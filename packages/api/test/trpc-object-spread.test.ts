import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { describe, expect, it } from "vitest";

/**
 * `patches/@trpc__server@11.22.1.patch` swaps tRPC's compiled object-spread helper for a
 * faster one (every procedure call and every subscription event spreads a few objects).
 * The swap is only sound while it copies exactly what `{ ...a, ...b }` copies; these
 * tests hold it to that, against the language itself.
 */
type Spread = (target: object, ...sources: unknown[]) => object;

async function loadTrpcSpreadHelper(): Promise<Spread> {
  const serverEntry = createRequire(import.meta.url).resolve("@trpc/server");
  const dist = path.dirname(serverEntry);
  const chunk = readdirSync(dist).find((name) => /^getErrorShape-.*\.mjs$/.test(name));
  if (!chunk) throw new Error(`no getErrorShape chunk in ${dist}`);
  // The chunk exports the helper under a minified name; it is the one that spreads.
  const exports = (await import(pathToFileURL(path.join(dist, chunk)).href)) as Record<string, unknown>;
  const helper = Object.values(exports).find(
    (value): value is Spread => typeof value === "function" && value.name === "_objectSpread2",
  );
  if (!helper) throw new Error("tRPC's object-spread helper is not where the patch expects it");
  return helper;
}

function describeObject(value: object) {
  return {
    prototype: Object.getPrototypeOf(value) as unknown,
    keys: Reflect.ownKeys(value),
    descriptors: Object.getOwnPropertyDescriptors(value),
  };
}

describe("tRPC's object-spread helper, as patched", () => {
  it("is the patched one", async () => {
    const helper = await loadTrpcSpreadHelper();
    expect(helper.toString()).toContain("Object.assign");
  });

  const symbol = Symbol("key");
  const withGetter = Object.defineProperty({ shown: 1 }, "computed", { get: () => 42, enumerable: true });
  const withHidden = Object.defineProperty({ shown: 1 }, "hidden", { value: 2, enumerable: false });
  const fromClient = JSON.parse('{"__proto__": {"admin": true}, "conversationId": "c1"}') as object;
  const cases: Array<[string, unknown[]]> = [
    ["plain objects, later keys winning", [{ a: 1, b: 2 }, { b: 3, c: 4 }]],
    ["enumerable symbols", [{ [symbol]: "s", a: 1 }]],
    ["getters, read as values", [withGetter]],
    ["non-enumerable keys, left out", [withHidden]],
    ["an own __proto__ key from parsed JSON, kept as a key", [fromClient, { lastEventId: "7" }]],
    ["null and undefined, skipped", [null, { a: 1 }, undefined]],
    ["strings, by index", ["ab"]],
    ["the empty object the compiler puts between spreads and literals", [{ a: 1 }, {}, { b: 2 }]],
  ];

  it.each(cases)("copies %s exactly as object spread does", async (_name, sources) => {
    const helper = await loadTrpcSpreadHelper();
    const native = sources.reduce<object>((result, source) => ({ ...result, ...(source as object) }), {});
    expect(describeObject(helper({}, ...sources))).toEqual(describeObject(native));
  });

  it("never changes the prototype of what it builds", async () => {
    const helper = await loadTrpcSpreadHelper();
    const built = helper({}, fromClient) as Record<string, unknown>;
    expect(Object.getPrototypeOf(built)).toBe(Object.prototype);
    expect(built.admin).toBeUndefined();
  });
});
