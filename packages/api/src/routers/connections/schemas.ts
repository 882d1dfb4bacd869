import { z } from "zod";

export const ZEnvironment = z.enum(["test", "live"]);

/** A connection as the browser sees it: a hint of the secret, never the secret. */
export const ZConnectionSummary = z.object({
  id: z.string(),
  provider: z.string(),
  name: z.string(),
  environment: ZEnvironment,
  /** "••••1234" */
  hint: z.string(),
  status: z.string(),
  baseUrl: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

/** Field name → value, as typed into the connection form; checked against the tool's form by the service. */
export const ZCredentialsInput = z.record(z.string().max(64), z.string().max(8192));

export const ZConnectionId = z.object({ id: z.uuid() });
