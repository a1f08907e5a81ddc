import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { eq, sql } from "drizzle-orm";

import { users } from "./schema";
import { createTestDatabase, type TestDatabase } from "./testing";

const rowsOf = <T>(result: unknown): T[] =>
  Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);

const onPostgres = !!process.env.DATABASE_URL;

describe(`transactions through the database client (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.dispose());

  const emailsLike = async (pattern: string) =>
    (await database.db.select({ email: users.email }).from(users).where(sql`${users.email} like ${pattern}`))
      .map((row) => row.email)
      .sort();

  it("commits a transaction's work and rolls back all of a failed one", async () => {
    await database.db.transaction(async (tx) => {
      await tx.insert(users).values({ name: "Kept", email: "kept-1@example.test" });
      await tx.insert(users).values({ name: "Kept", email: "kept-2@example.test" });
    });
    await expect(
      database.db.transaction(async (tx) => {
        await tx.insert(users).values({ name: "Lost", email: "lost-1@example.test" });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");

    expect(await emailsLike("kept-%")).toEqual(["kept-1@example.test", "kept-2@example.test"]);
    expect(await emailsLike("lost-%")).toEqual([]);
  });

  it("rolls back a nested transaction alone, keeping the outer one's work", async () => {
    await database.db.transaction(async (tx) => {
      await tx.insert(users).values({ name: "Outer", email: "outer@example.test" });
      await expect(
        tx.transaction(async (nested) => {
          await nested.insert(users).values({ name: "Inner", email: "inner-lost@example.test" });
          throw new Error("inner failure");
        }),
      ).rejects.toThrow("inner failure");
      await tx.transaction(async (nested) => {
        await nested.insert(users).values({ name: "Inner", email: "inner-kept@example.test" });
      });
    });

    expect(await emailsLike("outer@%")).toEqual(["outer@example.test"]);
    expect(await emailsLike("inner-%")).toEqual(["inner-kept@example.test"]);
  });

  it.runIf(onPostgres)("sees its own writes and not another transaction's uncommitted ones", async () => {
    let releaseFirst!: () => void;
    const firstMayCommit = new Promise<void>((resolve) => (releaseFirst = resolve));
    let wrote!: () => void;
    const firstWrote = new Promise<void>((resolve) => (wrote = resolve));

    const first = database.db.transaction(async (tx) => {
      await tx.insert(users).values({ name: "Isolated", email: "isolated@example.test" });
      expect(await tx.select({ id: users.id }).from(users).where(eq(users.email, "isolated@example.test"))).toHaveLength(1);
      wrote();
      await firstMayCommit;
    });
    await firstWrote;
    expect(await emailsLike("isolated@%")).toEqual([]);
    releaseFirst();
    await first;
    expect(await emailsLike("isolated@%")).toEqual(["isolated@example.test"]);
  });

  it.runIf(onPostgres)("prepares the statements of the query builders", async () => {
    const prepared = await database.db.transaction(async (tx) => {
      // One connection for the whole transaction: its session's prepared statements are the ones used.
      await tx.select({ id: users.id }).from(users).where(eq(users.email, "nobody@example.test"));
      await tx.select({ id: users.id }).from(users).where(eq(users.email, "still-nobody@example.test"));
      return rowsOf<{ statement: string }>(await tx.execute(sql`select statement from pg_prepared_statements`));
    });
    expect(prepared.map((row) => row.statement)).toContain('select "id" from "users" where "users"."email" = $1');
  });

  it("runs many transactions among many concurrent queries, each on its own connection", async () => {
    const transactions = Array.from({ length: 60 }, (_, index) =>
      database.db.transaction(async (tx) => {
        await tx.insert(users).values({ name: "Busy", email: `busy-${index}@example.test` });
        // A transaction's statements run on one connection, in one database transaction.
        const [row] = rowsOf<{ xid: string }>(await tx.execute(sql`select txid_current()::text as xid`));
        const [again] = rowsOf<{ xid: string }>(await tx.execute(sql`select txid_current()::text as xid`));
        expect(again!.xid).toBe(row!.xid);
      }),
    );
    const queries = Array.from({ length: 600 }, (_, index) =>
      database.db.select({ id: users.id }).from(users).where(eq(users.email, `busy-${index % 60}@example.test`)),
    );
    await Promise.all([...transactions, ...queries]);
    expect(await emailsLike("busy-%")).toHaveLength(60);
  });
});
