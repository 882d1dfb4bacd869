import { createRouter } from "../../trpc";
import { getRunProcedure } from "./get-run";
import { listRunsProcedure } from "./list-runs";
import { cancelRunProcedure, replayRunProcedure, retryManyProcedure, retryRunProcedure } from "./operate-runs";

export const runsRouter = createRouter({
  list: listRunsProcedure,
  get: getRunProcedure,
  retry: retryRunProcedure,
  retryMany: retryManyProcedure,
  replay: replayRunProcedure,
  cancel: cancelRunProcedure,
});
