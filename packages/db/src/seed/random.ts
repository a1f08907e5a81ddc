import { base, en, Faker } from "@faker-js/faker";

/** Same seed, same `now`: the same workspace, so screenshots and bug reports line up. */
export const DEMO_SEED = 2026;

/** A private, seeded Faker: seeding the shared instance would disturb other users of it. */
export function createSeededFaker(seed = DEMO_SEED): Faker {
  return new Faker({ locale: [en, base], seed });
}

export const SECOND_MS = 1000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export function secondsBetween(from: number, to: number): number {
  return Math.round((to - from) / SECOND_MS);
}

/** A duration in milliseconds between `minSeconds` and `maxSeconds`. */
export function randomDelay(faker: Faker, minSeconds: number, maxSeconds: number): number {
  return faker.number.int({ min: minSeconds * SECOND_MS, max: maxSeconds * SECOND_MS });
}

export function chance(faker: Faker, probability: number): boolean {
  return faker.number.float({ min: 0, max: 1 }) < probability;
}
