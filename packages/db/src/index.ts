export * from "./client";
export * from "./migrate";
export * as schema from "./schema";
export * from "./schema";
export { sql, eq, and, or, not, desc, asc, gt, gte, lt, lte, inArray, isNull, isNotNull, count } from "drizzle-orm";
