// One drizzle for the whole repository: other packages take its query helpers from here.
export { and, asc, count, desc, eq, gt, gte, inArray, isNull, lt, lte, ne, or, type SQL, sql } from "drizzle-orm";
export { type CreateDbOptions, createDb, type Database, type DbHandle } from "./client";
export * as schema from "./schema";
