"use server";

import { headers } from "next/headers";
import { redirect, unstable_rethrow } from "next/navigation";
import { z } from "zod";

import { signIn } from "~/auth";
import { safeCallbackPath, signInPath } from "~/auth/callback-url";
import { onBehalfOf, serverApi } from "~/trpc/server-client";
import { emailField, nameField, newPasswordField } from "../_lib/fields";
import { firstFieldErrors } from "../_lib/field-errors";
import type { FormState } from "../_lib/form-state";
import { signUpRefusal } from "../_lib/sign-up-refusal";

export type SignUpField = "name" | "email" | "password";
export type SignUpState = FormState<SignUpField>;

const SIGN_UP_FIELDS = ["name", "email", "password"] as const satisfies readonly SignUpField[];

const signUpForm = z.object({ name: nameField, email: emailField, password: newPasswordField });

/** Opens a customer account on apps/server, then signs the new customer in. */
export async function signUpAsCustomer(previous: SignUpState, formData: FormData): Promise<SignUpState> {
  const submitted = { name: formData.get("name"), email: formData.get("email"), password: formData.get("password") };
  const values = { name: textOf(submitted.name), email: textOf(submitted.email) };
  const attempt = previous.attempt + 1;

  const form = signUpForm.safeParse(submitted);
  if (!form.success) return { values, fieldErrors: firstFieldErrors(form.error), problem: null, attempt };

  try {
    await serverApi.auth.signUp.mutate(form.data, { context: onBehalfOf(await headers()) });
  } catch (error) {
    return { values, ...signUpRefusal(error, SIGN_UP_FIELDS), attempt };
  }

  try {
    await signIn("credentials", { email: form.data.email, password: form.data.password, redirect: false });
  } catch (error) {
    unstable_rethrow(error);
    // Rare (the server went away between the two calls), and the account does exist now.
    const problem = {
      title: "Your account is ready, but signing you in did not work.",
      detail: "Sign in with your new email address and password.",
    };
    return { values, fieldErrors: {}, problem, attempt };
  }

  // Signed in: the sign-in page sends the new customer on (see the sign-in action).
  redirect(signInPath(safeCallbackPath(formData.get("callbackUrl"))));
}

function textOf(value: FormDataEntryValue | null): string {
  return typeof value === "string" ? value : "";
}
