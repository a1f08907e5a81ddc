/** Progress and results for the person running the benchmark, on standard output. */
export function say(line = ""): void {
  process.stdout.write(`${line}\n`);
}

/** A step in progress, with the seconds since the run began, so slow phases stand out. */
export function progress(startedAt: number, what: string): void {
  say(`[${((performance.now() - startedAt) / 1000).toFixed(1).padStart(6)} s] ${what}`);
}
