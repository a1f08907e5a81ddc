/**
 * `pnpm dev`: server and web app with reload on change (turbo's `dev` tasks), sharing the
 * same AUTH_SECRET as `pnpm start`.
 */
import { spawn } from "node:child_process";

import { localAuthSecret } from "./auth-secret";

const child = spawn("pnpm", ["exec", "turbo", "run", "dev"], {
  stdio: "inherit",
  env: { ...process.env, AUTH_SECRET: localAuthSecret() },
});
child.on("exit", (code) => process.exit(code ?? 0));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
