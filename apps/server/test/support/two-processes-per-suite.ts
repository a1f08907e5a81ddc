import { afterAll, beforeAll } from "vitest";

import { startTwoServerProcesses, type TwoProcesses } from "./two-processes";

/**
 * Two server processes shared by the tests of the `describe` this is called in: spawning
 * them takes seconds, so they start once before those tests and stop after them. The
 * returned function hands them out from inside a test, once they are running.
 */
export function twoServerProcessesPerSuite(): () => TwoProcesses {
  let servers: TwoProcesses | undefined;
  beforeAll(async () => {
    servers = await startTwoServerProcesses();
  });
  afterAll(() => servers?.stop());
  return () => {
    if (!servers) throw new Error("the two server processes are not running yet");
    return servers;
  };
}
