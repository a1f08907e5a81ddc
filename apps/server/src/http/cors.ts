import type { IncomingMessage, ServerResponse } from "node:http";

import cors from "cors";

/**
 * Browsers on the web app's origin may call the API with their session cookie; other
 * origins get no CORS headers, so their scripts cannot read responses. Server-to-server
 * callers (API keys) are not browsers and are unaffected.
 */
export function createCors(webOrigin: string) {
  const middleware = cors({ origin: webOrigin, credentials: true, maxAge: 600 });
  /** Resolves true when the request was a preflight and has been answered. */
  return (req: IncomingMessage, res: ServerResponse) =>
    new Promise<boolean>((resolve, reject) => {
      middleware(req, res, (error?: unknown) => (error ? reject(error) : resolve(false)));
      if (res.writableEnded) resolve(true);
    });
}
