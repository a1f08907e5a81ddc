import type { IncomingMessage } from "node:http";

import { describe, expect, it } from "vitest";

import { createRequestReader } from "../src/http/request-info";

function requestFrom(remoteAddress: string, forwardedFor?: string): IncomingMessage {
  const headers = forwardedFor ? { "x-forwarded-for": forwardedFor } : {};
  return { headers, socket: { remoteAddress }, connection: { remoteAddress } } as unknown as IncomingMessage;
}

describe("the caller's address", () => {
  it("comes from X-Forwarded-For only when a trusted proxy added it", () => {
    const readRequest = createRequestReader("loopback");
    // The web app on the same machine, signing someone in.
    expect(readRequest(requestFrom("127.0.0.1", "203.0.113.7"), "http").ip).toBe("203.0.113.7");
    expect(readRequest(requestFrom("::1", "203.0.113.7"), "http").ip).toBe("203.0.113.7");
    // Anyone else claiming an address gets their own.
    expect(readRequest(requestFrom("198.51.100.4", "203.0.113.7"), "http").ip).toBe("198.51.100.4");
    // Through a trusted hop, the nearest untrusted address counts, not the forgeable first one.
    expect(readRequest(requestFrom("127.0.0.1", "1.1.1.1, 198.51.100.9"), "http").ip).toBe("198.51.100.9");
  });

  it("trusts listed ranges, and nobody with `none`", () => {
    expect(createRequestReader("10.0.0.0/8, 192.0.2.1")(requestFrom("10.1.2.3", "203.0.113.7"), "rest").ip).toBe("203.0.113.7");
    expect(createRequestReader("none")(requestFrom("127.0.0.1", "203.0.113.7"), "ws").ip).toBe("127.0.0.1");
  });

  it("copies the headers for the context", () => {
    const info = createRequestReader("loopback")(requestFrom("127.0.0.1"), "http");
    expect(info).toMatchObject({ ip: "127.0.0.1", transport: "http" });
    expect(info.headers.get("x-forwarded-for")).toBeNull();
  });
});
