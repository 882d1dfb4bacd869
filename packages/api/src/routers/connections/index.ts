import { createRouter } from "../../trpc";
import { createConnectionProcedure } from "./create-connection";
import { deleteConnectionProcedure } from "./delete-connection";
import { listConnectionsProcedure } from "./list-connections";
import { listProvidersProcedure } from "./list-providers";
import { renameConnectionProcedure } from "./rename-connection";
import { replaceCredentialsProcedure } from "./replace-credentials";

export const connectionsRouter = createRouter({
  list: listConnectionsProcedure,
  providers: listProvidersProcedure,
  create: createConnectionProcedure,
  replaceCredentials: replaceCredentialsProcedure,
  rename: renameConnectionProcedure,
  delete: deleteConnectionProcedure,
});
