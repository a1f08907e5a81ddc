import { Teardown } from "./teardown";
import { progress, say } from "./terminal";

export interface BenchmarkRun<Options> {
  options: Options;
  /** When the run began (performance.now()), for progress lines. */
  startedAt: number;
  /** Where the benchmark registers how to stop everything it starts. */
  teardown: Teardown;
}

/**
 * What every benchmark's entry point does around its own work: print the usage and stop on
 * --help; otherwise run `body` with a teardown that also runs on Ctrl+C or a kill, report a
 * failure without leaving anything behind, and exit 1 if there was one. `cleanedUp` is the
 * progress line printed once the teardown is done.
 */
export async function runBenchmark<Options extends object>(
  parsed: Options | { help: string },
  cleanedUp: string,
  body: (run: BenchmarkRun<Options>) => Promise<void>,
): Promise<never> {
  if ("help" in parsed) {
    say(parsed.help);
    process.exit(0);
  }
  const startedAt = performance.now();
  const teardown = new Teardown();
  teardown.onSignals();

  let failed = false;
  try {
    await body({ options: parsed, startedAt, teardown });
  } catch (error) {
    failed = true;
    console.error("\nThe benchmark failed:", error);
  } finally {
    await teardown.run();
    progress(startedAt, cleanedUp);
  }
  process.exit(failed ? 1 : 0);
}
