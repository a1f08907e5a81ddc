import type { ChatParticipant } from "./types";

/** The people in the conversation a message names as "@Full Name" or "@FirstName". */
export function mentionedIn(text: string, participants: readonly ChatParticipant[], viewerId: string): string[] {
  const lower = text.toLowerCase();
  return participants
    .filter((person) => person.userId !== viewerId)
    .filter((person) => {
      const first = person.name.split(/\s+/)[0] ?? person.name;
      return lower.includes(`@${person.name.toLowerCase()}`) || new RegExp(`@${escapeRegExp(first.toLowerCase())}\\b`).test(lower);
    })
    .map((person) => person.userId);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
