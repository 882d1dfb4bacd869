import { connectionProviders } from "@handoff/services";
import { z } from "zod";
import { procedureWith } from "../../trpc";

const ZCredentialField = z.object({
  key: z.string(),
  label: z.string(),
  secret: z.boolean(),
  required: z.boolean(),
  help: z.string().nullable(),
});

export const ZConnectionProvider = z.object({
  key: z.string(),
  name: z.string(),
  category: z.string(),
  methods: z.array(
    z.object({
      kind: z.enum(["api_key", "bearer", "basic", "oauth2"]),
      description: z.string().nullable(),
      fields: z.array(ZCredentialField),
    }),
  ),
});

/** The tools a connection can be made for, and the credential form of each way they connect. */
export const listProvidersProcedure = procedureWith("connections.read")
  .input(z.void())
  .output(z.array(ZConnectionProvider))
  .query(() => connectionProviders());
