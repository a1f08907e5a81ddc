import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";

import type { DatabaseHandle } from "@parley/db";

import { readEnv } from "../../src/env";
import { createLogger } from "../../src/logger";
import { startParleyServer } from "../../src/server";
import { TEST_AUTH_SECRET, TEST_RUN_REDIS_PREFIX } from "./server-process";

/**
 * The real server, listening on a free port, on a database the test prepared itself
 * (with the people and keys it needs). Calls still cross the network. Uploads go to a
 * folder of its own under the system's temporary folder unless `env` names one.
 */
export function startInProcessServer(database: DatabaseHandle, env: Record<string, string> = {}) {
  return startParleyServer(
    readEnv({ PORT: "0", HOST: "127.0.0.1", AUTH_SECRET: TEST_AUTH_SECRET, ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
      REDIS_KEY_PREFIX: TEST_RUN_REDIS_PREFIX,
      // Tests send bursts no person would; the limit itself is tested on its own.
      MESSAGES_PER_MINUTE: "100000",
      // Tests drive assignment and clean-up themselves; timers firing mid-test would race them.
      RUN_JOBS: "false",
      UPLOADS_DIR: path.join(tmpdir(), `parley-test-uploads-${randomBytes(6).toString("hex")}`),
      ...env }),
    createLogger({ LOG_LEVEL: "silent", NODE_ENV: "test" }),
    { database },
  );
}
