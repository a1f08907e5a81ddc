import type { Faker } from "@faker-js/faker";

import type { conversations, participants } from "../schema";
import { chance, DAY_MS, HOUR_MS, MINUTE_MS } from "./random";
import { type MessageRow, ThreadWriter } from "./thread-writer";
import type { SeededPeople, SeededPerson } from "./users";

type ConversationRow = typeof conversations.$inferInsert;
type ParticipantRow = typeof participants.$inferInsert;

export interface RoomRows {
  conversations: ConversationRow[];
  participants: ParticipantRow[];
  messages: MessageRow[];
}

/**
 * Who is in a room, by demo email or, for customers, by their place in the generated list.
 * The first member owns the room.
 */
type MemberRef = string | { customer: number };

interface ScriptedConversation {
  kind: "group" | "direct";
  name: string | null;
  visibility: "public" | "private";
  members: readonly MemberRef[];
  /** Each line: the index of the speaking member, and what they say. `@Name` mentions a member. */
  lines: readonly (readonly [number, string])[];
}

const SCRIPTED_CONVERSATIONS: readonly ScriptedConversation[] = [
  {
    kind: "group",
    name: "Shift handover",
    visibility: "private",
    members: [
      "admin@parley.dev",
      "ada@parley.dev",
      "grace@parley.dev",
      "linus@parley.dev",
      "margaret@parley.dev",
      "alan@parley.dev",
      "katherine@parley.dev",
    ],
    lines: [
      [0, "Morning all! Queue is quiet so far, let's keep first responses under two minutes today."],
      [1, "Heads-up: DHL is reporting delays in the north region, expect more 'where is my order' chats."],
      [4, "I have two refunds waiting on the warehouse, I'll follow up after lunch."],
      [5, "I can take over the billing queue from 2pm."],
      [2, "@Ada can you pick up the wrong-item chats this afternoon? I'm on the phone line."],
      [1, "Sure, on it."],
      [0, "Reminder: the new refund canned response is live, shortcut /refund-ok."],
    ],
  },
  {
    kind: "group",
    name: "Escalations",
    visibility: "private",
    members: ["margaret@parley.dev", "admin@parley.dev", "ada@parley.dev", "katherine@parley.dev"],
    lines: [
      [0, "Customer charged three times for one order, the payment provider is checking."],
      [1, "Thanks. Please refund two of them now and we'll sort out the provider later."],
      [3, "Done, refund confirmation sent to the customer."],
      [2, "Another lost parcel via the same hub. Should we pause that carrier route?"],
      [1, "@Ada yes, I'll raise it with logistics today."],
    ],
  },
  {
    kind: "group",
    name: "Orders & Delivery team",
    visibility: "private",
    members: ["ada@parley.dev", "grace@parley.dev", "linus@parley.dev"],
    lines: [
      [1, "Anyone know if the warehouse ships on Saturdays during the sale?"],
      [0, "Only express orders, standard ones go out Monday."],
      [2, "Good to know, I told a customer Saturday earlier. I'll correct it."],
      [1, "Thanks both!"],
    ],
  },
  {
    kind: "group",
    name: "Billing & Accounts team",
    visibility: "private",
    members: ["katherine@parley.dev", "margaret@parley.dev", "alan@parley.dev"],
    lines: [
      [0, "The free-shipping threshold bug is back, we're seeing shipping charged on orders over $50."],
      [2, "Same here, three chats this morning."],
      [1, "I've linked them all to the bug report. Refund the fee and add an internal note."],
      [0, "Will do."],
      [2, "Fixed in production as of 11:40, according to engineering."],
    ],
  },
  {
    kind: "group",
    name: "Beta customers",
    visibility: "public",
    members: [
      "grace@parley.dev",
      "katherine@parley.dev",
      "customer@parley.dev",
      { customer: 0 },
      { customer: 1 },
      { customer: 2 },
      { customer: 3 },
      { customer: 4 },
    ],
    lines: [
      [0, "Welcome to the beta group! Tell us what you think of the new order tracking page."],
      [2, "Love the live map. Could it show the delivery time window too?"],
      [3, "Same request here. Also, notifications arrive twice on my phone."],
      [1, "Thanks! The double notification is a known issue, a fix ships next week."],
      [4, "Is there a way to export my invoices in one go?"],
      [1, "Not yet, but it's on the list. I'll let you know when it's ready."],
      [5, "Tracking page works great for me."],
    ],
  },
  {
    kind: "direct",
    name: null,
    visibility: "private",
    members: ["ada@parley.dev", "grace@parley.dev"],
    lines: [
      [0, "Could you cover my queue for 15 minutes? Quick coffee break."],
      [1, "Sure, go ahead."],
      [0, "Thanks, back now!"],
    ],
  },
  {
    kind: "direct",
    name: null,
    visibility: "private",
    members: ["margaret@parley.dev", "katherine@parley.dev"],
    lines: [
      [1, "How do you handle customers asking for invoices from last year?"],
      [0, "Resend them from the billing tool, under Documents. Takes a minute."],
      [1, "Found it, thank you!"],
    ],
  },
];

/** Group rooms and direct conversations between colleagues, with recent short threads. */
export function buildRooms(faker: Faker, now: number, people: SeededPeople): RoomRows {
  const rows: RoomRows = { conversations: [], participants: [], messages: [] };
  for (const script of SCRIPTED_CONVERSATIONS) {
    const id = faker.string.uuid();
    const members = script.members.map((ref) => resolveMember(people, ref));
    const owner = members[0];
    if (!owner) throw new Error(`Scripted conversation ${script.name ?? "(direct)"} has no members`);
    const createdAt = now - faker.number.int({ min: 10 * DAY_MS, max: 28 * DAY_MS });

    // The thread ends a little before `now` and runs backwards with pauses between lines.
    const thread = new ThreadWriter(id, () => faker.string.uuid());
    const times: number[] = [];
    let at = now - faker.number.int({ min: 10 * MINUTE_MS, max: 6 * HOUR_MS });
    for (let line = 0; line < script.lines.length; line++) {
      times.unshift(at);
      at -= faker.number.int({ min: 2 * MINUTE_MS, max: 90 * MINUTE_MS });
    }
    script.lines.forEach(([speaker, body], line) => {
      const sender = members[speaker] ?? owner;
      thread.add({
        at: times[line] ?? now,
        senderId: sender.id,
        body,
        mentions: members.filter((member) => body.includes(`@${member.firstName}`)).map((member) => member.id),
      });
    });

    const lastSeq = thread.lastSeq;
    rows.conversations.push({
      id,
      kind: script.kind,
      status: "open",
      subject: script.name,
      visibility: script.visibility,
      createdById: owner.id,
      lastSeq,
      lastEventSeq: lastSeq,
      lastMessageAt: thread.lastMessageAt,
      createdAt: new Date(createdAt),
      updatedAt: thread.lastMessageAt ?? new Date(createdAt),
    });
    rows.messages.push(...thread.rows);

    const lastSender = thread.rows.at(-1)?.senderId;
    members.forEach((member, index) => {
      // Some members are behind on reading, so the demo shows unread badges.
      const unread = member.id === lastSender || !chance(faker, 0.5) ? 0 : faker.number.int({ min: 1, max: 3 });
      rows.participants.push({
        conversationId: id,
        userId: member.id,
        role: script.kind === "group" && index === 0 ? "owner" : "member",
        joinedAt: new Date(createdAt),
        lastDeliveredSeq: lastSeq,
        lastReadSeq: Math.max(0, lastSeq - unread),
      });
    });
  }
  return rows;
}

function resolveMember(people: SeededPeople, ref: MemberRef): SeededPerson {
  const member =
    typeof ref === "string"
      ? [people.admin, people.demoCustomer, ...people.agents].find((person) => person.email === ref)
      : people.customers[ref.customer];
  if (!member) throw new Error(`Unknown demo member ${JSON.stringify(ref)}`);
  return member;
}
