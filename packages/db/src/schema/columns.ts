import { customType, timestamp } from "drizzle-orm/pg-core";

/** Every timestamp is stored with its time zone and read as a JS Date. */
export const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const createdAt = () => timestamptz("created_at").notNull().defaultNow();
export const updatedAt = () =>
  timestamptz("updated_at")
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

/** PostgreSQL's full-text document type, filled by a generated column. */
export const tsvector = customType<{ data: string }>({
  dataType: () => "tsvector",
});
