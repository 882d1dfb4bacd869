import { appRouter } from "@handoff/api";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getSessionMember } from "~/server/auth";
import { getDb } from "~/server/db";

const handler = (request: Request) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: async () => ({ db: getDb(), member: await getSessionMember() }),
  });

export { handler as GET, handler as POST };
