export type { ApiContext } from "./context";
export { type AppRouter, appRouter } from "./root";
export { listRunsFilters, ZRunFilters } from "./routers/runs/list-runs";
export { TEST_API_SECRET_KEY, testApiContext } from "./testing";
export { createCallerFactory, type ProcedureMeta } from "./trpc";
