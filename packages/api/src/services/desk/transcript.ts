import { TRPCError } from "@trpc/server";
import { eq, inArray, participants, users, type Database } from "@parley/db";

import type { Viewer } from "../../context";
import { readConversationAccess } from "../conversations/access";
import { readAllMessages } from "../messages/read-all-messages";

export interface TranscriptLine {
  seq: number;
  at: Date;
  author: string;
  type: string;
  internal: boolean;
  text: string;
  edited: boolean;
  deleted: boolean;
}

export interface Transcript {
  session: {
    id: string;
    subject: string | null;
    status: string;
    externalRef: string | null;
    createdAt: Date;
    closedAt: Date | null;
    resolutionNote: string | null;
  };
  lines: TranscriptLine[];
}

/**
 * A session's whole conversation for its audience: customers get what they saw (no
 * private notes, no resolution note); agents get everything.
 */
export async function buildTranscript(db: Database, viewer: Viewer, sessionId: string): Promise<Transcript> {
  const { conversation, seesInternal } = await readConversationAccess(db, viewer, sessionId);
  if (conversation.kind !== "support") throw new TRPCError({ code: "BAD_REQUEST", message: "Transcripts are of support sessions." });

  // Archived messages too: the transcript is how old sessions stay readable.
  const rows = await readAllMessages(db, sessionId, seesInternal);
  const senderIds = [...new Set(rows.flatMap((row) => (row.senderId ? [row.senderId] : [])))];
  const people = senderIds.length
    ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, senderIds))
    : [];
  const nameOf = new Map(people.map((person) => [person.id, person.name]));
  const roleOf = new Map(
    (await db.select({ userId: participants.userId, role: participants.role }).from(participants).where(eq(participants.conversationId, sessionId))).map(
      (row) => [row.userId, row.role],
    ),
  );

  return {
    session: {
      id: conversation.id,
      subject: conversation.subject,
      status: conversation.status,
      externalRef: conversation.externalRef,
      createdAt: conversation.createdAt,
      closedAt: conversation.closedAt,
      resolutionNote: seesInternal ? conversation.resolutionNote : null,
    },
    lines: rows.map((message) => ({
      seq: message.seq,
      at: message.createdAt,
      author: message.senderId
        ? `${nameOf.get(message.senderId) ?? "Someone"}${roleOf.get(message.senderId) === "agent" ? " (agent)" : ""}`
        : "Parley",
      type: message.type,
      internal: message.internal,
      text: message.deletedAt ? "(message deleted)" : message.body,
      edited: message.editedAt !== null,
      deleted: message.deletedAt !== null,
    })),
  };
}

/** The transcript as plain text, one message a line, for email or a ticket. */
export function transcriptToText(transcript: Transcript): string {
  const { session } = transcript;
  const header = [
    `Parley transcript: ${session.subject ?? "Support session"}`,
    `Session ${session.id}${session.externalRef ? ` (${session.externalRef})` : ""}`,
    `Started ${session.createdAt.toISOString()}${session.closedAt ? `, closed ${session.closedAt.toISOString()}` : ""}`,
    ...(session.resolutionNote ? [`Resolution: ${session.resolutionNote}`] : []),
    "",
  ];
  const lines = transcript.lines.map((line) => {
    const marks = [line.internal ? "private note" : null, line.edited ? "edited" : null].filter(Boolean);
    const suffix = marks.length ? ` [${marks.join(", ")}]` : "";
    return `[${line.at.toISOString()}] ${line.author}: ${line.text.replace(/\r?\n/g, "\n    ")}${suffix}`;
  });
  return [...header, ...lines, ""].join("\n");
}
