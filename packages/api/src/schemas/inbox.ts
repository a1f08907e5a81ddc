import { conversationKind } from "@parley/db";
import { z } from "zod";

/** A message that names the viewer and that they have not read yet. */
export const inboxMentionSchema = z.object({
  conversationId: z.uuid(),
  messageId: z.uuid(),
  seq: z.number().int().positive(),
  /** Null for a message sent by an integration. */
  sender: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** The start of the message as plain text, enough for a notification. */
  excerpt: z.string(),
  createdAt: z.date(),
});

export const inboxSummarySchema = z.object({
  /** Unread messages across all the viewer's conversations. */
  total: z.number().int().nonnegative(),
  /** Only conversations with something unread; each counted up to 999. */
  conversations: z.array(z.object({ conversationId: z.uuid(), unread: z.number().int().positive() })),
  /** Newest first, at most `INBOX_MENTIONS_LIMIT`. */
  mentions: z.array(inboxMentionSchema),
});

export const conversationAddedReasonSchema = z.enum([
  /** The viewer started it: a new support session, a room they created, a direct conversation they opened. */
  "opened",
  /** A waiting session was given to the viewer (automatically, taken by them, or by an admin). */
  "assigned",
  /** An active session was handed over to the viewer. */
  "transferred",
  /** Someone else put the viewer in it: a room they were added to, a direct conversation opened with them. */
  "added",
  /** The viewer joined a public room. */
  "joined",
]);

/**
 * What `inbox.events` yields. The first event is always a `snapshot`; a later one comes
 * whenever the server cannot vouch for the order of the counts it has sent (then the
 * client replaces what it has). Counts are absolute, never deltas.
 */
export const inboxEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("snapshot"), summary: inboxSummarySchema }),
  z.object({
    type: z.literal("conversation.added"),
    conversationId: z.uuid(),
    kind: z.enum(conversationKind.enumValues),
    subject: z.string().nullable(),
    reason: conversationAddedReasonSchema,
  }),
  z.object({
    type: z.literal("unread.changed"),
    conversationId: z.uuid(),
    /** Unread in this conversation now, counted up to 999. */
    unread: z.number().int().nonnegative(),
    /** Unread across all the viewer's conversations now. */
    total: z.number().int().nonnegative(),
  }),
  inboxMentionSchema.extend({ type: z.literal("mention") }),
]);
