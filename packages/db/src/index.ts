export * from "./client";
export * from "./migrate";
export * as schema from "./schema";
export * from "./schema";
export { and, asc, count, desc, eq, getTableColumns, gt, gte, ilike, inArray, isNotNull, isNull, lt, lte, max, not, or, sql } from "drizzle-orm";
