import { defineConfig } from "vitest/config";

/**
 * One test command for the whole monorepo. With DATABASE_URL and REDIS_URL set the suite
 * runs against those servers (each test file gets a fresh database); without them, on
 * the embedded PGlite and in-memory state.
 */
export default defineConfig({
  test: {
    reporters: ["default", "json"],
    outputFile: { json: "test-artifacts/vitest-report.json" },
    projects: [
      {
        test: {
          name: "unit",
          include: ["packages/*/src/**/*.test.{ts,tsx}", "packages/*/test/**/*.test.ts"],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "server",
          include: ["apps/server/test/**/*.test.ts"],
          globalSetup: ["apps/server/test/support/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["apps/web/e2e/**/*.e2e.test.ts"],
          globalSetup: ["apps/web/e2e/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One browser at a time: the machine has two cores and the servers need one.
          fileParallelism: false,
          // What a browser waits for crosses the server and back, on those two busy cores:
          // a second is too little to tell late from never.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
