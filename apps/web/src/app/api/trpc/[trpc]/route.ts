import { appRouter } from "@handoff/api";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getSessionMember } from "~/server/auth";
import { getDb } from "~/server/db";
import { publicUrlFor } from "~/server/public-url";
import { getSecretBox } from "~/server/secret-box";

const handler = (request: Request) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: async () => ({
      db: getDb(),
      member: await getSessionMember(),
      secretBox: getSecretBox(),
      publicUrl: publicUrlFor(request),
    }),
  });

export { handler as GET, handler as POST };
