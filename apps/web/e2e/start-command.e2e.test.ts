import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";

import { afterAll, describe, expect, it } from "vitest";

import { TEST_AUTH_SECRET } from "../../server/test/support/server-process";
import { findFreePort } from "./support/free-port";

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));

let child: ChildProcess | undefined;
afterAll(async () => {
  if (!child || child.exitCode !== null) return;
  child.kill("SIGTERM");
  await once(child, "exit");
});

/**
 * `pnpm start` is the README's first command line: build the web app (the global setup
 * already did), then the launcher this test runs. It must bring up both processes on the
 * embedded database with demo data and say where they are and how to sign in.
 */
describe("the start command", () => {
  it("runs server and web on the embedded database with demo data and prints the URLs and logins", async () => {
    const [serverPort, webPort] = [await findFreePort(), await findFreePort()];
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(serverPort),
      WEB_PORT: String(webPort),
      DATA_DIR: "memory",
      AUTH_SECRET: TEST_AUTH_SECRET,
      LOG_LEVEL: "warn",
    };
    // The embedded default, whatever servers the rest of the suite runs against.
    delete env.DATABASE_URL;
    delete env.REDIS_URL;
    child = spawn("pnpm", ["exec", "tsx", "scripts/start.ts"], { cwd: repoRoot, env, stdio: ["ignore", "pipe", "pipe"] });

    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    await expect.poll(() => output, { timeout: 110_000, interval: 500 }).toContain("Parley is running.");

    expect(output).toContain(`http://localhost:${webPort}`);
    expect(output).toContain(`http://localhost:${serverPort}/docs`);
    expect(output).toMatch(/admin@parley\.dev\s+admin/);
    expect(output).toMatch(/customer@parley\.dev\s+customer/);

    const health = (await (await fetch(`http://localhost:${serverPort}/health/detailed`)).json()) as {
      checks: { database: { status: string; driver: string } };
    };
    expect(health.checks.database).toMatchObject({ status: "up", driver: "pglite" });
    const page = await fetch(`http://localhost:${webPort}/sign-in`);
    expect(page.status).toBe(200);
  }, 120_000);
});
