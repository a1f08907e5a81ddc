import WebSocket from "ws";

import type { FloorFrame, FloorSend } from "../floor/floor-frames";
import type { PairSpec } from "../people";
import { SOCKET_OPEN_LIMIT_MS, type BenchPair, type MessageEvents } from "./bench-pair";
import type { Side } from "./protocol";

/** A pair on the raw floor: two plain sockets that name their pair in the URL. */
export class FloorPair implements BenchPair {
  readonly #sockets = new Map<Side, WebSocket>();

  constructor(
    private readonly url: string,
    private readonly spec: PairSpec,
    private readonly events: MessageEvents,
  ) {}

  async connect(): Promise<void> {
    await Promise.all((["customer", "agent"] as const).map((side) => this.#open(side)));
  }

  async join(): Promise<void> {
    // The floor pairs sockets as they connect.
  }

  send(from: Side, key: string, body: string): void {
    const frame: FloorSend = { key, body };
    this.#sockets.get(from)!.send(JSON.stringify(frame));
  }

  close(): void {
    for (const socket of this.#sockets.values()) socket.close(1000);
  }

  #open(side: Side): Promise<void> {
    const socket = new WebSocket(`${this.url.replace(/^http/, "ws")}/?pair=${this.spec.index}&side=${side}`, {
      perMessageDeflate: false,
      handshakeTimeout: SOCKET_OPEN_LIMIT_MS,
    });
    socket.on("message", (data) => this.#receive(side, JSON.parse(data.toString()) as FloorFrame));
    socket.on("error", () => {}); // a failed open rejects below; later errors close the socket
    this.#sockets.set(side, socket);
    return new Promise((resolve, reject) => {
      socket.once("open", () => resolve());
      socket.once("error", reject);
    });
  }

  #receive(side: Side, frame: FloorFrame): void {
    const at = performance.now();
    if (frame.type === "ack") this.events.acknowledged(frame.key, at);
    else if (frame.type === "message") this.events.delivered(frame.key, side, at);
    else this.events.rejected(frame.key, "FLOOR_ERROR");
  }
}
