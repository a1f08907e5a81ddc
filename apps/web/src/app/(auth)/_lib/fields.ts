import { z } from "zod";

import { NEW_PASSWORD_MAX_LENGTH, NEW_PASSWORD_MIN_LENGTH } from "./password-rules";

// The same rules apps/server applies (packages/api/src/schemas/identity.ts), checked here
// first so that people get an answer without a round trip. The server checks again and
// its answer wins.

export const emailField = z
  .string()
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "Use an email address of at most 254 characters.")
  .pipe(z.email("Enter an email address like name@example.com."));

export const newPasswordField = z
  .string()
  .min(NEW_PASSWORD_MIN_LENGTH, `Use at least ${NEW_PASSWORD_MIN_LENGTH} characters.`)
  .max(NEW_PASSWORD_MAX_LENGTH, `Use at most ${NEW_PASSWORD_MAX_LENGTH} characters.`);

export const nameField = z
  .string()
  .trim()
  .min(1, "Enter your name.")
  .max(100, "Use at most 100 characters.");
