import type { Bus } from "./bus";

/** The bus of a single server process: listeners are called synchronously in publish order. */
export class MemoryBus implements Bus {
  readonly #listeners = new Map<string, Set<(event: unknown) => void>>();

  async publish(channel: string, event: unknown): Promise<void> {
    for (const listener of this.#listeners.get(channel) ?? []) listener(event);
  }

  async subscribe(channel: string, listener: (event: unknown) => void): Promise<() => void> {
    let listeners = this.#listeners.get(channel);
    if (!listeners) this.#listeners.set(channel, (listeners = new Set()));
    // A wrapper per subscription, so the same function subscribed twice is two subscriptions.
    const entry = (event: unknown) => listener(event);
    listeners.add(entry);
    return () => {
      listeners.delete(entry);
      // Only this set: after it emptied, a later subscriber may have made a new one.
      if (listeners.size === 0 && this.#listeners.get(channel) === listeners) this.#listeners.delete(channel);
    };
  }

  async listenedTo(channels: readonly string[]): Promise<Set<string>> {
    return new Set(channels.filter((channel) => this.#listeners.has(channel)));
  }

  async close(): Promise<void> {
    this.#listeners.clear();
  }
}
