import type { Faker } from "@faker-js/faker";

import { CSAT_COMMENTS } from "./message-templates";
import { chance } from "./random";

/** Share of closed sessions whose customer answers the survey. */
export const CSAT_RESPONSE_RATE = 0.6;

export interface RatingFactors {
  /** The agent's usual effect on ratings (see agent-work-styles). */
  agentBias: number;
  waitSeconds: number;
  reopened: boolean;
}

export interface Rating {
  rating: number;
  /** A template with an {agent} placeholder, or null when the customer left no comment. */
  commentTemplate: string | null;
}

/**
 * Ratings skewed positive as real CSAT is (mostly 4 and 5), pulled down by long waits and
 * by having to come back, so that the dashboard's correlations mean something.
 */
export function rateSession(faker: Faker, factors: RatingFactors): Rating {
  const mood = factors.agentBias - (factors.waitSeconds > 300 ? 0.6 : 0) - (factors.reopened ? 0.6 : 0);
  const rating = faker.helpers.weightedArrayElement([
    { value: 1, weight: 4 * Math.exp(-mood) },
    { value: 2, weight: 4 * Math.exp(-mood) },
    { value: 3, weight: 10 },
    { value: 4, weight: 27 },
    { value: 5, weight: 55 * Math.exp(mood) },
  ]);
  const bank = rating >= 4 ? CSAT_COMMENTS.positive : rating === 3 ? CSAT_COMMENTS.neutral : CSAT_COMMENTS.negative;
  // Unhappy customers explain themselves more often than happy ones.
  const comments = chance(faker, rating <= 2 ? 0.7 : 0.3);
  return { rating, commentTemplate: comments ? faker.helpers.arrayElement(bank) : null };
}
