import { createRouter } from "../../trpc";

export const membersRouter = createRouter({});
