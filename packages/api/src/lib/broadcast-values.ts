import { deserialize, serialize } from "./superjson-fast-path";

/**
 * One live event goes out unchanged to everyone subscribed to it: each of a
 * conversation's subscribers gets the same message event. Such an event is checked
 * against its schema once (`checkOnce`) and serialized once (`transformer`), not once
 * per subscriber. The checked value is frozen: it is shared by every subscriber, so it
 * must not change, and its one serialization then stays true.
 */
const serializations = new WeakMap<object, SharedSerialization>();

type Serialized = ReturnType<typeof serialize>;

interface SharedSerialization {
  serialized: Serialized;
  /** Its annotations as they read under a tracked wrapper's `data`: worked out when first asked for. */
  underData?: Serialized["meta"] | null;
}

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
 * frozen object: a checked broadcast event. tRPC hands a tracked event over as a fresh
 * `{ id, data }` for each subscriber; its `data` is the shared frozen event, so that
 * serialization is reused too and only the wrapper is new.
 */
export const transformer = {
  serialize(value: unknown) {
    if (typeof value !== "object" || value === null) return serialize(value);
    if (Object.isFrozen(value)) return sharedSerialization(value).serialized;
    return serializeTracked(value) ?? serialize(value);
  },
  deserialize,
};

function sharedSerialization(value: object): SharedSerialization {
  let shared = serializations.get(value);
  if (!shared) {
    shared = { serialized: serialize(value) };
    serializations.set(value, shared);
  }
  return shared;
}

/**
 * What superjson makes of `{ id, data }` (a string id, frozen data), from the data's own
 * serialization: the same `json` and the same annotations, each under `data.`. Undefined
 * for anything else, and for data whose serialization records shared references, whose
 * paths this does not rewrite.
 */
function serializeTracked(value: object): Serialized | undefined {
  const { id, data } = value as { id?: unknown; data?: unknown };
  if (typeof id !== "string" || typeof data !== "object" || data === null || !Object.isFrozen(data)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 2 || keys[0] !== "id" || keys[1] !== "data" || Object.getPrototypeOf(value) !== Object.prototype) return undefined;

  const shared = sharedSerialization(data);
  const { serialized } = shared;
  if (shared.underData === undefined) shared.underData = prefixedMeta(serialized.meta);
  const meta = shared.underData;
  if (meta === null) return undefined;
  const json = { id, data: serialized.json } as Serialized["json"];
  return meta ? { json, meta } : { json };
}

/** The annotations under `data.`; undefined when there are none, null when they cannot be moved. */
function prefixedMeta(meta: Serialized["meta"]): Serialized["meta"] | null {
  if (!meta) return undefined;
  const { values, ...rest } = meta;
  if (Object.keys(rest).some((key) => key !== "v")) return null;
  if (values === undefined) return meta;
  if (Array.isArray(values)) return null; // the data itself is annotated (a Map, say)
  const moved: Record<string, unknown> = {};
  for (const [path, annotation] of Object.entries(values)) moved[`data.${path}`] = annotation;
  return { ...meta, values: moved as never };
}
