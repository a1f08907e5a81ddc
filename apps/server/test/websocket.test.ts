import { afterEach, describe, expect, inject, it } from "vitest";
import WebSocket from "ws";

import { socketClient, toWebSocketUrl } from "./support/clients";

const serverUrl = inject("serverUrl");

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe("tRPC over WebSocket", () => {
  it("streams the live pulse to a subscriber", async () => {
    const { client, close } = socketClient(serverUrl);
    cleanups.push(close);

    const beats = await new Promise<Array<{ serverTime: Date; connectedClients: number }>>((resolve, reject) => {
      const received: Array<{ serverTime: Date; connectedClients: number }> = [];
      const subscription = client.system.pulse.subscribe(
        { intervalMs: 150 },
        {
          onData: (beat) => {
            received.push(beat);
            if (received.length === 3) {
              subscription.unsubscribe();
              resolve(received);
            }
          },
          onError: reject,
        },
      );
    });

    expect(beats.every((beat) => beat.serverTime instanceof Date)).toBe(true);
    const times = beats.map((beat) => beat.serverTime.getTime());
    expect(times[1]!).toBeGreaterThan(times[0]!);
    expect(times[2]!).toBeGreaterThan(times[1]!);
    // This client is connected, so the count includes it.
    expect(beats[0]!.connectedClients).toBeGreaterThanOrEqual(1);
  });

  it("refuses bad subscription input with BAD_REQUEST", async () => {
    const { client, close } = socketClient(serverUrl);
    cleanups.push(close);
    const error = await new Promise<{ data?: { code?: string } }>((resolve) => {
      client.system.pulse.subscribe({ intervalMs: 5 }, { onError: (cause) => resolve(cause as never) });
    });
    expect(error.data?.code).toBe("BAD_REQUEST");
  });

  it("answers keep-alive pings so idle connections stay open", async () => {
    const socket = new WebSocket(toWebSocketUrl(serverUrl));
    cleanups.push(() => socket.close());
    await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
    const reply = new Promise<string>((resolve) => socket.once("message", (data: Buffer) => resolve(data.toString())));
    socket.send("PING");
    expect(await reply).toBe("PONG");
  });

  it("refuses upgrades on other paths", async () => {
    const socket = new WebSocket(toWebSocketUrl(serverUrl, "/elsewhere"));
    const outcome = await new Promise<string>((resolve) => {
      socket.once("open", () => resolve("open"));
      socket.once("error", () => resolve("refused"));
    });
    expect(outcome).toBe("refused");
  });
});
