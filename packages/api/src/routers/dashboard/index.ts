import { createRouter } from "../../trpc";
import { syncHealthProcedure } from "./sync-health";

export const dashboardRouter = createRouter({
  syncHealth: syncHealthProcedure,
});
