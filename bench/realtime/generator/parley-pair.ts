import type { RouterInputs } from "@parley/api";

import type { PairSpec } from "../people";
import { keyOf, SOCKET_OPEN_LIMIT_MS, type BenchPair, type MessageEvents } from "./bench-pair";
import type { Side } from "./protocol";
import { TrpcCallError, TrpcSocket } from "./trpc-socket";

type SendInput = RouterInputs["messages"]["send"];
type StartSessionInput = RouterInputs["conversations"]["startSession"];
type EventsInput = RouterInputs["messages"]["events"];

/**
 * A pair on Parley: each person's socket signed in with their session cookie, as the web
 * app's is; the customer starts a support session for the agents' team; both subscribe to
 * its events; messages go out as `messages.send` mutations on the socket. (The web app
 * sends its mutations over HTTP; on the socket, as a client keeping one socket would send
 * them, they travel as the floors' messages do.)
 */
export class ParleyPair implements BenchPair {
  #customer: TrpcSocket | null = null;
  #agent: TrpcSocket | null = null;
  #conversationId: string | null = null;

  constructor(
    private readonly url: string,
    private readonly spec: PairSpec,
    private readonly events: MessageEvents,
  ) {}

  async connect(): Promise<void> {
    const socketUrl = `${this.url.replace(/^http/, "ws")}/trpc`;
    [this.#customer, this.#agent] = await Promise.all([
      openSignedIn(socketUrl, this.spec.customerCookie, this.spec.customerId),
      openSignedIn(socketUrl, this.spec.agentCookie, this.spec.agentId),
    ]);
  }

  async join(): Promise<void> {
    const start: StartSessionInput = { subject: `Bench chat ${this.spec.index}`, teamId: this.spec.teamId };
    const session = (await this.#socket("customer").mutate("conversations.startSession", start)) as { id: string };
    this.#conversationId = session.id;
    const input: EventsInput = { conversationId: session.id };
    await Promise.all(
      (["customer", "agent"] as const).map((side) =>
        this.#socket(side).subscribe("messages.events", input, (event) => this.#receive(side, event)),
      ),
    );
  }

  send(from: Side, key: string, body: string): void {
    const input: SendInput = { conversationId: this.#conversationId!, body, clientId: key };
    this.#socket(from)
      .mutate("messages.send", input)
      .then(
        () => this.events.acknowledged(key, performance.now()),
        (error: unknown) => this.events.rejected(key, error instanceof TrpcCallError ? error.code : String(error)),
      );
  }

  close(): void {
    this.#customer?.close();
    this.#agent?.close();
  }

  #receive(side: Side, event: unknown): void {
    const at = performance.now();
    const { type, message } = event as { type?: string; message?: { body?: string } };
    if (type === "message" && message?.body) this.events.delivered(keyOf(message.body), side, at);
  }

  #socket(side: Side): TrpcSocket {
    const socket = side === "customer" ? this.#customer : this.#agent;
    if (!socket) throw new Error("the pair is not connected");
    return socket;
  }
}

async function openSignedIn(url: string, cookie: string, userId: string): Promise<TrpcSocket> {
  const socket = await TrpcSocket.open(url, cookie, SOCKET_OPEN_LIMIT_MS);
  const me = (await socket.query("auth.me", undefined)) as { id?: string } | null;
  if (me?.id !== userId) {
    socket.close();
    throw new Error(`socket not signed in as ${userId} (the server sees ${me?.id ?? "nobody"})`);
  }
  return socket;
}
