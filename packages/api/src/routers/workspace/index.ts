import { createRouter } from "../../trpc";
import { getOverviewProcedure } from "./get-overview";
import { getSettingsProcedure } from "./get-settings";
import { getSyncReviewProcedure } from "./get-sync-review";
import { updateSettingsProcedure } from "./update-settings";

export const workspaceRouter = createRouter({
  overview: getOverviewProcedure,
  settings: getSettingsProcedure,
  updateSettings: updateSettingsProcedure,
  syncReview: getSyncReviewProcedure,
});
