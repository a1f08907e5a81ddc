import { TRPCError } from "@trpc/server";

import { ALLOWED_TYPES_DESCRIPTION } from "./allowed-content";
import { describeBytes } from "./byte-sizes";

export function fileTooLarge(maxBytes: number): TRPCError {
  return new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: `Files are at most ${describeBytes(maxBytes)}.` });
}

export function unsupportedContent(detail?: string): TRPCError {
  return new TRPCError({
    code: "UNSUPPORTED_MEDIA_TYPE",
    message: `${detail ?? "This kind of file cannot be attached."} Attach ${ALLOWED_TYPES_DESCRIPTION}.`,
  });
}
