import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";

import type { Logger } from "../logger";
import { sendError } from "./respond";

type Handler = (req: IncomingMessage, res: ServerResponse, pathname: string) => unknown;

export interface Route {
  /** An exact path, or a prefix ending in "/" that also matches the path without the slash. */
  path: string;
  handler: Handler;
}

/**
 * A small first-match router over the few mounts the server has. Anything thrown is
 * logged and answered with a 500 without details; unknown paths get a JSON 404.
 */
export function createRouter(routes: Route[], logger: Logger): RequestListener {
  const matches = (route: Route, pathname: string) =>
    route.path.endsWith("/")
      ? pathname === route.path.slice(0, -1) || pathname.startsWith(route.path)
      : pathname === route.path;

  return (req, res) => {
    const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
    const route = routes.find((candidate) => matches(candidate, pathname));
    if (!route) return sendError(res, 404, "NOT_FOUND", `No route for ${req.method} ${pathname}`);

    Promise.resolve()
      .then(() => route.handler(req, res, pathname))
      .catch((error: unknown) => {
        logger.error({ err: error, path: pathname }, "request failed");
        if (!res.headersSent) sendError(res, 500, "INTERNAL_SERVER_ERROR", "Something went wrong on our side.");
        else res.destroy();
      });
  };
}
