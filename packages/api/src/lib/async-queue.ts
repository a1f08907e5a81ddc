/**
 * A push-to-pull bridge: callbacks push values, one consumer iterates them in order.
 * Iteration ends when the signal aborts; nothing pushed is dropped before that.
 */
export class AsyncQueue<T> implements AsyncIterable<T> {
  readonly #buffer: T[] = [];
  #wake: (() => void) | null = null;
  #ended = false;

  constructor(signal?: AbortSignal) {
    signal?.addEventListener("abort", () => this.end(), { once: true });
    if (signal?.aborted) this.end();
  }

  push(value: T): void {
    if (this.#ended) return;
    this.#buffer.push(value);
    this.#wake?.();
  }

  end(): void {
    this.#ended = true;
    this.#wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for (;;) {
      while (this.#buffer.length) yield this.#buffer.shift()!;
      if (this.#ended) return;
      await new Promise<void>((resolve) => (this.#wake = resolve));
      this.#wake = null;
    }
  }
}
