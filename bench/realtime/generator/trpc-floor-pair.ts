import type { PairSpec } from "../people";
import { SOCKET_OPEN_LIMIT_MS, type BenchPair, type MessageEvents } from "./bench-pair";
import type { Side } from "./protocol";
import { TrpcCallError, TrpcSocket } from "./trpc-socket";

/**
 * A pair on the tRPC floor: two tRPC sockets that name their pair in the URL, each
 * subscribed to what is sent to it; messages go out as `send` mutations.
 */
export class TrpcFloorPair implements BenchPair {
  readonly #sockets = new Map<Side, TrpcSocket>();

  constructor(
    private readonly url: string,
    private readonly spec: PairSpec,
    private readonly events: MessageEvents,
  ) {}

  async connect(): Promise<void> {
    await Promise.all(
      (["customer", "agent"] as const).map(async (side) => {
        const url = `${this.url.replace(/^http/, "ws")}/?pair=${this.spec.index}&side=${side}`;
        this.#sockets.set(side, await TrpcSocket.open(url, "", SOCKET_OPEN_LIMIT_MS));
      }),
    );
  }

  async join(): Promise<void> {
    await Promise.all(
      [...this.#sockets].map(([side, socket]) =>
        socket.subscribe("messages", undefined, (message) => this.events.delivered((message as { key: string }).key, side, performance.now())),
      ),
    );
  }

  send(from: Side, key: string, body: string): void {
    this.#sockets
      .get(from)!
      .mutate("send", { key, body })
      .then(
        () => this.events.acknowledged(key, performance.now()),
        (error: unknown) => this.events.rejected(key, error instanceof TrpcCallError ? error.code : String(error)),
      );
  }

  close(): void {
    for (const socket of this.#sockets.values()) socket.close();
  }
}
