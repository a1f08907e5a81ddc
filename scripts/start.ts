/**
 * `pnpm start`: runs the Parley server and the built web app side by side, waits until
 * both answer, then prints where to go and how to sign in. Ctrl+C stops both.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

import { DEMO_LOGINS, DEMO_PASSWORD } from "@parley/db/seed";

import { localAuthSecret } from "./auth-secret";

const root = fileURLToPath(new URL("..", import.meta.url));
const serverPort = Number(process.env.PORT ?? 3001);
const webPort = Number(process.env.WEB_PORT ?? 3000);
const apiUrl = `http://localhost:${serverPort}`;
const webUrl = `http://localhost:${webPort}`;

const AUTH_SECRET = localAuthSecret();

const children: ChildProcess[] = [];

function run(name: string, command: string, args: string[], env: Record<string, string>) {
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const prefix = `[${name}] `;
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.on("data", (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n")) if (line.trim()) process.stdout.write(prefix + line + "\n");
    });
  }
  child.on("exit", (code) => {
    if (!stopping) {
      console.error(`${name} exited with code ${code}; stopping Parley.`);
      stop(1);
    }
  });
  children.push(child);
}

async function waitFor(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const child of children) child.kill("SIGTERM");
  setTimeout(() => process.exit(code), 3000).unref();
  Promise.all(children.map((child) => new Promise((resolve) => child.once("exit", resolve)))).then(() =>
    process.exit(code),
  );
}
process.once("SIGINT", () => stop());
process.once("SIGTERM", () => stop());

run("server", "pnpm", ["--filter", "@parley/server", "start"], {
  PORT: String(serverPort),
  WEB_ORIGIN: webUrl,
  AUTH_SECRET,
  NODE_ENV: process.env.NODE_ENV ?? "production",
});
run("web", "pnpm", ["--filter", "@parley/web", "start"], {
  WEB_PORT: String(webPort),
  PARLEY_API_URL: apiUrl,
  AUTH_SECRET,
  AUTH_TRUST_HOST: "true",
});

// The first start seeds the embedded database, which takes a little while.
await waitFor(`${apiUrl}/health`, 180_000);
await waitFor(webUrl, 60_000);

const width = Math.max(...DEMO_LOGINS.map((login) => login.email.length));
console.log(`
  Parley is running.

    Web app        ${webUrl}
    API (tRPC)     ${apiUrl}/trpc
    REST API       ${apiUrl}/api/v1   reference: ${apiUrl}/docs
    Health         ${apiUrl}/health/detailed

  Demo logins (password "${DEMO_PASSWORD}"):
${DEMO_LOGINS.map((login) => `    ${login.email.padEnd(width)}  ${login.role}`).join("\n")}

  Ctrl+C stops both.
`);
