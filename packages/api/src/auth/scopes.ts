import { z } from "zod";

/** What an API key may be allowed to do. Each REST procedure names the scope it needs. */
export const API_KEY_SCOPES = [
  "sessions:read",
  "sessions:write",
  "messages:write",
  "dashboard:read",
] as const;

export const apiKeyScopeSchema = z.enum(API_KEY_SCOPES);
export type ApiKeyScope = z.infer<typeof apiKeyScopeSchema>;
