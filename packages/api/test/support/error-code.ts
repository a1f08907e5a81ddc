import { TRPCError } from "@trpc/server";

/** The tRPC error code a call ends with, or null when it succeeds. */
export async function codeOf(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    return error instanceof TRPCError ? error.code : String(error);
  }
}
