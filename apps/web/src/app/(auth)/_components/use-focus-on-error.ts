"use client";

import { useEffect, useRef } from "react";

import type { FormState } from "../_lib/form-state";

/**
 * After each refused submission, moves focus to the first field that needs fixing, or to
 * the form's alert when the problem is not about one field, so that keyboard and
 * screen-reader users start right where the problem is.
 */
export function useFocusOnError<Field extends string>(state: FormState<Field>) {
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (state.attempt === 0) return;
    const firstInvalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (firstInvalid ?? alertRef.current)?.focus();
  }, [state]);

  return { formRef, alertRef };
}
