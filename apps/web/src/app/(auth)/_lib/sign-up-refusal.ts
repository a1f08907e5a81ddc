import type { AppRouter } from "@parley/api";
import { isTRPCClientError } from "@trpc/client";

import { firstOfEach } from "./field-errors";
import type { FormProblem } from "./form-state";
import { serverUnavailable, tooManyAttempts } from "./problems";

const DEFAULT_RETRY_AFTER_SECONDS = 60;

export interface SignUpRefusal<Field extends string> {
  fieldErrors: Partial<Record<Field, string>>;
  problem: FormProblem | null;
}

/** What to tell a person whose sign-up apps/server refused, next to the field it concerns where there is one. */
export function signUpRefusal<Field extends string>(error: unknown, fields: readonly Field[]): SignUpRefusal<Field> {
  if (isTRPCClientError<AppRouter>(error)) {
    const data = error.data;
    switch (data?.code) {
      case "CONFLICT":
        return { fieldErrors: { email: "An account with that email already exists." } as Partial<Record<Field, string>>, problem: null };
      case "TOO_MANY_REQUESTS":
        return { fieldErrors: {}, problem: tooManyAttempts(data.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS) };
      case "BAD_REQUEST": {
        // The server's own field rules, should they be stricter than the form's.
        const serverErrors: Partial<Record<string, string[]>> = data.zodError?.fieldErrors ?? {};
        const fieldErrors = firstOfEach(
          Object.fromEntries(fields.map((field) => [field, serverErrors[field]])) as Partial<Record<Field, string[]>>,
        );
        if (Object.keys(fieldErrors).length > 0) return { fieldErrors, problem: null };
        break;
      }
    }
  }
  console.error("[sign-up] apps/server failed to open the account", error);
  return { fieldErrors: {}, problem: serverUnavailable };
}
