import type { Database } from "@parley/db";

/**
 * A hot statement built once per database (or transaction) and then only run, with its
 * values as placeholders: Drizzle's query builder costs more Node time than the database
 * spends answering a small query, and the send path runs several per message.
 */
export function preparedPerDatabase<Statement>(build: (db: Database) => Statement): (db: Database) => Statement {
  const built = new WeakMap<Database, Statement>();
  return (db) => {
    let statement = built.get(db);
    if (!statement) {
      statement = build(db);
      built.set(db, statement);
    }
    return statement;
  };
}
