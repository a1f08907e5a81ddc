import type { IncomingMessage } from "node:http";

import type { RequestInfo } from "@parley/api";
import proxyAddr from "proxy-addr";

export type RequestReader = (req: IncomingMessage, transport: RequestInfo["transport"]) => RequestInfo;

/**
 * Builds the transport-neutral view of a request that the API's context is made from.
 * The caller's address decides per-address rate limits, so `X-Forwarded-For` counts only
 * when it was added by a proxy in `trustProxy` (proxy-addr's syntax: `loopback`,
 * addresses, CIDR ranges; `none` for none). The web app's sign-in and sign-up calls
 * come through that path: without it every person would share the web server's address.
 */
export function createRequestReader(trustProxy: string): RequestReader {
  const trusted = trustProxy.trim() === "none" ? () => false : proxyAddr.compile(trustProxy.split(",").map((entry) => entry.trim()));
  return (req, transport) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (Array.isArray(value)) for (const item of value) headers.append(name, item);
      else if (value !== undefined) headers.set(name, value);
    }
    const ip = req.socket.remoteAddress ? proxyAddr(req, trusted) : null;
    return { headers, ip, transport };
  };
}
