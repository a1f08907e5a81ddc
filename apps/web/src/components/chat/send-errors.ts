import { TRPCClientError } from "@trpc/client";

/** Why a send failed, and whether trying again by itself could help. */
export function describeSendFailure(error: unknown): { message: string; retryable: boolean } {
  if (error instanceof TRPCClientError) {
    const data = error.data as { code?: string; retryAfterSeconds?: number | null } | undefined;
    if (!data?.code) return { message: "Not sent: no connection.", retryable: true };
    if (data.code === "TOO_MANY_REQUESTS") {
      return { message: `Not sent: too many messages, wait ${data.retryAfterSeconds ?? 30} s.`, retryable: false };
    }
    return { message: `Not sent: ${error.message}`, retryable: false };
  }
  return { message: "Not sent: no connection.", retryable: true };
}
