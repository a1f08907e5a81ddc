import type { IncomingMessage } from "node:http";

import type { RequestInfo } from "@parley/api";

/** The transport-neutral view of an incoming request that the API's context is built from. */
export function toRequestInfo(req: IncomingMessage, transport: RequestInfo["transport"]): RequestInfo {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  return { headers, ip: req.socket.remoteAddress ?? null, transport };
}
