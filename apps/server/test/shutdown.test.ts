import { describe, expect, it } from "vitest";
import WebSocket from "ws";

import { createTestDatabase } from "@parley/db/testing";

import { toWebSocketUrl } from "./support/clients";
import { startServerProcess } from "./support/server-process";

describe("graceful shutdown", () => {
  it("tells WebSocket clients to reconnect, stops accepting and exits cleanly on SIGTERM", async () => {
    const database = process.env.DATABASE_URL ? await createTestDatabase() : null;
    const server = await startServerProcess({ DATABASE_URL: database?.url ?? undefined });
    try {
      const socket = new WebSocket(toWebSocketUrl(server.url));
      await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
      const messages: string[] = [];
      socket.on("message", (data: Buffer) => messages.push(data.toString()));
      const closed = new Promise<number>((resolve) => socket.once("close", (code) => resolve(code)));

      const exitCode = await server.stop();

      expect(exitCode).toBe(0);
      expect(messages.map((text) => JSON.parse(text) as unknown)).toContainEqual({ id: null, method: "reconnect" });
      expect(await closed).toBe(1012);
      await expect(fetch(`${server.url}/health`)).rejects.toThrow();
      expect(server.logs.map((entry) => entry.msg)).toContain("parley server stopped");
    } finally {
      await server.stop();
      await database?.dispose();
    }
  });
});
