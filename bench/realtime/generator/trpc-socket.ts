import WebSocket from "ws";

/**
 * A lean client for tRPC's WebSocket protocol, speaking exactly what @trpc/client's wsLink
 * sends (JSON-RPC-like frames, superjson-encoded input, PING/PONG keep-alive) without its
 * observables and retries. Thousands of these share the generator's cores with the
 * server, so each costs one JSON.parse per frame and nothing more.
 */
export class TrpcSocket {
  readonly #socket: WebSocket;
  #nextId = 1;
  readonly #calls = new Map<number, { resolve: (data: unknown) => void; reject: (error: TrpcCallError) => void }>();
  readonly #subscriptions = new Map<number, Subscription>();
  /** Set once the socket closes, so calls fail fast instead of waiting forever. */
  #closed: TrpcCallError | null = null;

  private constructor(socket: WebSocket) {
    this.#socket = socket;
    socket.on("message", (data, isBinary) => this.#receive(isBinary ? "" : data.toString()));
    socket.on("close", (code) => this.#fail(new TrpcCallError("SOCKET_CLOSED", `socket closed (${code})`)));
    socket.on("error", () => {}); // "close" follows and fails what is pending
  }

  /** Opens a socket; `cookie` authenticates it as the web app's session cookie does. */
  static open(url: string, cookie: string, timeoutMs: number): Promise<TrpcSocket> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { headers: { cookie }, perMessageDeflate: false, handshakeTimeout: timeoutMs });
      socket.once("open", () => resolve(new TrpcSocket(socket)));
      socket.once("error", reject);
    });
  }

  query(path: string, input: unknown): Promise<unknown> {
    return this.#call("query", path, input);
  }

  mutate(path: string, input: unknown): Promise<unknown> {
    return this.#call("mutation", path, input);
  }

  /** Resolves once the server has started the subscription; `onData` gets each event's payload. */
  subscribe(path: string, input: unknown, onData: (data: unknown) => void): Promise<void> {
    if (this.#closed) return Promise.reject(this.#closed);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#subscriptions.set(id, { onData, started: resolve, failed: reject });
      this.#send({ id, method: "subscription", params: { path, input: { json: input } } });
    });
  }

  close(): void {
    this.#socket.close(1000);
  }

  #call(method: "query" | "mutation", path: string, input: unknown): Promise<unknown> {
    if (this.#closed) return Promise.reject(this.#closed);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#calls.set(id, { resolve, reject });
      this.#send({ id, method, params: { path, input: { json: input } } });
    });
  }

  #send(frame: unknown): void {
    this.#socket.send(JSON.stringify(frame));
  }

  #receive(text: string): void {
    if (text === "PING") return this.#socket.send("PONG");
    if (text === "PONG" || !text) return;
    const frame = JSON.parse(text) as ServerFrame;
    if (typeof frame.id !== "number") return; // e.g. the server asking clients to reconnect

    const call = this.#calls.get(frame.id);
    if (call) {
      this.#calls.delete(frame.id);
      if (frame.error) call.reject(TrpcCallError.from(frame.error));
      else call.resolve(frame.result?.data?.json);
      return;
    }
    const subscription = this.#subscriptions.get(frame.id);
    if (!subscription) return;
    if (frame.error) {
      this.#subscriptions.delete(frame.id);
      subscription.failed(TrpcCallError.from(frame.error));
    } else if (frame.result?.type === "started") {
      subscription.started();
    } else if (frame.result?.type === "data") {
      // A tracked event arrives as { id, data }: the payload is `data`.
      const envelope = frame.result.data?.json as { data?: unknown } | undefined;
      subscription.onData(envelope?.data);
    }
  }

  #fail(error: TrpcCallError): void {
    this.#closed = error;
    for (const call of this.#calls.values()) call.reject(error);
    for (const subscription of this.#subscriptions.values()) subscription.failed(error);
    this.#calls.clear();
    this.#subscriptions.clear();
  }
}

interface Subscription {
  onData: (data: unknown) => void;
  started: () => void;
  failed: (error: TrpcCallError) => void;
}

interface ServerFrame {
  id?: number | null;
  result?: { type?: "started" | "data" | "stopped"; data?: { json?: unknown } };
  error?: { json?: { message?: string; data?: { code?: string } } };
}

/** A failed call, with tRPC's error code (TOO_MANY_REQUESTS, FORBIDDEN...) to count by. */
export class TrpcCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  static from(error: NonNullable<ServerFrame["error"]>): TrpcCallError {
    return new TrpcCallError(error.json?.data?.code ?? "UNKNOWN", error.json?.message ?? "failed");
  }
}
