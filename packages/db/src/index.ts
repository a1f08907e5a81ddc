export * from "./client";
export * from "./migrate";
export * as schema from "./schema";
export * from "./schema";
export { and, asc, count, desc, eq, gt, gte, ilike, inArray, isNotNull, isNull, lt, lte, not, or, sql } from "drizzle-orm";
