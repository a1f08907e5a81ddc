import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { text } from "node:stream/consumers";

import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { attachments, conversations, count, eq, messages } from "@parley/db";
import { createTestDatabase, type TestDatabase } from "@parley/db/testing";

import type { ApiKeyScope } from "../src/auth/scopes";
import type { Viewer } from "../src/context";
import { contentDisposition, downloadHeaders } from "../src/services/attachments/download-headers";
import { cleanFileName } from "../src/services/attachments/file-name";
import { openAttachment } from "../src/services/attachments/open-attachment";
import { uploadAttachment } from "../src/services/attachments/upload-attachment";
import { LocalDiskStorage } from "../src/storage/local-disk-storage";
import { createTestApi } from "./support/context";
import { filesUnder, inChunks, makePdf, makePng, makeTempDir, makeZip, removeDir } from "./support/files";
import { createTestIdentities, type PrincipalName, type TestIdentities } from "./support/identities";
import { codeOf } from "./support/error-code";

const MAX_BYTES = 64 * 1024;

describe("attachments", () => {
  let database: TestDatabase;
  let people: TestIdentities;
  let uploadsDir: string;
  let storage: LocalDiskStorage;
  let api: ReturnType<typeof createTestApi>;
  type Caller = Awaited<ReturnType<ReturnType<typeof createTestApi>["callerFor"]>>;
  let customer: Caller, agent: Caller, otherCustomer: Caller;
  let sessionId: string;
  let otherSessionId: string;

  /** API keys "with" and "without" the scope the operation needs. */
  const viewerOf = async (principal: PrincipalName, scope: ApiKeyScope = "messages:write"): Promise<Viewer> =>
    (await api.createContext({ headers: await people.headersFor(principal, scope), ip: "127.0.0.1", transport: "http" })).viewer!;

  const upload = async (
    principal: PrincipalName,
    bytes: Uint8Array,
    options: { fileName?: string; conversationId?: string; declaredBytes?: number | null } = {},
  ) =>
    uploadAttachment({ db: database.db, storage }, await viewerOf(principal), {
      conversationId: options.conversationId ?? sessionId,
      fileName: options.fileName ?? "picture.png",
      content: inChunks(bytes),
      declaredBytes: options.declaredBytes === undefined ? bytes.length : options.declaredBytes,
      maxBytes: MAX_BYTES,
    });

  const open = async (principal: PrincipalName, attachmentId: string) => {
    const opened = await openAttachment({ db: database.db, storage }, await viewerOf(principal, "sessions:read"), attachmentId);
    return { ...opened, bytes: Buffer.concat(await (await opened.openContent()).toArray()) };
  };

  const rowCount = async () => (await database.db.select({ n: count() }).from(attachments))[0]!.n;

  /** Runs `refused` and checks it left no row and no file behind. */
  const expectNothingStored = async (refused: () => Promise<unknown>, code: string) => {
    const rowsBefore = await rowCount();
    const filesBefore = await filesUnder(uploadsDir);
    expect(await codeOf(refused())).toBe(code);
    expect(await rowCount()).toBe(rowsBefore);
    expect(await filesUnder(uploadsDir)).toEqual(filesBefore);
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    people = await createTestIdentities(database.db);
    uploadsDir = await makeTempDir("parley-attachments");
    storage = new LocalDiskStorage(uploadsDir);
    api = createTestApi(database.db, { storage });
    customer = await api.callerFor(await people.headersFor("customer"));
    agent = await api.callerFor(await people.headersFor("agent"));
    otherCustomer = await api.callerFor(await people.headersFor("otherCustomer"));
    sessionId = (await customer.conversations.startSession({ subject: "Broken screen", teamId: people.teamIds.support })).id;
    otherSessionId = (await customer.conversations.startSession({ subject: "Another one", teamId: people.teamIds.support })).id;
  });
  afterAll(async () => {
    await api?.unreadRecounter.flush();
    await database?.dispose();
    if (uploadsDir) await removeDir(uploadsDir);
  });

  describe("uploading", () => {
    it("stores a PNG with its sniffed type, size, SHA-256 and dimensions", async () => {
      const png = makePng(3, 2);
      const attachment = await upload("customer", png, { fileName: "screen.png" });
      expect(attachment).toMatchObject({ fileName: "screen.png", mimeType: "image/png", sizeBytes: png.length, width: 3, height: 2 });
      expect(attachment.url).toBe(`/attachments/${attachment.id}`);

      const [row] = await database.db.select().from(attachments).where(eq(attachments.id, attachment.id));
      expect(row).toMatchObject({ conversationId: sessionId, uploaderId: people.ids.customer, messageId: null });
      expect(row!.sha256).toBe(createHash("sha256").update(png).digest("hex"));
      // The key is the storage's own, nothing of the file's name.
      expect(row!.storageKey).toMatch(/^[0-9a-f]{32}$/);
      expect(await readFile(path.join(uploadsDir, row!.storageKey.slice(0, 2), row!.storageKey))).toEqual(png);
    });

    it("believes the bytes, not the name", async () => {
      expect((await upload("customer", makePng(1, 1), { fileName: "report.pdf" })).mimeType).toBe("image/png");
      const pdf = await upload("customer", makePdf(), { fileName: "invoice" });
      expect(pdf).toMatchObject({ mimeType: "application/pdf", width: null, height: null });
    });

    it("takes UTF-8 text only under a text file's name", async () => {
      const log = Buffer.from("2024-05-01 12:00 ünïcödé error: disk full\n<?xml version='1.0'?> looks like XML\n");
      expect((await upload("customer", log, { fileName: "server.log" })).mimeType).toBe("text/plain");
      expect((await upload("customer", Buffer.from("a,b\n1,2\n"), { fileName: "export.CSV" })).mimeType).toBe("text/plain");
      await expectNothingStored(() => upload("customer", Buffer.from("<html><script>alert(1)</script>"), { fileName: "page.html" }), "UNSUPPORTED_MEDIA_TYPE");
      await expectNothingStored(() => upload("customer", Buffer.from("text\0with a NUL"), { fileName: "notes.txt" }), "UNSUPPORTED_MEDIA_TYPE");
      await expectNothingStored(() => upload("customer", Buffer.from([0x68, 0x69, 0xc3, 0x28]), { fileName: "latin1.txt" }), "UNSUPPORTED_MEDIA_TYPE");
      // Invalid UTF-8 far past the first bytes is still caught.
      const lateBinary = Buffer.concat([Buffer.alloc(20_000, "a"), Buffer.from([0xff, 0xfe])]);
      await expectNothingStored(() => upload("customer", lateBinary, { fileName: "late.txt" }), "UNSUPPORTED_MEDIA_TYPE");
    });

    it("refuses other kinds of content and stores nothing", async () => {
      await expectNothingStored(() => upload("customer", makeZip(), { fileName: "archive.zip" }), "UNSUPPORTED_MEDIA_TYPE");
      await expectNothingStored(() => upload("customer", makeZip(), { fileName: "archive.txt" }), "UNSUPPORTED_MEDIA_TYPE");
      const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
      await expectNothingStored(() => upload("customer", svg, { fileName: "logo.png" }), "UNSUPPORTED_MEDIA_TYPE");
      // PNG's signature on something that is not a picture.
      const fakePng = Buffer.concat([makePng(1, 1).subarray(0, 8), Buffer.alloc(100, 7)]);
      await expectNothingStored(() => upload("customer", fakePng), "UNSUPPORTED_MEDIA_TYPE");
      await expectNothingStored(() => upload("customer", Buffer.alloc(0)), "BAD_REQUEST");
    });

    it("refuses an announced size over the limit without reading a byte", async () => {
      let read = false;
      const untouched = {
        async *[Symbol.asyncIterator]() {
          read = true;
          yield new Uint8Array(1);
        },
      };
      const viewer = await viewerOf("customer");
      await expectNothingStored(
        () =>
          uploadAttachment({ db: database.db, storage }, viewer, {
            conversationId: sessionId,
            fileName: "huge.png",
            content: untouched,
            declaredBytes: MAX_BYTES + 1,
            maxBytes: MAX_BYTES,
          }),
        "PAYLOAD_TOO_LARGE",
      );
      expect(read).toBe(false);
    });

    it("stops a stream the moment it passes the limit", async () => {
      let chunksRead = 0;
      async function* endless() {
        for (;;) {
          chunksRead++;
          yield new Uint8Array(8 * 1024).fill(0x61);
        }
      }
      const viewer = await viewerOf("customer");
      await expectNothingStored(
        () =>
          uploadAttachment({ db: database.db, storage }, viewer, {
            conversationId: sessionId,
            fileName: "endless.txt",
            content: endless(),
            declaredBytes: null,
            maxBytes: MAX_BYTES,
          }),
        "PAYLOAD_TOO_LARGE",
      );
      expect(chunksRead).toBe(MAX_BYTES / (8 * 1024) + 1);
      // Exactly at the limit is fine.
      const atLimit = Buffer.concat([makePng(1, 1), Buffer.alloc(MAX_BYTES - makePng(1, 1).length)]);
      expect((await upload("customer", atLimit, { declaredBytes: null })).sizeBytes).toBe(MAX_BYTES);
    });

    it("lets only those who may post in the conversation upload", async () => {
      const png = makePng(1, 1);
      await expectNothingStored(() => upload("otherCustomer", png), "FORBIDDEN");
      await expectNothingStored(() => upload("otherTeamAgent", png), "FORBIDDEN");
      await expectNothingStored(() => upload("customer", png, { conversationId: "not-a-uuid" }), "BAD_REQUEST");
      await expectNothingStored(() => upload("customer", png, { conversationId: crypto.randomUUID() }), "NOT_FOUND");
      await expectNothingStored(() => upload("apiKeyWithoutScope", png), "FORBIDDEN");
      expect((await upload("apiKeyWithScope", png)).mimeType).toBe("image/png");
      expect((await upload("agent", png)).mimeType).toBe("image/png");

      const room = await agent.conversations.createRoom({ name: "Launch", visibility: "public", memberIds: [people.ids.admin] });
      await expectNothingStored(() => upload("customer", png, { conversationId: room.id }), "FORBIDDEN");

      const closed = await customer.conversations.startSession({ subject: "Done already" });
      await database.db.update(conversations).set({ status: "closed", closedAt: new Date() }).where(eq(conversations.id, closed.id));
      await expectNothingStored(() => upload("customer", png, { conversationId: closed.id }), "PRECONDITION_FAILED");
    });

    it("keeps only the last part of a path and nothing that could disguise the name", async () => {
      expect(cleanFileName("../../etc/passwd")).toBe("passwd");
      expect(cleanFileName("C:\\Users\\ann\\photo.jpg")).toBe("photo.jpg");
      expect(cleanFileName("invoice\u202Efdp.exe")).toBe("invoicefdp.exe");
      expect(cleanFileName("  two   spaces\t.png ")).toBe("two spaces .png");
      expect([...cleanFileName(`${"x".repeat(300)}.jpeg`)]).toHaveLength(255);
      expect(cleanFileName(`${"x".repeat(300)}.jpeg`).endsWith(".jpeg")).toBe(true);
      for (const bad of ["", "  ", "..", "dir/", "\u0000"]) expect(() => cleanFileName(bad)).toThrow(TRPCError);
    });
  });

  describe("sending", () => {
    it("sends images as an image message that every read carries", async () => {
      const first = await upload("customer", makePng(4, 3), { fileName: "front.png" });
      const second = await upload("customer", makePng(2, 5), { fileName: "back.png" });
      const message = await customer.messages.send({ conversationId: sessionId, attachmentIds: [first.id, second.id] });
      expect(message).toMatchObject({ type: "image", body: "" });
      expect(message.attachments).toEqual([first, second]);

      const history = await agent.messages.history({ conversationId: sessionId, limit: 200 });
      expect(history.items.find((item) => item.id === message.id)?.attachments).toEqual([first, second]);

      const [row] = await database.db.select().from(attachments).where(eq(attachments.id, first.id));
      expect(row!.messageId).toBe(message.id);
    });

    it("makes a message with any other file a file message, with its text", async () => {
      const image = await upload("customer", makePng(1, 1));
      const pdf = await upload("customer", makePdf(), { fileName: "receipt.pdf" });
      const message = await customer.messages.send({ conversationId: sessionId, body: "receipt attached", attachmentIds: [image.id, pdf.id] });
      expect(message.type).toBe("file");
      expect(message.attachments.map((attachment) => attachment.fileName)).toEqual(["picture.png", "receipt.pdf"]);
    });

    it("needs text or an attachment", async () => {
      expect(await codeOf(customer.messages.send({ conversationId: sessionId, body: "   " }))).toBe("BAD_REQUEST");
      expect(await codeOf(customer.messages.send({ conversationId: sessionId }))).toBe("BAD_REQUEST");
      const tooMany = Array.from({ length: 11 }, () => crypto.randomUUID());
      expect(await codeOf(customer.messages.send({ conversationId: sessionId, attachmentIds: tooMany }))).toBe("BAD_REQUEST");
    });

    it("never lets an upload be reused by someone else, elsewhere, or twice", async () => {
      const messagesBefore = (await database.db.select({ n: count() }).from(messages))[0]!.n;
      const mine = await upload("customer", makePng(1, 1));
      expect(await codeOf(agent.messages.send({ conversationId: sessionId, attachmentIds: [mine.id] }))).toBe("BAD_REQUEST");
      expect(await codeOf(customer.messages.send({ conversationId: otherSessionId, attachmentIds: [mine.id] }))).toBe("BAD_REQUEST");
      expect(await codeOf(otherCustomer.messages.send({ conversationId: sessionId, attachmentIds: [mine.id] }))).toBe("FORBIDDEN");
      // One bad id refuses the whole message: the good one stays unsent.
      const other = await upload("customer", makePng(1, 1));
      expect(
        await codeOf(customer.messages.send({ conversationId: sessionId, body: "both", attachmentIds: [other.id, crypto.randomUUID()] })),
      ).toBe("BAD_REQUEST");
      expect((await database.db.select({ n: count() }).from(messages))[0]!.n).toBe(messagesBefore);

      const sent = await customer.messages.send({ conversationId: sessionId, attachmentIds: [mine.id, other.id] });
      expect(sent.attachments).toHaveLength(2);
      expect(await codeOf(customer.messages.send({ conversationId: sessionId, attachmentIds: [mine.id] }))).toBe("BAD_REQUEST");
    });

    it("gives an upload to exactly one of two sends racing for it", async () => {
      const contested = await upload("customer", makePng(1, 1));
      const results = await Promise.allSettled(
        [1, 2].map(() => customer.messages.send({ conversationId: sessionId, attachmentIds: [contested.id] })),
      );
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    });

    it("returns the first message to a retried send with the same client id", async () => {
      const picture = await upload("customer", makePng(1, 1));
      const send = () => customer.messages.send({ conversationId: sessionId, attachmentIds: [picture.id], clientId: "with-picture-1" });
      const first = await send();
      const again = await send();
      expect(again.id).toBe(first.id);
      expect(again.attachments).toEqual([picture]);
    });

    it("keeps attachments through an edit and drops them from view on delete", async () => {
      const picture = await upload("customer", makePng(1, 1));
      const sent = await customer.messages.send({ conversationId: sessionId, body: "typo", attachmentIds: [picture.id] });
      expect((await customer.messages.edit({ messageId: sent.id, body: "fixed" })).attachments).toEqual([picture]);
      expect((await customer.messages.delete({ messageId: sent.id })).attachments).toEqual([]);
      expect(await codeOf(open("agent", picture.id))).toBe("NOT_FOUND");
    });

    it("makes one message of a send with an attachment retried at once", async () => {
      const picture = await upload("customer", makePng(1, 1));
      const sent = await Promise.all(
        [1, 2, 3].map(() => customer.messages.send({ conversationId: sessionId, attachmentIds: [picture.id], clientId: "with-picture-2" })),
      );
      expect(new Set(sent.map((message) => message.id)).size).toBe(1);
      expect(sent.map((message) => message.attachments)).toEqual([[picture], [picture], [picture]]);
    });

    it("lets an API key attach its own uploads but not a person's", async () => {
      const keys = await upload("apiKeyWithScope", makePdf(), { fileName: "label.pdf" });
      const persons = await upload("agent", makePng(1, 1));
      const integration = await api.callerFor(await people.headersFor("apiKeyWithScope"));
      expect(await codeOf(integration.messages.send({ conversationId: sessionId, attachmentIds: [persons.id] }))).toBe("BAD_REQUEST");
      const sent = await integration.messages.send({ conversationId: sessionId, body: "Your label", attachmentIds: [keys.id] });
      expect(sent).toMatchObject({ type: "file", senderId: null });
    });
  });

  describe("downloading", () => {
    let pictureId: string;
    let png: Buffer;

    beforeAll(async () => {
      png = makePng(6, 4);
      const picture = await upload("customer", png);
      pictureId = picture.id;
      await customer.messages.send({ conversationId: sessionId, attachmentIds: [pictureId] });
    });

    it("gives those who see the conversation the same bytes", async () => {
      for (const principal of ["customer", "agent", "admin", "apiKeyWithScope"] as const) {
        const { attachment, bytes } = await open(principal, pictureId);
        expect(attachment.mimeType).toBe("image/png");
        expect(bytes).toEqual(png);
      }
    });

    it("refuses those outside the conversation, and ids that are not attachments", async () => {
      expect(await codeOf(open("otherCustomer", pictureId))).toBe("FORBIDDEN");
      expect(await codeOf(open("otherTeamAgent", pictureId))).toBe("FORBIDDEN");
      expect(await codeOf(open("apiKeyWithoutScope", pictureId))).toBe("FORBIDDEN");
      expect(await codeOf(open("customer", crypto.randomUUID()))).toBe("NOT_FOUND");
      expect(await codeOf(open("customer", "../../etc/passwd"))).toBe("NOT_FOUND");
    });

    it("shows an unsent upload to its uploader only", async () => {
      const draft = await upload("customer", makePng(1, 1));
      expect((await open("customer", draft.id)).attachment.id).toBe(draft.id);
      expect(await codeOf(open("agent", draft.id))).toBe("NOT_FOUND");
    });

    it("keeps a private note's files from the customer", async () => {
      const screenshot = await upload("agent", makePng(2, 2));
      await agent.messages.send({ conversationId: sessionId, body: "see admin panel", internal: true, attachmentIds: [screenshot.id] });
      expect((await open("agent", screenshot.id)).bytes).toEqual(makePng(2, 2));
      expect(await codeOf(open("customer", screenshot.id))).toBe("NOT_FOUND");
      expect(await codeOf(open("apiKeyWithScope", screenshot.id))).toBe("NOT_FOUND");
    });

    it("answers NOT_FOUND when the stored file has gone", async () => {
      const lost = await upload("customer", makePng(1, 1));
      const [row] = await database.db.select().from(attachments).where(eq(attachments.id, lost.id));
      await storage.delete(row!.storageKey);
      const opened = await openAttachment({ db: database.db, storage }, await viewerOf("customer"), lost.id);
      expect(await codeOf(opened.openContent())).toBe("NOT_FOUND");
    });

    it("serves images inline and everything else as a download, never sniffed", () => {
      const file = { fileName: "photo.png", mimeType: "image/png", sizeBytes: 10, sha256: "ab" };
      expect(downloadHeaders(file, { asDownload: false })).toMatchObject({
        "content-type": "image/png",
        "content-length": "10",
        "content-disposition": `inline; filename="photo.png"; filename*=UTF-8''photo.png`,
        "x-content-type-options": "nosniff",
        etag: '"ab"',
      });
      expect(downloadHeaders(file, { asDownload: true })["content-disposition"]).toMatch(/^attachment;/);
      expect(downloadHeaders({ ...file, mimeType: "application/pdf" }, { asDownload: false })["content-disposition"]).toMatch(/^attachment;/);
      const textFile = downloadHeaders({ ...file, fileName: "a.log", mimeType: "text/plain" }, { asDownload: false });
      expect(textFile["content-type"]).toBe("text/plain; charset=utf-8");
      expect(textFile["content-disposition"]).toMatch(/^attachment;/);
    });

    it("encodes any file name safely in Content-Disposition", () => {
      expect(contentDisposition("attachment", 'Résumé "final" (2).pdf')).toBe(
        `attachment; filename="R_sum_ _final_ (2).pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%22final%22%20%282%29.pdf`,
      );
      expect(contentDisposition("inline", "a\\b;c%.png")).toBe(`inline; filename="a_b;c_.png"; filename*=UTF-8''a%5Cb%3Bc%25.png`);
    });
  });

  it("reads the stored bytes back through the storage", async () => {
    const key = await storage.put(inChunks(Buffer.from("hello")));
    expect(await text(await storage.get(key))).toBe("hello");
    await storage.delete(key);
    await expect(storage.get(key)).rejects.toThrow(/No stored file/);
    await expect(storage.get("../../etc/passwd")).rejects.toThrow(/No stored file/);
    await storage.delete(key); // already gone: fine
  });

  it("keeps nothing of an upload whose content fails midway", async () => {
    const before = await filesUnder(uploadsDir);
    async function* failing() {
      yield new Uint8Array(10);
      throw new Error("connection reset");
    }
    await expect(storage.put(failing())).rejects.toThrow("connection reset");
    expect(await filesUnder(uploadsDir)).toEqual(before);
  });
});
