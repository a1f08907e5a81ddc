import { z } from "zod";

import {
  conversationDetailSchema,
  conversationListCursorSchema,
  conversationListFilterSchema,
  conversationPageSchema,
  conversationSchema,
  notificationLevelSchema,
  participantSchema,
  roomNameSchema,
} from "../schemas/messaging";
import { addRoomMembers } from "../services/conversations/add-members";
import { createRoom, openDirectConversation } from "../services/conversations/create";
import { openSession } from "../services/desk/open-session";
import { readConversationDetail } from "../services/conversations/detail";
import { joinRoom } from "../services/conversations/join-room";
import { leaveRoom } from "../services/conversations/leave-room";
import { listMyConversations } from "../services/conversations/list";
import { setRoomMemberRole } from "../services/conversations/member-role";
import { muteConversation, setNotificationLevel, unmuteConversation } from "../services/conversations/preferences";
import { removeRoomMember } from "../services/conversations/remove-member";
import { changeRoomStatus, renameRoom } from "../services/conversations/room-lifecycle";
import { authedProcedure, createTRPCRouter, customerProcedure } from "../trpc";

const conversationInput = z.object({ conversationId: z.uuid() });
const memberInput = conversationInput.extend({ userId: z.uuid() });
const preferencesSchema = participantSchema.pick({ muted: true, mutedUntil: true, notificationLevel: true });
const done = z.object({ ok: z.literal(true) });

export const conversationsRouter = createTRPCRouter({
  /** A customer or visitor asks for help: the session enters the waiting queue. */
  startSession: customerProcedure
    .input(
      z.object({
        subject: z.string().trim().min(1).max(200),
        teamId: z.uuid().optional(),
        priority: z.enum(["low", "normal", "high", "urgent"]).optional(),
        externalRef: z.string().trim().max(200).optional(),
      }),
    )
    .output(conversationSchema)
    .mutation(({ ctx, input }) => openSession(ctx, ctx.viewer, input, new Date())),

  openDirect: authedProcedure
    .input(z.object({ userId: z.uuid() }))
    .output(conversationSchema)
    .mutation(({ ctx, input }) => openDirectConversation(ctx, ctx.viewer, input.userId)),

  createRoom: authedProcedure
    .input(
      z.object({
        name: z.string().trim().min(1).max(100),
        visibility: z.enum(["public", "private"]).default("private"),
        memberIds: z.array(z.uuid()).max(100),
        externalRef: z.string().trim().max(200).optional(),
      }),
    )
    .output(conversationSchema)
    .mutation(({ ctx, input }) => createRoom(ctx, ctx.viewer, input)),

  /** One conversation the viewer may see, with the people in it. */
  get: authedProcedure
    .input(conversationInput)
    .output(conversationDetailSchema)
    .query(({ ctx, input }) => readConversationDetail(ctx.db, ctx.viewer, input.conversationId)),

  /** The viewer's own conversations, most recently active first, with unread counts and previews. */
  list: authedProcedure
    .input(
      conversationListFilterSchema.extend({
        cursor: conversationListCursorSchema.optional(),
        limit: z.number().int().min(1).max(100).default(25),
      }),
    )
    .output(conversationPageSchema)
    .query(({ ctx, input }) => listMyConversations(ctx.db, ctx.viewer, input)),

  rename: authedProcedure
    .input(conversationInput.extend({ name: roomNameSchema }))
    .output(conversationSchema)
    .mutation(({ ctx, input }) => renameRoom(ctx, ctx.viewer, input)),

  close: authedProcedure
    .input(conversationInput)
    .output(conversationSchema)
    .mutation(({ ctx, input }) => changeRoomStatus(ctx, ctx.viewer, { ...input, change: "close" })),

  archive: authedProcedure
    .input(conversationInput)
    .output(conversationSchema)
    .mutation(({ ctx, input }) => changeRoomStatus(ctx, ctx.viewer, { ...input, change: "archive" })),

  reopen: authedProcedure
    .input(conversationInput)
    .output(conversationSchema)
    .mutation(({ ctx, input }) => changeRoomStatus(ctx, ctx.viewer, { ...input, change: "reopen" })),

  /** Anyone signed in joins a public room. */
  join: authedProcedure
    .input(conversationInput)
    .output(conversationDetailSchema)
    .mutation(({ ctx, input }) => joinRoom(ctx, ctx.viewer, input)),

  leave: authedProcedure
    .input(conversationInput)
    .output(done)
    .mutation(async ({ ctx, input }) => (await leaveRoom(ctx, ctx.viewer, input), { ok: true as const })),

  addMembers: authedProcedure
    .input(conversationInput.extend({ userIds: z.array(z.uuid()).min(1).max(50) }))
    .output(conversationDetailSchema)
    .mutation(({ ctx, input }) => addRoomMembers(ctx, ctx.viewer, input)),

  removeMember: authedProcedure
    .input(memberInput)
    .output(conversationDetailSchema)
    .mutation(({ ctx, input }) => removeRoomMember(ctx, ctx.viewer, input)),

  setMemberRole: authedProcedure
    .input(memberInput.extend({ role: z.enum(["owner", "member"]) }))
    .output(conversationDetailSchema)
    .mutation(({ ctx, input }) => setRoomMemberRole(ctx, ctx.viewer, input)),

  /** Silences the conversation for the viewer, for good or until a time. */
  mute: authedProcedure
    .input(conversationInput.extend({ until: z.coerce.date().optional() }))
    .output(preferencesSchema)
    .mutation(({ ctx, input }) => muteConversation(ctx.db, ctx.viewer, input)),

  unmute: authedProcedure
    .input(conversationInput)
    .output(preferencesSchema)
    .mutation(({ ctx, input }) => unmuteConversation(ctx.db, ctx.viewer, input)),

  setNotificationLevel: authedProcedure
    .input(conversationInput.extend({ level: notificationLevelSchema }))
    .output(preferencesSchema)
    .mutation(({ ctx, input }) => setNotificationLevel(ctx.db, ctx.viewer, input)),
});
