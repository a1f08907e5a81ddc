import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { sql } from "drizzle-orm";

import { auditLog, conversations, messages, users } from "./schema";
import { createTestDatabase, type TestDatabase } from "./testing";

const rowsOf = <T>(result: unknown): T[] =>
  Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);

describe(`migrations (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.dispose());

  it("creates every table of the core domain", async () => {
    const result = await database.db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    const tables = rowsOf<{ table_name: string }>(result).map((row) => row.table_name);
    expect(tables).toEqual(
      expect.arrayContaining([
        "users",
        "teams",
        "team_members",
        "conversations",
        "participants",
        "messages",
        "attachments",
        "blocks",
        "csat_responses",
        "session_events",
        "audit_log",
      ]),
    );
  });

  it("is idempotent: applying again changes nothing", async () => {
    const { migrateDb } = await import("./migrate");
    await expect(migrateDb(database)).resolves.toBeUndefined();
  });

  it("keeps the audit log append-only", async () => {
    await database.db.insert(auditLog).values({ actorKind: "system", action: "test.append_only" });
    await expect(database.db.update(auditLog).set({ action: "rewritten" })).rejects.toThrow();
    await expect(database.db.delete(auditLog)).rejects.toThrow();
    const rows = await database.db.select().from(auditLog);
    expect(rows.map((row) => row.action)).toEqual(["test.append_only"]);
  });

  it("enforces the domain's constraints in the database itself", async () => {
    const [customer] = await database.db
      .insert(users)
      .values({ email: "Someone@Example.com", name: "Someone" })
      .returning();
    // The same address in other letter case is the same account.
    await expect(database.db.insert(users).values({ email: "someone@example.COM", name: "Twin" })).rejects.toThrow();

    // A room cannot be "waiting"; that status belongs to support sessions.
    await expect(database.db.insert(conversations).values({ kind: "group", status: "waiting" })).rejects.toThrow();

    const [session] = await database.db
      .insert(conversations)
      .values({ kind: "support", status: "waiting", customerId: customer!.id })
      .returning();
    await database.db.insert(messages).values({ conversationId: session!.id, seq: 1, body: "hello" });
    // seq is unique per conversation: the resume key cannot repeat.
    await expect(
      database.db.insert(messages).values({ conversationId: session!.id, seq: 1, body: "again" }),
    ).rejects.toThrow();
    await expect(
      database.db.insert(messages).values({ conversationId: session!.id, seq: 2, body: "x".repeat(10_001) }),
    ).rejects.toThrow();
  });

  it("indexes message text for full-text search", async () => {
    const result = await database.db.execute(
      sql`select body from messages where search_vector @@ plainto_tsquery('simple', 'hello')`,
    );
    expect(rowsOf<{ body: string }>(result).map((row) => row.body)).toEqual(["hello"]);
  });

  it("leaves room on the pages of rows each message updates, so they are updated in place", async () => {
    const result = await database.db.execute(
      sql`select relname, reloptions from pg_class where relname in ('conversations', 'participants') order by relname`,
    );
    expect(rowsOf<{ relname: string; reloptions: string[] }>(result)).toEqual([
      { relname: "conversations", reloptions: ["fillfactor=70"] },
      { relname: "participants", reloptions: ["fillfactor=80"] },
    ]);
  });
});
