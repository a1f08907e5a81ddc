import type { Side } from "./protocol";

/** Where a pair reports what happens to the messages it sends and receives. */
export interface MessageEvents {
  acknowledged(key: string, at: number): void;
  rejected(key: string, code: string): void;
  /** A message with `key` arrived on the `to` side's socket. */
  delivered(key: string, to: Side, at: number): void;
}

/** A customer socket and an agent socket that chat with each other, on either server. */
export interface BenchPair {
  /** Opens both sockets and makes sure each is signed in as its person. */
  connect(): Promise<void>;
  /** Whatever must happen before messages flow: a session and subscriptions on Parley. */
  join(): Promise<void>;
  /** Sends without waiting: the answer comes through the events. */
  send(from: Side, key: string, body: string): void;
  close(): void;
}

/** Every message body starts with its key, then its send time, so either side can read both. */
export function messageBody(key: string): string {
  return `${key} sent-at ${Date.now()}`;
}

export function keyOf(body: string): string {
  const space = body.indexOf(" ");
  return space < 0 ? body : body.slice(0, space);
}

export const SOCKET_OPEN_LIMIT_MS = 30_000;
