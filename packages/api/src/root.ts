import { accountRouter } from "./routers/account";
import { attentionRouter } from "./routers/attention";
import { auditRouter } from "./routers/audit";
import { connectionsRouter } from "./routers/connections";
import { customersRouter } from "./routers/customers";
import { dashboardRouter } from "./routers/dashboard";
import { flowsRouter } from "./routers/flows";
import { membersRouter } from "./routers/members";
import { runsRouter } from "./routers/runs";
import { templatesRouter } from "./routers/templates";
import { workspaceRouter } from "./routers/workspace";
import { createRouter } from "./trpc";

export const appRouter = createRouter({
  account: accountRouter,
  attention: attentionRouter,
  audit: auditRouter,
  connections: connectionsRouter,
  customers: customersRouter,
  dashboard: dashboardRouter,
  flows: flowsRouter,
  members: membersRouter,
  runs: runsRouter,
  templates: templatesRouter,
  workspace: workspaceRouter,
});

export type AppRouter = typeof appRouter;
