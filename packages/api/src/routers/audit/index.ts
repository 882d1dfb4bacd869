import { createRouter } from "../../trpc";

export const auditRouter = createRouter({});
