/**
 * Everything the benchmark starts (databases, servers, generator processes) registers how
 * to stop it here, so that a failure or Ctrl+C still leaves nothing running behind.
 */
export class Teardown {
  readonly #steps: Array<{ what: string; stop: () => Promise<unknown> }> = [];
  #running: Promise<void> | null = null;

  /** Adds a clean-up; they run newest first. Returns a function that runs this one now. */
  add(what: string, stop: () => Promise<unknown>): () => Promise<void> {
    const step = { what, stop };
    this.#steps.push(step);
    return async () => {
      const index = this.#steps.indexOf(step);
      if (index < 0) return;
      this.#steps.splice(index, 1);
      await runBounded(step);
    };
  }

  /** Runs every clean-up once, each within its own time limit, whatever the others do. */
  run(): Promise<void> {
    this.#running ??= (async () => {
      while (this.#steps.length) await runBounded(this.#steps.pop()!);
    })();
    return this.#running;
  }

  /** Ctrl+C or a kill: clean up, then exit; a second signal exits at once. */
  onSignals(): void {
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.once(signal, () => {
        console.warn(`\n${signal}: stopping what the benchmark started...`);
        process.once(signal, () => process.exit(130));
        void this.run().finally(() => process.exit(130));
      });
    }
  }
}

const STEP_LIMIT_MS = 20_000;

async function runBounded(step: { what: string; stop: () => Promise<unknown> }): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      console.warn(`clean-up "${step.what}" took over ${STEP_LIMIT_MS / 1000} s; moving on`);
      resolve();
    }, STEP_LIMIT_MS);
  });
  try {
    await Promise.race([step.stop(), timedOut]);
  } catch (error) {
    console.warn(`clean-up "${step.what}" failed:`, error);
  } finally {
    clearTimeout(timer);
  }
}
