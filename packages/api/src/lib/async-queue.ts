const DONE: IteratorReturnResult<undefined> = Object.freeze({ value: undefined, done: true });

/**
 * A push-to-pull bridge: callbacks push values, one consumer iterates them in order.
 * Iteration ends when the signal aborts; nothing pushed is dropped before that.
 *
 * A plain iterator rather than an async generator: every live subscription waits on one
 * of these between events, and a waiting generator holds a request, a promise and its
 * suspended frame where this holds one promise. At thousands of subscriptions those
 * outlive a young-generation collection and fill the old one.
 */
export class AsyncQueue<T> implements AsyncIterableIterator<T> {
  #buffer: T[] = [];
  #waiting: ((result: IteratorResult<T>) => void) | null = null;
  #ended = false;

  constructor(signal?: AbortSignal) {
    signal?.addEventListener("abort", () => this.end(), { once: true });
    if (signal?.aborted) this.end();
  }

  push(value: T): void {
    if (this.#ended) return;
    const waiting = this.#waiting;
    if (!waiting) {
      this.#buffer.push(value);
      return;
    }
    this.#waiting = null;
    waiting({ value, done: false });
  }

  /** Ends the iteration once what was pushed before is taken. */
  end(): void {
    this.#ended = true;
    const waiting = this.#waiting;
    this.#waiting = null;
    waiting?.(DONE);
  }

  /** The next value, waiting for it if need be. One consumer: a second waiting call would take the first's place. */
  next(): Promise<IteratorResult<T>> {
    if (this.#buffer.length) return Promise.resolve({ value: this.#buffer.shift()!, done: false });
    if (this.#ended) return Promise.resolve(DONE);
    return new Promise((resolve) => (this.#waiting = resolve));
  }

  /** The consumer leaves (a `for await` broken out of): what is still queued is dropped. */
  return(): Promise<IteratorResult<T>> {
    this.#buffer = [];
    this.end();
    return Promise.resolve(DONE);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
