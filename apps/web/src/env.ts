import { z } from "zod";

const ZWebEnv = z.object({
  DATABASE_URL: z.string().min(1, "DATABASE_URL must point at the Handoff database"),
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be a long random string"),
  HANDOFF_SECRET_KEY: z.string().min(1, "HANDOFF_SECRET_KEY must be set (32 random bytes, base64)"),
  HANDOFF_PUBLIC_URL: z.string().url().optional(),
  HANDOFF_MAX_HOOK_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  /** Set when a reverse proxy in front of Handoff sets X-Forwarded-For; otherwise the header is ignored. */
  HANDOFF_TRUST_PROXY: z
    .enum(["0", "1", "true", "false"])
    .default("0")
    .transform((value) => value === "1" || value === "true"),
  HOST: z.string().default("127.0.0.1"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HANDOFF_VERSION: z.string().default("0.1.0"),
});

export type WebEnv = z.infer<typeof ZWebEnv>;

let cached: WebEnv | undefined;

/** Parsed on first use, not at import, so `next build` needs no runtime configuration. */
export function readWebEnv(): WebEnv {
  if (cached) return cached;
  const parsed = ZWebEnv.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid web configuration:\n  ${problems.join("\n  ")}`);
  }
  cached = parsed.data;
  return cached;
}
