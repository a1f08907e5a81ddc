/** A problem with the whole submission rather than one field. */
export interface FormProblem {
  title: string;
  detail?: string;
}

/**
 * What a sign-in or sign-up action answers with when it does not move on: what is wrong,
 * and what the person typed so the form can show it again (never the password).
 */
export interface FormState<Field extends string> {
  values: Partial<Record<Field, string>>;
  fieldErrors: Partial<Record<Field, string>>;
  problem: FormProblem | null;
  /** Counts answers, so that the same error twice still moves focus to it again. */
  attempt: number;
}

export function initialFormState<Field extends string>(): FormState<Field> {
  return { values: {}, fieldErrors: {}, problem: null, attempt: 0 };
}
