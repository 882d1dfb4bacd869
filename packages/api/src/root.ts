import { workspaceRouter } from "./routers/workspace";
import { createRouter } from "./trpc";

export const appRouter = createRouter({
  workspace: workspaceRouter,
});

export type AppRouter = typeof appRouter;
