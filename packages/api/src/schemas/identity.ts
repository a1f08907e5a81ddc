import { userRole } from "@parley/db";
import { z } from "zod";

import { API_KEY_SCOPES } from "../auth/scopes";

export const userRoleSchema = z.enum(userRole.enumValues);

export const emailSchema = z.email({ message: "Enter a valid email address." }).max(254);
/** Long enough to resist guessing; the upper bound keeps hashing cheap. */
export const newPasswordSchema = z
  .string()
  .min(10, "Use at least 10 characters.")
  .max(200, "Use at most 200 characters.");

export const accountSummarySchema = z.object({
  id: z.uuid(),
  email: z.string().nullable(),
  name: z.string(),
  role: userRoleSchema,
});

export const viewerSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("user"),
    id: z.uuid(),
    role: userRoleSchema,
    isVisitor: z.boolean(),
    name: z.string(),
    email: z.string().nullable(),
  }),
  z.object({ kind: z.literal("apiKey"), id: z.uuid(), scopes: z.array(z.enum(API_KEY_SCOPES)) }),
]);
