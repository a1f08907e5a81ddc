import { deserialize, serialize } from "./superjson-fast-path";

/**
 * One live event goes out unchanged to everyone subscribed to it: each of a
 * conversation's subscribers gets the same message event. Such an event is checked
 * against its schema once (`checkOnce`) and serialized once (`transformer`), not once
 * per subscriber. The checked value is frozen: it is shared by every subscriber, so it
 * must not change, and its one serialization then stays true.
 */
const serializations = new WeakMap<object, ReturnType<typeof serialize>>();

/**
 * `check(value)`, once per event object: later calls with the same object get the first
 * call's result (or its failure). Values that are not objects are checked every time.
 */
export function checkOnce<T>(check: (value: unknown) => Promise<T>): (value: unknown) => Promise<T> {
  const checked = new WeakMap<object, Promise<T>>();
  return (value) => {
    if (typeof value !== "object" || value === null) return check(value);
    let result = checked.get(value);
    if (!result) {
      result = check(value).then((output) => (typeof output === "object" && output !== null ? Object.freeze(output) : output));
      checked.set(value, result);
    }
    return result;
  };
}

/**
 * superjson (through its fast path for plain values), reusing the serialization of a
 * frozen object: a checked broadcast event.
 */
export const transformer = {
  serialize(value: unknown) {
    if (typeof value !== "object" || value === null || !Object.isFrozen(value)) return serialize(value);
    let serialized = serializations.get(value);
    if (!serialized) {
      serialized = serialize(value);
      serializations.set(value, serialized);
    }
    return serialized;
  },
  deserialize,
};
