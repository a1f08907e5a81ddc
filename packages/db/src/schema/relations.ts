import { relations } from "drizzle-orm";

import { attachments } from "./attachments";
import { conversations, participants } from "./conversations";
import { csatResponses } from "./csat";
import { messages } from "./messages";
import { sessionEvents } from "./session-events";
import { teamMembers, teams, users } from "./users";

export const usersRelations = relations(users, ({ many }) => ({
  teamMemberships: many(teamMembers),
  participations: many(participants),
}));

export const teamsRelations = relations(teams, ({ many }) => ({
  members: many(teamMembers),
}));

export const teamMembersRelations = relations(teamMembers, ({ one }) => ({
  team: one(teams, { fields: [teamMembers.teamId], references: [teams.id] }),
  user: one(users, { fields: [teamMembers.userId], references: [users.id] }),
}));

export const conversationsRelations = relations(conversations, ({ one, many }) => ({
  customer: one(users, { fields: [conversations.customerId], references: [users.id], relationName: "customer" }),
  assignedAgent: one(users, {
    fields: [conversations.assignedAgentId],
    references: [users.id],
    relationName: "assignedAgent",
  }),
  team: one(teams, { fields: [conversations.teamId], references: [teams.id] }),
  participants: many(participants),
  messages: many(messages),
  events: many(sessionEvents),
  csat: one(csatResponses),
}));

export const participantsRelations = relations(participants, ({ one }) => ({
  conversation: one(conversations, { fields: [participants.conversationId], references: [conversations.id] }),
  user: one(users, { fields: [participants.userId], references: [users.id] }),
}));

export const messagesRelations = relations(messages, ({ one, many }) => ({
  conversation: one(conversations, { fields: [messages.conversationId], references: [conversations.id] }),
  sender: one(users, { fields: [messages.senderId], references: [users.id] }),
  attachments: many(attachments),
}));

export const attachmentsRelations = relations(attachments, ({ one }) => ({
  message: one(messages, { fields: [attachments.messageId], references: [messages.id] }),
}));

export const sessionEventsRelations = relations(sessionEvents, ({ one }) => ({
  conversation: one(conversations, { fields: [sessionEvents.conversationId], references: [conversations.id] }),
}));

export const csatResponsesRelations = relations(csatResponses, ({ one }) => ({
  conversation: one(conversations, { fields: [csatResponses.conversationId], references: [conversations.id] }),
}));
