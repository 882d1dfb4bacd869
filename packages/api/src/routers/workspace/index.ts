import { createRouter } from "../../trpc";
import { getOverviewProcedure } from "./get-overview";

export const workspaceRouter = createRouter({
  overview: getOverviewProcedure,
});
