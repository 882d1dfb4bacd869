import { createRouter } from "../../trpc";
import { getTemplateProcedure } from "./get-template";
import { installTemplateProcedure } from "./install-template";
import { listTemplatesProcedure } from "./list-templates";

export const templatesRouter = createRouter({
  list: listTemplatesProcedure,
  get: getTemplateProcedure,
  install: installTemplateProcedure,
});
