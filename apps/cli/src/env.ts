import path from "node:path";
import { z } from "zod";
import { repoRoot } from "./paths";

const ZCliEnv = z.object({
  /** Unset: an embedded PostgreSQL under the data folder. */
  DATABASE_URL: z.string().min(1).optional(),
  HANDOFF_DATA_DIR: z.string().min(1).default(path.join(repoRoot, ".data")),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HANDOFF_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  HANDOFF_SANDBOX_PORT: z.coerce.number().int().min(1).max(65535).default(3100),
  /** The mail emulator's SMTP port (the demo's test e-mail connection sends there). */
  HANDOFF_SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(2525),
  HANDOFF_PUBLIC_URL: z.string().url().optional(),
  HANDOFF_SECRET_KEY: z.string().min(1).optional(),
  NEXTAUTH_SECRET: z.string().min(1).optional(),
  HANDOFF_DEMO_PASSWORD: z.string().min(8).optional(),
  HANDOFF_WORKERS: z.coerce.number().int().min(0).max(16).default(1),
  HANDOFF_VERSION: z.string().default("0.1.0"),
});

export type CliEnv = z.infer<typeof ZCliEnv>;

export function readCliEnv(source: NodeJS.ProcessEnv = process.env): CliEnv {
  // `export DATABASE_URL=` means "not set", not "an empty connection string".
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const parsed = ZCliEnv.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  return { ...parsed.data, HANDOFF_DATA_DIR: path.resolve(parsed.data.HANDOFF_DATA_DIR) };
}
