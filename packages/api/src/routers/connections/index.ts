import { createRouter } from "../../trpc";

export const connectionsRouter = createRouter({});
