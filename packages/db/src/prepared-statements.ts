import type { Sql } from "postgres";

type Unsafe = Sql["unsafe"];
type Work = (scoped: Sql) => unknown;

/**
 * The postgres.js client Drizzle is given, made to prepare every statement.
 *
 * Drizzle's query builders ask postgres.js not to prepare (`prepare: false`), and an
 * unprepared statement with parameters costs two round trips (postgres.js first asks the
 * server to describe its parameters) and a fresh parse and plan in PostgreSQL on every
 * call. Prepared, it is parsed once per connection and sent in one round trip after that:
 * measured on a 2-core machine, a one-row select went from about 190 to 40 microseconds
 * of PostgreSQL time and a third less of Node's. Parley's statements are fixed strings
 * with placeholders, so each connection prepares a bounded set, and postgres.js retires
 * connections (and their statements) after half an hour to an hour anyway. Raw SQL
 * through `db.execute` was prepared already.
 *
 * Prepared statements let postgres.js pipeline queries on a busy connection, and its
 * `sql.begin` (3.4.9) loses track of a transaction whose BEGIN is pipelined behind others
 * (porsager/postgres#823, #1189: UNSAFE_TRANSACTION, or worse, other queries sent into
 * the open transaction). So transactions do not go through `sql.begin`: each takes an
 * idle connection of its own with `sql.reserve()`, where BEGIN is the first statement, and
 * gives it back after COMMIT or ROLLBACK. Savepoints nest inside the same way.
 */
export function preparingStatements<T extends Sql>(client: T): T {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === "unsafe") return preparedUnsafe(target);
      if (property === "begin") return (...args: unknown[]) => transaction(target, args);
      return Reflect.get(target, property, receiver);
    },
  });
}

function preparedUnsafe(target: Sql): Unsafe {
  return (query, parameters, options) => target.unsafe(query, parameters, { ...options, prepare: true });
}

/** `sql.begin([options], work)` on a reserved connection: BEGIN, the work, then COMMIT, or ROLLBACK if it throws. */
async function transaction(pool: Sql, args: unknown[]): Promise<unknown> {
  const work = args.pop() as Work;
  // The same characters postgres.js lets through, e.g. "isolation level serializable".
  const options = typeof args[0] === "string" ? args[0].replace(/[^a-z ]/gi, "") : "";
  const connection = await pool.reserve();
  try {
    await connection.unsafe(`begin ${options}`);
    return await settle(connection, work, { done: "commit", undo: "rollback", savepoints: { count: 0 } });
  } finally {
    connection.release();
  }
}

/** Runs `work` on the connection, then `done`, or `undo` if it throws (a failing undo does not hide why). */
async function settle(connection: Sql, work: Work, steps: { done: string; undo: string; savepoints: { count: number } }): Promise<unknown> {
  const scoped = new Proxy(connection, {
    get(target, property, receiver) {
      if (property === "unsafe") return preparedUnsafe(target);
      if (property === "savepoint") {
        return async (...args: unknown[]) => {
          const nested = args.pop() as Work;
          const name = `s${++steps.savepoints.count}`;
          await target.unsafe(`savepoint ${name}`);
          return settle(target, nested, { done: `release savepoint ${name}`, undo: `rollback to savepoint ${name}`, savepoints: steps.savepoints });
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
  let result: unknown;
  try {
    result = await work(scoped);
  } catch (error) {
    await connection.unsafe(steps.undo).catch(() => {});
    throw error;
  }
  await connection.unsafe(steps.done);
  return result;
}
