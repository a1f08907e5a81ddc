import {
  CANNED_RESPONSE_BODY_MAX_LENGTH,
  CANNED_RESPONSE_CATEGORY_MAX_LENGTH,
  CANNED_RESPONSE_SHORTCUT_PATTERN,
  CANNED_RESPONSE_TITLE_MAX_LENGTH,
  cannedResponseScope,
} from "@parley/db";
import { z } from "zod";

export const cannedResponseScopeSchema = z.enum(cannedResponseScope.enumValues);

/** Accepts what people type in the composer ("/Refund") and keeps the stored form ("refund"). */
export const shortcutSchema = z
  .string()
  .trim()
  .toLowerCase()
  .transform((typed) => typed.replace(/^\//, ""))
  .pipe(
    z
      .string()
      .regex(CANNED_RESPONSE_SHORTCUT_PATTERN, "Use 1 to 32 lowercase letters, digits and dashes, starting with a letter or digit."),
  );

const titleSchema = z.string().trim().min(1, "Give the response a title.").max(CANNED_RESPONSE_TITLE_MAX_LENGTH);
const bodySchema = z.string().trim().min(1, "Write the response.").max(CANNED_RESPONSE_BODY_MAX_LENGTH);
/** Forms send an empty field as "": that means no category. */
const categorySchema = z
  .string()
  .trim()
  .max(CANNED_RESPONSE_CATEGORY_MAX_LENGTH)
  .transform((category) => category || null);

const contentShape = {
  shortcut: shortcutSchema,
  title: titleSchema,
  body: bodySchema,
  category: categorySchema.nullish(),
};

export const createCannedResponseInput = z.discriminatedUnion("scope", [
  z.object({ scope: z.literal("global"), ...contentShape }),
  z.object({ scope: z.literal("team"), teamId: z.uuid(), ...contentShape }),
  z.object({ scope: z.literal("personal"), ...contentShape }),
]);

/** Fields left out stay as they are; a null or empty category removes it. Scope and owner do not change. */
export const updateCannedResponseInput = z.object({
  id: z.uuid(),
  shortcut: shortcutSchema.optional(),
  title: titleSchema.optional(),
  body: bodySchema.optional(),
  category: categorySchema.nullish(),
});

export const cannedResponseIdInput = z.object({ id: z.uuid() });

export const listCannedResponsesInput = z
  .object({
    scope: cannedResponseScopeSchema.optional(),
    /** Only what serves a session of this team: the desk's, this team's and your own. */
    teamId: z.uuid().optional(),
    category: z.string().trim().min(1).max(CANNED_RESPONSE_CATEGORY_MAX_LENGTH).optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .prefault({});

export const searchCannedResponsesInput = z.object({
  /** What the agent typed: "/ref" or words from the title or body. */
  query: z.string().trim().min(1).max(100),
  teamId: z.uuid().optional(),
  limit: z.number().int().min(1).max(20).default(20),
});

export const renderCannedResponseInput = z.object({
  id: z.uuid(),
  /** The conversation the reply is for; without it only the agent's placeholders are filled. */
  conversationId: z.uuid().optional(),
});

export const cannedResponseSchema = z.object({
  id: z.uuid(),
  scope: cannedResponseScopeSchema,
  teamId: z.uuid().nullable(),
  teamName: z.string().nullable(),
  ownerId: z.uuid().nullable(),
  shortcut: z.string(),
  title: z.string(),
  body: z.string(),
  category: z.string().nullable(),
  createdById: z.uuid().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  /** Whether the viewer may change or delete it. */
  canEdit: z.boolean(),
});

export const cannedResponsePageSchema = z.object({ total: z.number().int(), items: z.array(cannedResponseSchema) });

export const renderedCannedResponseSchema = z.object({ id: z.uuid(), shortcut: z.string(), text: z.string() });

export type CannedResponseScope = z.infer<typeof cannedResponseScopeSchema>;
export type CreateCannedResponseInput = z.output<typeof createCannedResponseInput>;
export type UpdateCannedResponseInput = z.output<typeof updateCannedResponseInput>;
export type ListCannedResponsesQuery = z.output<typeof listCannedResponsesInput>;
export type SearchCannedResponsesQuery = z.output<typeof searchCannedResponsesInput>;
export type CannedResponseView = z.output<typeof cannedResponseSchema>;
