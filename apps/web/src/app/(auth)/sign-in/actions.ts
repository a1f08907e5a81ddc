"use server";

import { redirect, unstable_rethrow } from "next/navigation";
import { z } from "zod";

import { signIn } from "~/auth";
import { safeCallbackPath, signInPath } from "~/auth/callback-url";
import { firstFieldErrors } from "../_lib/field-errors";
import type { FormState } from "../_lib/form-state";
import { emailField } from "../_lib/fields";
import { signInProblem } from "../_lib/sign-in-problem";

export type SignInField = "email" | "password";
export type SignInState = FormState<SignInField>;

const signInForm = z.object({
  email: emailField,
  password: z.string().min(1, "Enter your password."),
});

export async function signInWithPassword(previous: SignInState, formData: FormData): Promise<SignInState> {
  const submitted = { email: formData.get("email"), password: formData.get("password") };
  const values = { email: typeof submitted.email === "string" ? submitted.email : "" };
  const attempt = previous.attempt + 1;

  const form = signInForm.safeParse(submitted);
  if (!form.success) return { values, fieldErrors: firstFieldErrors(form.error), problem: null, attempt };

  try {
    await signIn("credentials", { ...form.data, redirect: false });
  } catch (error) {
    unstable_rethrow(error);
    return { values, fieldErrors: {}, problem: signInProblem(error), attempt };
  }

  // The session cookie is set. Back on the sign-in page, now signed in, the person is sent
  // on to where they were going, or to their role's home: only the session knows the role.
  redirect(signInPath(safeCallbackPath(formData.get("callbackUrl"))));
}
