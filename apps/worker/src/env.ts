import { hostname } from "node:os";
import { z } from "zod";

const ZWorkerEnv = z.object({
  DATABASE_URL: z.string().min(1, "DATABASE_URL must point at the Handoff database"),
  /** Opens connection credentials; the same key the web app seals them with. */
  HANDOFF_SECRET_KEY: z.string().min(1, "HANDOFF_SECRET_KEY must be set: it opens the saved connections"),
  HANDOFF_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(10),
  HANDOFF_WORKER_ID: z.string().min(1).default(`${hostname()}:${process.pid}`),
  HANDOFF_VERSION: z.string().default("0.1.0"),
  /** How often a worker says it is alive, and how long a silent one has before its jobs are released. */
  HANDOFF_WORKER_HEARTBEAT_MS: z.coerce.number().int().min(100).default(5_000),
  HANDOFF_WORKER_STALE_AFTER_MS: z.coerce.number().int().min(1_000).default(30_000),
  /** Where people reach Handoff: links in e-mails (the weekly sync review) point there. */
  HANDOFF_PUBLIC_URL: z.url("HANDOFF_PUBLIC_URL must be a URL, e.g. https://handoff.example.com").optional(),
});

export type WorkerEnv = z.infer<typeof ZWorkerEnv>;

/** The worker's whole configuration, read once at start-up. */
export function readWorkerEnv(source: NodeJS.ProcessEnv = process.env): WorkerEnv {
  const parsed = ZWorkerEnv.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid worker configuration:\n  ${problems.join("\n  ")}`);
  }
  return parsed.data;
}
