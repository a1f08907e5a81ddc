import type { StepReport } from "./step";

/** Stop narrowing once the highest passing and lowest failing rates are this close. */
const PRECISION = 1.12;
const FACTOR = 1.5;
/** Going down from an overloaded run, start a little under the rate it delivered. */
const DELIVERED_SHARE = 0.9;

/**
 * The highest sustainable rate by a short search from a first result: up by half again
 * while rates hold (or down while they fail, straight to just under what the failing run
 * managed to deliver when that is lower still) until one of each is found, then halve the
 * gap between them geometrically. At most `maxSteps` runs, so the search is bounded.
 */
export async function searchHighestRate(
  first: StepReport,
  runAt: (rate: number) => Promise<StepReport>,
  maxSteps: number,
): Promise<{ highest: number | null; steps: StepReport[] }> {
  let passing = first.shortfalls.length === 0 ? first.rate : null;
  let failing = first.shortfalls.length === 0 ? null : first.rate;
  // What the lowest failing run really delivered: an overloaded server shows its capacity.
  let failingDelivered = first.shortfalls.length === 0 ? Infinity : first.throughput;
  const steps: StepReport[] = [];

  while (steps.length < maxSteps) {
    let rate: number;
    if (failing === null) rate = roundRate(passing! * FACTOR);
    else if (passing === null) rate = roundRate(Math.min(failing / FACTOR, DELIVERED_SHARE * failingDelivered));
    else if (failing / passing <= PRECISION) break;
    else rate = roundRate(Math.sqrt(passing * failing));
    if (rate < 1 || rate === passing || rate === failing) break;

    const step = await runAt(rate);
    steps.push(step);
    if (step.shortfalls.length === 0) passing = rate;
    else {
      failing = rate;
      failingDelivered = step.throughput;
    }
  }
  return { highest: passing, steps };
}

/** Two significant figures: rates people can read and compare. */
function roundRate(rate: number): number {
  if (rate < 10) return Math.max(1, Math.round(rate));
  const unit = 10 ** (Math.floor(Math.log10(rate)) - 1);
  return Math.round(rate / unit) * unit;
}
