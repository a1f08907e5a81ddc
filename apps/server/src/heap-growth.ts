import { setFlagsFromString } from "node:v8";

/**
 * How far V8 lets the old generation grow past what survived its last full collection
 * before it runs the next one: to four times that.
 *
 * Every live subscription keeps a little state waiting for its next event, about a
 * second at a thousand messages a second. That outlives the young generation, so it is
 * promoted, and it dies soon after (19 MB/s promoted in the benchmark). With V8's own
 * growing factor, the old generation then filled up every 4 to 6 s. Each full collection
 * held the event loop for 30 to 50 ms, and its concurrent marking took the core the
 * database needed, so every message sent in those 100 to 200 ms arrived late: that was
 * the whole p99 tail. Collecting less often costs memory between collections (the
 * garbage waits longer) and no more time in each, since marking takes time by what is
 * live, not by the garbage. (`pnpm bench --target parley --no-search --rate 1000 --duration 20`,
 * three runs each way: p99 15 to 26 ms instead of 38 to 71 ms.)
 */
export const HEAP_GROWING_PERCENT = 300;
export const HEAP_GROWTH_FLAG = `--heap-growing-percent=${HEAP_GROWING_PERCENT}`;

/** The V8 flag to set, or null when whoever started the process chose the factor. */
export function heapGrowthFlag(execArgv: readonly string[]): string | null {
  const chosen = execArgv.some((argument) => /^--heap[-_]growing[-_]percent(=|$)/.test(argument));
  return chosen ? null : HEAP_GROWTH_FLAG;
}

/**
 * Sets the growing factor for this process. V8 reads it whenever a full collection sizes
 * the next one, so setting it at start-up is the same as passing it to `node`, and it
 * holds however the server is started (`pnpm start`, the tests, the benchmark).
 */
export function growOldGenerationFurther(): void {
  const flag = heapGrowthFlag(process.execArgv);
  if (flag) setFlagsFromString(flag);
}
