export type { ApiContext } from "./context";
export { type AppRouter, appRouter } from "./root";
export { createCallerFactory, type ProcedureMeta } from "./trpc";
