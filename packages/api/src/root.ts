import { accountRouter } from "./routers/account";
import { attentionRouter } from "./routers/attention";
import { auditRouter } from "./routers/audit";
import { connectionsRouter } from "./routers/connections";
import { customersRouter } from "./routers/customers";
import { flowsRouter } from "./routers/flows";
import { membersRouter } from "./routers/members";
import { runsRouter } from "./routers/runs";
import { workspaceRouter } from "./routers/workspace";
import { createRouter } from "./trpc";

export const appRouter = createRouter({
  account: accountRouter,
  attention: attentionRouter,
  audit: auditRouter,
  connections: connectionsRouter,
  customers: customersRouter,
  flows: flowsRouter,
  members: membersRouter,
  runs: runsRouter,
  workspace: workspaceRouter,
});

export type AppRouter = typeof appRouter;
