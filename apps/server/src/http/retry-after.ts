import { RetryAfter } from "@parley/api";
import type { TRPCError } from "@trpc/server";

/** `Retry-After` for a rate-limited call, so clients know when to try again. */
export function retryAfterHeader(errors: TRPCError[]): Record<string, string> {
  const limited = errors.find((error) => error.cause instanceof RetryAfter);
  return limited ? { "retry-after": String((limited.cause as RetryAfter).seconds) } : {};
}
