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
  const checkValue = opts.tracked
    ? (value: unknown) => {
        if (!isTrackedEnvelope(value)) return Promise.reject(new Error("Expected a tracked() event"));
        const [id, data] = value as TrackedEnvelope<unknown>;
        return check(data).then((checked) => tracked(id, checked) as Out);
      }
    : (value: unknown) => check(value) as Promise<Out>;
  return z
    .custom<AsyncIterable<In>>(isAsyncIterable, { message: "Expected an async iterable" })
    .transform((iterable) => mapEach(iterable, checkValue));
}

/**
 * Each value of `iterable` through `map`, in order, as an iterator: what an async
 * generator looping over it would do, without a generator's request and suspended frame
 * per value (see `AsyncQueue`). A value that fails `map` ends the iteration with that
 * error and closes the source, as a throwing generator would.
 */
export function mapEach<T, U>(iterable: AsyncIterable<T>, map: (value: T) => Promise<U>): AsyncIterableIterator<U> {
  const source = iterable[Symbol.asyncIterator]();
  let finished = false;
  const finish = (): Promise<IteratorResult<U>> => {
    finished = true;
    return Promise.resolve(source.return?.()).then(() => ({ value: undefined, done: true }));
  };
  const step = (result: IteratorResult<T>): IteratorResult<U> | Promise<IteratorResult<U>> => {
    if (result.done) {
      finished = true;
      return { value: undefined, done: true };
    }
    return map(result.value).then(
      (value) => ({ value, done: false }),
      (error: unknown) => finish().then(() => Promise.reject(error)),
    );
  };
  return {
    next: () => (finished ? Promise.resolve({ value: undefined, done: true }) : source.next().then(step)),
    return: () => (finished ? Promise.resolve({ value: undefined, done: true }) : finish()),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
