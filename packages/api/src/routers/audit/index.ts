import { createRouter } from "../../trpc";
import { filterOptionsProcedure } from "./filter-options";
import { listProcedure } from "./list";

export const auditRouter = createRouter({
  filterOptions: filterOptionsProcedure,
  list: listProcedure,
});
