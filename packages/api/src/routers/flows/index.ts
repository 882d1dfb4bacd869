import { createRouter } from "../../trpc";
import { catalogProcedure } from "./catalog";
import { createFlowProcedure } from "./create-flow";
import { deleteFlowProcedure } from "./delete-flow";
import { duplicateFlowProcedure } from "./duplicate-flow";
import { editDraftProcedure } from "./edit-draft";
import { getFlowProcedure } from "./get-flow";
import { setHookSecretProcedure } from "./hook-secret";
import { listFlowsProcedure } from "./list-flows";
import { loadOptionsProcedure } from "./load-options";
import { nextFireTimesProcedure } from "./next-fire-times";
import { publishFlowProcedure } from "./publish-flow";
import { renameFlowProcedure } from "./rename-flow";
import { rollbackFlowProcedure } from "./rollback-flow";
import { setFlowStatusProcedure } from "./set-flow-status";
import { startTestRunProcedure, testRunResultProcedure } from "./test-run";
import { getVersionProcedure, listVersionsProcedure } from "./versions";

export const flowsRouter = createRouter({
  list: listFlowsProcedure,
  get: getFlowProcedure,
  catalog: catalogProcedure,
  create: createFlowProcedure,
  rename: renameFlowProcedure,
  duplicate: duplicateFlowProcedure,
  delete: deleteFlowProcedure,
  setStatus: setFlowStatusProcedure,
  editDraft: editDraftProcedure,
  publish: publishFlowProcedure,
  versions: listVersionsProcedure,
  version: getVersionProcedure,
  rollback: rollbackFlowProcedure,
  testRun: startTestRunProcedure,
  testRunResult: testRunResultProcedure,
  options: loadOptionsProcedure,
  nextFireTimes: nextFireTimesProcedure,
  setHookSecret: setHookSecretProcedure,
});
