import type { TrackedEnvelope } from "@trpc/server";
import { isTrackedEnvelope, tracked } from "@trpc/server";
import { z } from "zod";

import { checkOnce } from "./broadcast-values";

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return !!value && typeof value === "object" && Symbol.asyncIterator in value;
}

/**
 * An output schema for subscriptions: checks every value a generator yields, as
 * `.output()` checks a query's result (tRPC's documented pattern, for zod 4).
 * With `tracked: true` each value is a `tracked(id, data)` envelope and the data is checked.
 * An event yielded to many subscribers is checked once (`checkOnce`).
 */
export function zAsyncIterable<TYield extends z.ZodType, TTracked extends boolean = false>(opts: {
  yield: TYield;
  tracked?: TTracked;
}) {
  type In = TTracked extends true ? TrackedEnvelope<z.input<TYield>> : z.input<TYield>;
  type Out = TTracked extends true ? TrackedEnvelope<z.output<TYield>> : z.output<TYield>;
  const check = checkOnce((value) => opts.yield.parseAsync(value) as Promise<z.output<TYield>>);
  return z
    .custom<AsyncIterable<In>>(isAsyncIterable, { message: "Expected an async iterable" })
    .transform(async function* (iterable): AsyncGenerator<Out, void, unknown> {
      for await (const value of iterable) {
        if (opts.tracked) {
          if (!isTrackedEnvelope(value)) throw new Error("Expected a tracked() event");
          const [id, data] = value as TrackedEnvelope<unknown>;
          yield tracked(id, await check(data)) as Out;
        } else {
          yield (await check(value)) as Out;
        }
      }
    });
}
