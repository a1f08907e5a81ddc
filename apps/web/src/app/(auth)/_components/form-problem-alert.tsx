import { Alert } from "@parley/ui";
import type { Ref } from "react";

import type { FormProblem } from "../_lib/form-state";

/**
 * The form's answer when it is not about one field. Focusable, so that focus can move to
 * it and screen readers read it out; role="alert" announces it even where focus stays.
 */
export function FormProblemAlert({ problem, ref }: { problem: FormProblem | null; ref: Ref<HTMLDivElement> }) {
  if (!problem) return null;
  return (
    <Alert ref={ref} role="alert" tabIndex={-1} title={problem.title} data-testid="form-problem">
      {problem.detail}
    </Alert>
  );
}
