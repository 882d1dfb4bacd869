import type { AppRouter } from "@handoff/api";
import type { inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<AppRouter>["connections"];

export type Connection = Outputs["list"][number];
export type Provider = Outputs["providers"][number];
export type ConnectionMethod = Provider["methods"][number];
export type CredentialField = ConnectionMethod["fields"][number];
