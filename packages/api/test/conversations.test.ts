import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { and, asc, conversations, count, eq, messages, participants, users } from "@parley/db";
import type { TestDatabase } from "@parley/db/testing";

import type { createTestApi } from "./support/context";
import { sessionCookieFor, type TestIdentities } from "./support/identities";
import { createTestWorld, type TestCaller, type TestWorld } from "./support/world";
import { codeOf } from "./support/error-code";

describe("conversation management", () => {
  let database: TestDatabase;
  let people: TestIdentities;
  let api: ReturnType<typeof createTestApi>;
  let callerOf: TestWorld["callerOf"];
  let customer: TestCaller, otherCustomer: TestCaller, agent: TestCaller, otherTeamAgent: TestCaller, admin: TestCaller, visitor: TestCaller;

  const callerFor = async (userId: string) => api.callerFor(new Headers({ cookie: await sessionCookieFor(userId) }));

  /** New people, each with a caller, named as given. */
  async function newPeople(...names: string[]) {
    const tag = Math.random().toString(36).slice(2, 8);
    const rows = await database.db
      .insert(users)
      .values(names.map((name, index) => ({ name, email: `${name.toLowerCase().replace(/\W/g, "")}.${index}.${tag}@example.test` })))
      .returning({ id: users.id, name: users.name });
    return Promise.all(rows.map(async (row) => ({ ...row, caller: await callerFor(row.id) })));
  }

  const systemNotices = async (conversationId: string) =>
    (
      await database.db
        .select({ body: messages.body, senderId: messages.senderId, data: messages.data })
        .from(messages)
        .where(and(eq(messages.conversationId, conversationId), eq(messages.type, "system")))
        .orderBy(asc(messages.seq))
    ).map((row) => {
      expect(row.senderId).toBeNull();
      return row.body;
    });

  const participantRow = async (conversationId: string, userId: string) =>
    (
      await database.db
        .select()
        .from(participants)
        .where(and(eq(participants.conversationId, conversationId), eq(participants.userId, userId)))
    )[0];

  /** What a refused call must leave untouched: the room, its members and its messages. */
  async function snapshot(conversationId: string) {
    const [room] = await database.db.select().from(conversations).where(eq(conversations.id, conversationId));
    const members = await database.db
      .select()
      .from(participants)
      .where(eq(participants.conversationId, conversationId))
      .orderBy(asc(participants.userId));
    const [messageCount] = await database.db.select({ n: count() }).from(messages).where(eq(messages.conversationId, conversationId));
    return { room, members, messages: messageCount!.n };
  }

  beforeAll(async () => {
    ({ database, people, api, callerOf } = await createTestWorld());
    customer = await callerOf("customer");
    otherCustomer = await callerOf("otherCustomer");
    agent = await callerOf("agent");
    otherTeamAgent = await callerOf("otherTeamAgent");
    admin = await callerOf("admin");
    visitor = await callerOf("visitor");
  });
  afterAll(() => database?.dispose());

  describe("get", () => {
    it("shows a conversation with the people in it", async () => {
      const room = await agent.conversations.createRoom({ name: "Night shift", memberIds: [people.ids.otherTeamAgent] });
      const detail = await otherTeamAgent.conversations.get({ conversationId: room.id });
      expect(detail).toMatchObject({ id: room.id, kind: "group", subject: "Night shift", status: "open" });
      expect(detail.participants).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ userId: people.ids.agent, name: "Ada Agent", role: "owner", muted: false, notificationLevel: "all" }),
          expect.objectContaining({ userId: people.ids.otherTeamAgent, name: "Bo Billing", role: "member", lastReadSeq: 0 }),
        ]),
      );
      expect(detail.participants).toHaveLength(2);
    });

    it("refuses what the viewer may not see", async () => {
      const session = await customer.conversations.startSession({ subject: "Refund", teamId: people.teamIds.support });
      expect((await customer.conversations.get({ conversationId: session.id })).participants.map((p) => p.userId)).toEqual([
        people.ids.customer,
      ]);
      expect(await codeOf(agent.conversations.get({ conversationId: session.id }))).toBeNull();
      expect(await codeOf(otherCustomer.conversations.get({ conversationId: session.id }))).toBe("FORBIDDEN");
      expect(await codeOf(otherTeamAgent.conversations.get({ conversationId: session.id }))).toBe("FORBIDDEN");
      const room = await agent.conversations.createRoom({ name: "Private", memberIds: [people.ids.admin] });
      expect(await codeOf(customer.conversations.get({ conversationId: room.id }))).toBe("FORBIDDEN");
      expect(await codeOf(customer.conversations.get({ conversationId: "00000000-0000-4000-8000-000000000000" }))).toBe("NOT_FOUND");
      expect(await codeOf(customer.conversations.get({ conversationId: "not-an-id" }))).toBe("BAD_REQUEST");
    });
  });

  describe("list", () => {
    it("lists the viewer's conversations, most recently active first, page by page", async () => {
      const [lee, ...others] = await newPeople("Lee List", "Mo", "Nia", "Oz", "Pat");
      const made: string[] = [];
      for (const other of others) {
        const direct = await lee!.caller.conversations.openDirect({ userId: other.id });
        await other.caller.messages.send({ conversationId: direct.id, body: `hello from ${other.name}` });
        made.push(direct.id);
      }
      const room = await lee!.caller.conversations.createRoom({ name: "Quiet", memberIds: [others[0]!.id] });
      made.push(room.id); // no messages: active when it was made, after the others' messages

      const seen: string[] = [];
      let cursor: { lastActivityAt: Date; id: string } | undefined;
      do {
        const page = await lee!.caller.conversations.list({ limit: 2, cursor });
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual([...made].reverse());

      const directs = await lee!.caller.conversations.list({ kind: "direct" });
      expect(directs.items.map((item) => item.id)).toEqual(made.slice(0, 4).reverse());
      expect(directs.items[0]).toMatchObject({
        counterpart: { userId: others[3]!.id, name: "Pat" },
        unread: 1,
        lastMessage: { body: "hello from Pat", senderId: others[3]!.id, senderName: "Pat", type: "text" },
      });
      const rooms = await lee!.caller.conversations.list({ kind: "group", status: "open" });
      expect(rooms.items.map((item) => item.id)).toEqual([room.id]);
      expect(rooms.items[0]).toMatchObject({ counterpart: null, lastMessage: null, unread: 0 });
      expect((await lee!.caller.conversations.list({ status: "archived" })).items).toEqual([]);
    });

    it("counts what the viewer has not read, never private notes for customers", async () => {
      const session = await customer.conversations.startSession({ subject: "Broken zipper", teamId: people.teamIds.support });
      await database.db.insert(participants).values({ conversationId: session.id, userId: people.ids.agent, role: "agent" });
      await customer.messages.send({ conversationId: session.id, body: "It broke" });
      await agent.messages.send({ conversationId: session.id, body: "Sorry to hear that" });
      await agent.messages.send({ conversationId: session.id, body: "refund without asking", internal: true });
      await admin.messages.send({ conversationId: session.id, body: "agreed", internal: true });

      const forCustomer = (await customer.conversations.list({ kind: "support" })).items.find((item) => item.id === session.id)!;
      expect(forCustomer.unread).toBe(1);
      expect(forCustomer.lastMessage).toMatchObject({ body: "Sorry to hear that", senderName: "Ada Agent" });
      const forAgent = (await agent.conversations.list({ kind: "support" })).items.find((item) => item.id === session.id)!;
      // Sending read everything before for the agent: only the admin's note is new to them.
      expect(forAgent.unread).toBe(1);
      expect(forAgent.lastMessage).toMatchObject({ body: "agreed", senderName: "Ann Admin" });

      await customer.messages.markReceipt({ conversationId: session.id, seq: 4, kind: "read" });
      expect((await customer.conversations.list({ kind: "support" })).items.find((item) => item.id === session.id)!.unread).toBe(0);

      // A deleted message is nothing to read, and the preview falls back to the one before.
      const last = await agent.messages.send({ conversationId: session.id, body: "oops, wrong chat" });
      expect((await customer.conversations.list({ kind: "support" })).items.find((item) => item.id === session.id)!.unread).toBe(1);
      await agent.messages.delete({ messageId: last.id });
      const after = (await customer.conversations.list({ kind: "support" })).items.find((item) => item.id === session.id)!;
      expect(after.unread).toBe(0);
      expect(after.lastMessage!.body).toBe("Sorry to hear that");
    });

    it("leaves out conversations the viewer left or never joined", async () => {
      const room = await customer.conversations.createRoom({ name: "Leavers", visibility: "public", memberIds: [people.ids.otherCustomer] });
      expect((await otherCustomer.conversations.list({ kind: "group" })).items.map((item) => item.id)).toContain(room.id);
      await otherCustomer.conversations.leave({ conversationId: room.id });
      expect((await otherCustomer.conversations.list({ kind: "group" })).items.map((item) => item.id)).not.toContain(room.id);
      expect((await visitor.conversations.list({})).items.map((item) => item.id)).not.toContain(room.id);
      expect(await codeOf(customer.conversations.list({ limit: 0 }))).toBe("BAD_REQUEST");
      expect(await codeOf(customer.conversations.list({ kind: "nonsense" as "group" }))).toBe("BAD_REQUEST");
    });
  });

  describe("rename, close, archive, reopen", () => {
    it("lets the owner rename the room, and says so in the room", async () => {
      const room = await customer.conversations.createRoom({ name: "Book club", memberIds: [people.ids.otherCustomer] });
      const renamed = await customer.conversations.rename({ conversationId: room.id, name: "  Reading circle " });
      expect(renamed).toMatchObject({ subject: "Reading circle", lastSeq: 1 });
      expect(await systemNotices(room.id)).toEqual(["Carla Customer renamed the room to Reading circle"]);
      const history = await otherCustomer.messages.history({ conversationId: room.id });
      expect(history.items[0]).toMatchObject({
        type: "system",
        senderId: null,
        data: { event: "renamed", actorId: people.ids.customer, name: "Reading circle" },
      });
      // The one who renamed has nothing unread; the others have the notice.
      expect((await customer.conversations.list({ kind: "group" })).items.find((item) => item.id === room.id)!.unread).toBe(0);
      expect((await otherCustomer.conversations.list({ kind: "group" })).items.find((item) => item.id === room.id)!.unread).toBe(1);

      // Admins may step in, though not in the room.
      await admin.conversations.rename({ conversationId: room.id, name: "Readers" });
      expect((await systemNotices(room.id)).at(-1)).toBe("Ann Admin renamed the room to Readers");
    });

    it("refuses a rename by others, of other conversations, or to nothing, and changes nothing", async () => {
      const room = await customer.conversations.createRoom({ name: "Fixed", memberIds: [people.ids.otherCustomer] });
      const before = await snapshot(room.id);
      expect(await codeOf(otherCustomer.conversations.rename({ conversationId: room.id, name: "Mine now" }))).toBe("FORBIDDEN");
      expect(await codeOf(agent.conversations.rename({ conversationId: room.id, name: "Mine now" }))).toBe("FORBIDDEN");
      expect(await codeOf(customer.conversations.rename({ conversationId: room.id, name: "   " }))).toBe("BAD_REQUEST");
      expect(await codeOf(customer.conversations.rename({ conversationId: room.id, name: "x".repeat(101) }))).toBe("BAD_REQUEST");
      expect(await snapshot(room.id)).toEqual(before);

      const direct = await customer.conversations.openDirect({ userId: people.ids.otherCustomer });
      expect(await codeOf(customer.conversations.rename({ conversationId: direct.id, name: "Us" }))).toBe("BAD_REQUEST");
      const session = await customer.conversations.startSession({ subject: "Help" });
      expect(await codeOf(customer.conversations.rename({ conversationId: session.id, name: "Help!" }))).toBe("BAD_REQUEST");
      expect(await codeOf(customer.conversations.close({ conversationId: session.id }))).toBe("BAD_REQUEST");
    });

    it("moves a room from open to closed to archived and back, refusing what does not fit", async () => {
      const room = await agent.conversations.createRoom({ name: "Launch", memberIds: [people.ids.admin, people.ids.otherTeamAgent] });
      expect(await codeOf(otherTeamAgent.conversations.close({ conversationId: room.id }))).toBe("FORBIDDEN");
      expect(await codeOf(agent.conversations.reopen({ conversationId: room.id }))).toBe("PRECONDITION_FAILED");

      const closed = await agent.conversations.close({ conversationId: room.id });
      expect(closed.status).toBe("closed");
      expect(closed.closedAt).toBeInstanceOf(Date);
      expect(await codeOf(otherTeamAgent.messages.send({ conversationId: room.id, body: "anyone?" }))).toBe("PRECONDITION_FAILED");
      expect(await codeOf(agent.conversations.rename({ conversationId: room.id, name: "Later" }))).toBe("PRECONDITION_FAILED");
      const before = await snapshot(room.id);
      expect(await codeOf(agent.conversations.close({ conversationId: room.id }))).toBe("PRECONDITION_FAILED");
      expect(await snapshot(room.id)).toEqual(before);

      const archived = await agent.conversations.archive({ conversationId: room.id });
      expect(archived.status).toBe("archived");
      expect(archived.closedAt).toEqual(closed.closedAt);
      expect(await codeOf(agent.conversations.archive({ conversationId: room.id }))).toBe("PRECONDITION_FAILED");
      expect(await codeOf(agent.messages.send({ conversationId: room.id, body: "hello?" }))).toBe("PRECONDITION_FAILED");

      const reopened = await admin.conversations.reopen({ conversationId: room.id });
      expect(reopened).toMatchObject({ status: "open", closedAt: null });
      await otherTeamAgent.messages.send({ conversationId: room.id, body: "back again" });
      expect(await systemNotices(room.id)).toEqual([
        "Ada Agent closed the room",
        "Ada Agent archived the room",
        "Ann Admin reopened the room",
      ]);

      // An open room may be archived straight away.
      expect((await agent.conversations.archive({ conversationId: room.id })).status).toBe("archived");
    });
  });

  describe("members", () => {
    it("lets owners add people, who read on from the moment they join", async () => {
      const [ivy, jo] = await newPeople("Ivy", "Jo");
      const room = await customer.conversations.createRoom({ name: "Garden", memberIds: [people.ids.otherCustomer] });
      await customer.messages.send({ conversationId: room.id, body: "before you came" });
      const detail = await customer.conversations.addMembers({ conversationId: room.id, userIds: [ivy!.id, jo!.id, people.ids.otherCustomer] });
      expect(detail.participants.map((p) => p.name)).toEqual(expect.arrayContaining(["Carla Customer", "Otto Other", "Ivy", "Jo"]));
      expect(detail.participants).toHaveLength(4);
      expect(await systemNotices(room.id)).toEqual(["Carla Customer added Ivy", "Carla Customer added Jo"]);
      const ivyView = (await ivy!.caller.conversations.list({ kind: "group" })).items.find((item) => item.id === room.id)!;
      expect(ivyView.unread).toBe(2); // the two notices, not what was said before
      expect((await ivy!.caller.messages.history({ conversationId: room.id })).items.map((m) => m.body)).toContain("before you came");

      const before = await snapshot(room.id);
      const [kim] = await newPeople("Kim");
      expect(await codeOf(ivy!.caller.conversations.addMembers({ conversationId: room.id, userIds: [kim!.id] }))).toBe("FORBIDDEN");
      expect(
        await codeOf(customer.conversations.addMembers({ conversationId: room.id, userIds: ["00000000-0000-4000-8000-000000000000"] })),
      ).toBe("NOT_FOUND");
      expect(await codeOf(customer.conversations.addMembers({ conversationId: room.id, userIds: [] }))).toBe("BAD_REQUEST");
      expect(await snapshot(room.id)).toEqual(before);

      // An admin adds people to any room, even one they are not in.
      await admin.conversations.addMembers({ conversationId: room.id, userIds: [kim!.id] });
      expect((await systemNotices(room.id)).at(-1)).toBe("Ann Admin added Kim");
    });

    it("keeps a room to 50 people, refusing with a clear message and changing nothing", async () => {
      const crowd = await newPeople(...Array.from({ length: 50 }, (_, index) => `Crowd ${index}`));
      const room = await customer.conversations.createRoom({ name: "Full house", memberIds: crowd.slice(0, 48).map((p) => p.id) });
      const before = await snapshot(room.id);
      const error = await customer.conversations
        .addMembers({ conversationId: room.id, userIds: [crowd[48]!.id, crowd[49]!.id] })
        .catch((cause: unknown) => cause);
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("BAD_REQUEST");
      expect((error as TRPCError).message).toBe("A room holds at most 50 people; this one has room for 1 more.");
      expect(await snapshot(room.id)).toEqual(before);

      await customer.conversations.addMembers({ conversationId: room.id, userIds: [crowd[48]!.id] });
      expect((await customer.conversations.get({ conversationId: room.id })).participants).toHaveLength(50);
      expect(await codeOf(customer.conversations.addMembers({ conversationId: room.id, userIds: [crowd[49]!.id] }))).toBe("BAD_REQUEST");

      // Someone leaving makes space again.
      await crowd[0]!.caller.conversations.leave({ conversationId: room.id });
      await customer.conversations.addMembers({ conversationId: room.id, userIds: [crowd[49]!.id] });
    });

    it("fills the last place once when owners add people at the same time", async () => {
      const crowd = await newPeople(...Array.from({ length: 52 }, (_, index) => `Rush ${index}`));
      const room = await admin.conversations.createRoom({ name: "Rush", memberIds: crowd.slice(0, 47).map((p) => p.id) });
      const results = await Promise.all(
        crowd.slice(47).map((person) => codeOf(admin.conversations.addMembers({ conversationId: room.id, userIds: [person.id] }))),
      );
      expect(results.filter((code) => code === null)).toHaveLength(2);
      expect(results.filter((code) => code === "BAD_REQUEST")).toHaveLength(3);
      expect((await admin.conversations.get({ conversationId: room.id })).participants).toHaveLength(50);
    });

    it("refuses to add someone with a block between them and anyone in the room", async () => {
      const [uma, vic, wes] = await newPeople("Uma", "Vic", "Wes");
      const room = await customer.conversations.createRoom({ name: "Neighbours", memberIds: [uma!.id] });
      await uma!.caller.blocks.block({ userId: vic!.id });
      const before = await snapshot(room.id);
      expect(await codeOf(customer.conversations.addMembers({ conversationId: room.id, userIds: [vic!.id] }))).toBe("FORBIDDEN");
      expect(await codeOf(customer.conversations.addMembers({ conversationId: room.id, userIds: [wes!.id, vic!.id] }))).toBe("FORBIDDEN");
      // The other way round: the person added has blocked a member.
      await wes!.caller.blocks.block({ userId: uma!.id });
      expect(await codeOf(customer.conversations.addMembers({ conversationId: room.id, userIds: [wes!.id] }))).toBe("FORBIDDEN");
      // Or the one adding them.
      await wes!.caller.blocks.unblock({ userId: uma!.id });
      await wes!.caller.blocks.block({ userId: people.ids.customer });
      expect(await codeOf(customer.conversations.addMembers({ conversationId: room.id, userIds: [wes!.id] }))).toBe("FORBIDDEN");
      expect(await snapshot(room.id)).toEqual(before);

      await uma!.caller.blocks.unblock({ userId: vic!.id });
      await customer.conversations.addMembers({ conversationId: room.id, userIds: [vic!.id] });
    });

    it("adds to open rooms only", async () => {
      const [xia] = await newPeople("Xia");
      const room = await customer.conversations.createRoom({ name: "Shut", memberIds: [people.ids.otherCustomer] });
      await customer.conversations.close({ conversationId: room.id });
      const before = await snapshot(room.id);
      expect(await codeOf(customer.conversations.addMembers({ conversationId: room.id, userIds: [xia!.id] }))).toBe("PRECONDITION_FAILED");
      expect(await snapshot(room.id)).toEqual(before);
      const direct = await customer.conversations.openDirect({ userId: people.ids.otherCustomer });
      expect(await codeOf(customer.conversations.addMembers({ conversationId: direct.id, userIds: [xia!.id] }))).toBe("BAD_REQUEST");
    });

    it("lets owners remove members, who then lose a private room", async () => {
      const [yan, zed] = await newPeople("Yan", "Zed");
      const room = await customer.conversations.createRoom({ name: "Inner circle", memberIds: [yan!.id, zed!.id] });
      expect(await codeOf(yan!.caller.conversations.removeMember({ conversationId: room.id, userId: zed!.id }))).toBe("FORBIDDEN");

      const detail = await customer.conversations.removeMember({ conversationId: room.id, userId: zed!.id });
      expect(detail.participants.map((p) => p.name)).not.toContain("Zed");
      expect((await participantRow(room.id, zed!.id))!.leftAt).toBeInstanceOf(Date);
      expect(await systemNotices(room.id)).toEqual(["Carla Customer removed Zed"]);
      expect(await codeOf(zed!.caller.conversations.get({ conversationId: room.id }))).toBe("FORBIDDEN");
      expect(await codeOf(zed!.caller.messages.send({ conversationId: room.id, body: "let me back" }))).toBe("FORBIDDEN");

      const before = await snapshot(room.id);
      expect(await codeOf(customer.conversations.removeMember({ conversationId: room.id, userId: zed!.id }))).toBe("NOT_FOUND");
      expect(await codeOf(customer.conversations.removeMember({ conversationId: room.id, userId: people.ids.customer }))).toBe(
        "BAD_REQUEST",
      );
      // The last owner stays, even for an admin: someone else must be made owner first.
      expect(await codeOf(admin.conversations.removeMember({ conversationId: room.id, userId: people.ids.customer }))).toBe(
        "PRECONDITION_FAILED",
      );
      expect(await snapshot(room.id)).toEqual(before);

      await customer.conversations.setMemberRole({ conversationId: room.id, userId: yan!.id, role: "owner" });
      await admin.conversations.removeMember({ conversationId: room.id, userId: people.ids.customer });
      expect((await systemNotices(room.id)).slice(-2)).toEqual(["Carla Customer made Yan an owner", "Ann Admin removed Carla Customer"]);
    });

    it("makes members owners and back, keeping at least one owner", async () => {
      const [ana, ben] = await newPeople("Ana", "Ben");
      const room = await ana!.caller.conversations.createRoom({ name: "Roles", memberIds: [ben!.id] });
      expect(await codeOf(ben!.caller.conversations.setMemberRole({ conversationId: room.id, userId: ben!.id, role: "owner" }))).toBe(
        "FORBIDDEN",
      );
      const before = await snapshot(room.id);
      expect(await codeOf(ana!.caller.conversations.setMemberRole({ conversationId: room.id, userId: ana!.id, role: "member" }))).toBe(
        "PRECONDITION_FAILED",
      );
      expect(await codeOf(ana!.caller.conversations.setMemberRole({ conversationId: room.id, userId: ben!.id, role: "agent" as "owner" }))).toBe(
        "BAD_REQUEST",
      );
      expect(await snapshot(room.id)).toEqual(before);

      await ana!.caller.conversations.setMemberRole({ conversationId: room.id, userId: ben!.id, role: "owner" });
      const detail = await ben!.caller.conversations.setMemberRole({ conversationId: room.id, userId: ana!.id, role: "member" });
      expect(detail.participants.map((p) => [p.name, p.role])).toEqual([
        ["Ana", "member"],
        ["Ben", "owner"],
      ]);
      expect(await systemNotices(room.id)).toEqual(["Ana made Ben an owner", "Ben made Ana a member"]);
    });

    it("lets anyone leave; the longest-standing member takes over from the last owner", async () => {
      const [cy, di, ed] = await newPeople("Cy", "Di", "Ed");
      const room = await cy!.caller.conversations.createRoom({ name: "Handover", memberIds: [di!.id] });
      await cy!.caller.conversations.addMembers({ conversationId: room.id, userIds: [ed!.id] });

      await cy!.caller.conversations.leave({ conversationId: room.id });
      const detail = await di!.caller.conversations.get({ conversationId: room.id });
      expect(detail.participants.map((p) => [p.name, p.role])).toEqual([
        ["Di", "owner"],
        ["Ed", "member"],
      ]);
      expect(await systemNotices(room.id)).toEqual(["Cy added Ed", "Cy left", "Di is now an owner of the room"]);
      expect((await participantRow(room.id, cy!.id))!.leftAt).toBeInstanceOf(Date);

      // A member leaving hands nothing on.
      await ed!.caller.conversations.leave({ conversationId: room.id });
      expect((await systemNotices(room.id)).at(-1)).toBe("Ed left");

      const before = await snapshot(room.id);
      expect(await codeOf(cy!.caller.conversations.leave({ conversationId: room.id }))).toBe("FORBIDDEN"); // private, and gone
      expect(await codeOf(admin.conversations.leave({ conversationId: room.id }))).toBe("PRECONDITION_FAILED");
      expect(await snapshot(room.id)).toEqual(before);

      const direct = await di!.caller.conversations.openDirect({ userId: ed!.id });
      expect(await codeOf(di!.caller.conversations.leave({ conversationId: direct.id }))).toBe("BAD_REQUEST");
    });

    it("lets people leave a closed or archived room", async () => {
      const room = await customer.conversations.createRoom({ name: "Done", memberIds: [people.ids.otherCustomer] });
      await customer.conversations.archive({ conversationId: room.id });
      await otherCustomer.conversations.leave({ conversationId: room.id });
      expect((await systemNotices(room.id)).at(-1)).toBe("Otto Other left");
    });

    it("lets anyone signed in join a public room, and no one a private one", async () => {
      const lounge = await agent.conversations.createRoom({ name: "Lounge", visibility: "public", memberIds: [people.ids.admin] });
      const joined = await visitor.conversations.join({ conversationId: lounge.id });
      expect(joined.participants.map((p) => p.userId)).toContain(people.ids.visitor);
      await otherCustomer.conversations.join({ conversationId: lounge.id });
      expect(await systemNotices(lounge.id)).toEqual(["Visitor joined", "Otto Other joined"]);
      await otherCustomer.messages.send({ conversationId: lounge.id, body: "hi all" });

      // Joining again changes nothing.
      const before = await snapshot(lounge.id);
      await otherCustomer.conversations.join({ conversationId: lounge.id });
      expect(await snapshot(lounge.id)).toEqual(before);

      const secret = await agent.conversations.createRoom({ name: "Secret", memberIds: [people.ids.admin] });
      const secretBefore = await snapshot(secret.id);
      expect(await codeOf(customer.conversations.join({ conversationId: secret.id }))).toBe("FORBIDDEN");
      expect(await codeOf(admin.conversations.join({ conversationId: secret.id }))).toBeNull(); // already in
      expect(await codeOf(otherTeamAgent.conversations.join({ conversationId: secret.id }))).toBe("FORBIDDEN");
      expect(await snapshot(secret.id)).toEqual(secretBefore);

      await agent.conversations.close({ conversationId: lounge.id });
      expect(await codeOf(customer.conversations.join({ conversationId: lounge.id }))).toBe("PRECONDITION_FAILED");
      const session = await customer.conversations.startSession({ subject: "Join me" });
      expect(await codeOf(agent.conversations.join({ conversationId: session.id }))).toBe("BAD_REQUEST");
    });

    it("refuses to let someone join a room with a person on the other side of a block", async () => {
      const [fay, gus] = await newPeople("Fay", "Gus");
      const room = await fay!.caller.conversations.createRoom({ name: "Open mic", visibility: "public", memberIds: [people.ids.agent] });
      await fay!.caller.blocks.block({ userId: gus!.id });
      const before = await snapshot(room.id);
      expect(await codeOf(gus!.caller.conversations.join({ conversationId: room.id }))).toBe("FORBIDDEN");
      expect(await snapshot(room.id)).toEqual(before);
    });

    it("refuses to let anyone join a full public room", async () => {
      const crowd = await newPeople(...Array.from({ length: 49 }, (_, index) => `Fan ${index}`));
      const room = await agent.conversations.createRoom({ name: "Stadium", visibility: "public", memberIds: crowd.map((p) => p.id) });
      const before = await snapshot(room.id);
      expect(await codeOf(customer.conversations.join({ conversationId: room.id }))).toBe("BAD_REQUEST");
      expect(await snapshot(room.id)).toEqual(before);
    });

    it("delivers membership notices to live subscribers through the conversation's events", async () => {
      const [hal] = await newPeople("Hal");
      const room = await agent.conversations.createRoom({ name: "Live", visibility: "public", memberIds: [people.ids.admin] });
      const { lastEventSeq } = await admin.messages.history({ conversationId: room.id });
      const events = await admin.messages.events({ conversationId: room.id, lastEventId: String(lastEventSeq) });
      const iterator = events[Symbol.asyncIterator]();
      const bodies: string[] = [];
      try {
        let next = iterator.next(); // starts the subscription
        await hal!.caller.conversations.join({ conversationId: room.id });
        await hal!.caller.conversations.leave({ conversationId: room.id });
        while (bodies.length < 2) {
          const [, event] = (await next).value as unknown as [string, { type: string; message?: { type: string; body: string } }];
          if (event.type === "message") bodies.push(`${event.message!.type}: ${event.message!.body}`);
          if (bodies.length < 2) next = iterator.next();
        }
      } finally {
        await iterator.return?.();
      }
      expect(bodies).toEqual(["system: Hal joined", "system: Hal left"]);
    });
  });

  describe("mute and notification level", () => {
    it("mutes for good or until a time, after which the participant is not muted", async () => {
      const direct = await customer.conversations.openDirect({ userId: people.ids.agent });
      expect(await customer.conversations.mute({ conversationId: direct.id })).toEqual({
        muted: true,
        mutedUntil: null,
        notificationLevel: "all",
      });
      expect((await customer.conversations.unmute({ conversationId: direct.id })).muted).toBe(false);

      const until = new Date(Date.now() + 60 * 60_000);
      expect(await customer.conversations.mute({ conversationId: direct.id, until })).toMatchObject({ muted: true, mutedUntil: until });
      const mine = (await customer.conversations.get({ conversationId: direct.id })).participants.find(
        (p) => p.userId === people.ids.customer,
      )!;
      expect(mine).toMatchObject({ muted: true, mutedUntil: until });
      expect((await customer.conversations.list({ kind: "direct" })).items.find((item) => item.id === direct.id)).toMatchObject({
        muted: true,
        mutedUntil: until,
      });

      // Time passes: the mute has lifted by itself.
      await database.db
        .update(participants)
        .set({ mutedUntil: new Date(Date.now() - 1000) })
        .where(and(eq(participants.conversationId, direct.id), eq(participants.userId, people.ids.customer)));
      const later = (await customer.conversations.get({ conversationId: direct.id })).participants.find(
        (p) => p.userId === people.ids.customer,
      )!;
      expect(later).toMatchObject({ muted: false, mutedUntil: null });
      expect((await customer.conversations.list({ kind: "direct" })).items.find((item) => item.id === direct.id)).toMatchObject({
        muted: false,
        mutedUntil: null,
      });
    });

    it("refuses a mute into the past or by someone not in the conversation, changing nothing", async () => {
      const direct = await customer.conversations.openDirect({ userId: people.ids.agent });
      const before = await participantRow(direct.id, people.ids.customer);
      expect(await codeOf(customer.conversations.mute({ conversationId: direct.id, until: new Date(Date.now() - 60_000) }))).toBe(
        "BAD_REQUEST",
      );
      expect(await participantRow(direct.id, people.ids.customer)).toEqual(before);
      expect(await codeOf(otherCustomer.conversations.mute({ conversationId: direct.id }))).toBe("FORBIDDEN");
      const session = await customer.conversations.startSession({ subject: "Mute me not", teamId: people.teamIds.support });
      expect(await codeOf(agent.conversations.mute({ conversationId: session.id }))).toBe("FORBIDDEN"); // sees it, is not in it
      expect(await codeOf(agent.conversations.mute({ conversationId: "00000000-0000-4000-8000-000000000000" }))).toBe("NOT_FOUND");
    });

    it("sets how much the viewer hears of a conversation", async () => {
      const room = await customer.conversations.createRoom({ name: "Chatty", memberIds: [people.ids.otherCustomer] });
      expect(await otherCustomer.conversations.setNotificationLevel({ conversationId: room.id, level: "mentions" })).toEqual({
        muted: false,
        mutedUntil: null,
        notificationLevel: "mentions",
      });
      const detail = await customer.conversations.get({ conversationId: room.id });
      expect(detail.participants.find((p) => p.userId === people.ids.otherCustomer)!.notificationLevel).toBe("mentions");
      expect(detail.participants.find((p) => p.userId === people.ids.customer)!.notificationLevel).toBe("all");
      expect(
        await codeOf(otherCustomer.conversations.setNotificationLevel({ conversationId: room.id, level: "some" as "all" })),
      ).toBe("BAD_REQUEST");
      expect(await codeOf(agent.conversations.setNotificationLevel({ conversationId: room.id, level: "none" }))).toBe("FORBIDDEN");
    });
  });
});
