import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * How long a connection stays open after an answer given while the request body was still
 * arriving: long enough for the client to read the answer, short enough that a refused
 * upload of gigabytes is not taken in.
 */
export const LINGER_AFTER_REFUSAL_MS = 2_000;

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const { headers, payload } = asJson(body);
  res.writeHead(status, headers).end(payload);
}

/** Errors outside tRPC use the same shape as REST errors from the OpenAPI adapter. */
export function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { code, message });
}

/**
 * An error answered before the request body was read to its end, on a connection that
 * then closes. The rest of the body is read and dropped for a moment first (a lingering
 * close): a connection closed at once makes the client's next write fail, and most
 * clients then report that failure and never read the answer already on its way to them.
 */
export function sendErrorMidBody(req: IncomingMessage, res: ServerResponse, status: number, code: string, message: string): void {
  const { headers, payload } = asJson({ code, message });
  res.writeHead(status, { ...headers, connection: "close" }).write(payload);
  // Ending the response is what closes the connection: that waits for the body's end, the
  // client hanging up, or the time allowed, whichever comes first.
  const close = () => {
    clearTimeout(timer);
    res.end();
  };
  const timer = setTimeout(close, LINGER_AFTER_REFUSAL_MS);
  req.once("end", close).once("close", close).resume();
}

function asJson(body: unknown) {
  const payload = JSON.stringify(body);
  const headers = {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(payload),
    "cache-control": "no-store",
  };
  return { headers, payload };
}
