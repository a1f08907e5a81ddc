import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import path from "node:path";

import { getAbsoluteFSPath } from "swagger-ui-dist";

import { sendError } from "./respond";

export const DOCS_PREFIX = "/docs";

const swaggerUiDir = getAbsoluteFSPath();

/** The only Swagger UI files the reference page loads: everything comes from the installed package. */
const ASSETS: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
  "swagger-ui-standalone-preset.js": "text/javascript; charset=utf-8",
  "favicon-32x32.png": "image/png",
};

const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Parley API reference</title>
  <link rel="icon" href="${DOCS_PREFIX}/favicon-32x32.png">
  <link rel="stylesheet" href="${DOCS_PREFIX}/swagger-ui.css">
  <style>body { margin: 0 } .topbar { display: none }</style>
</head>
<body>
  <div id="api-reference"></div>
  <script src="${DOCS_PREFIX}/swagger-ui-bundle.js"></script>
  <script src="${DOCS_PREFIX}/swagger-ui-standalone-preset.js"></script>
  <script src="${DOCS_PREFIX}/init.js"></script>
</body>
</html>`;

// Kept in a file of its own (not inline) so the page works under a strict script CSP.
const init = `window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#api-reference",
  deepLinking: true,
  persistAuthorization: true,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  layout: "StandaloneLayout",
});`;

/** Serves the interactive API reference at /docs and its assets below it. */
export async function serveDocs(pathname: string, res: ServerResponse): Promise<void> {
  const name = pathname.slice(DOCS_PREFIX.length).replace(/^\/+/, "");
  if (name === "" || name === "index.html") return sendText(res, page, "text/html; charset=utf-8");
  if (name === "init.js") return sendText(res, init, "text/javascript; charset=utf-8");

  const contentType = ASSETS[name];
  if (!contentType) return sendError(res, 404, "NOT_FOUND", `No such documentation asset: ${name}`);
  const file = path.join(swaggerUiDir, name);
  const { size } = await stat(file);
  res.writeHead(200, { "content-type": contentType, "content-length": size, "cache-control": "public, max-age=3600" });
  createReadStream(file).pipe(res);
}

function sendText(res: ServerResponse, body: string, contentType: string): void {
  res.writeHead(200, { "content-type": contentType, "content-length": Buffer.byteLength(body) });
  res.end(body);
}
