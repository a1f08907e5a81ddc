import { createServer } from "node:http";

/**
 * Another website, on an origin of its own (another port), serving one page: where the
 * widget's snippet is pasted in the tests. Browsers refuse a page from nowhere
 * (about:blank) loading scripts from localhost, as they should.
 */
export async function serveHostPage(html: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
