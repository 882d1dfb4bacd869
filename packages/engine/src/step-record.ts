/** Step outputs larger than this are stored truncated, with a marker, never silently dropped. */
export const DEFAULT_MAX_OUTPUT_BYTES = 64 * 1024;

export const REDACTED = "[redacted]";

export interface CappedOutput {
  value: unknown;
  truncated: boolean;
  originalBytes: number;
}

/**
 * Keeps a step's output within the size the history can afford. An oversized output becomes a
 * marker object holding the start of its JSON, so a person can still see what it was.
 */
export function capOutput(value: unknown, maxBytes = DEFAULT_MAX_OUTPUT_BYTES): CappedOutput {
  const json = JSON.stringify(value ?? null);
  const originalBytes = Buffer.byteLength(json, "utf8");
  if (originalBytes <= maxBytes) return { value: value ?? null, truncated: false, originalBytes };
  // The preview is itself JSON-escaped inside the marker, so shrink it until the marker fits.
  let budget = maxBytes - 128;
  for (;;) {
    const preview = Buffer.from(json, "utf8").subarray(0, Math.max(0, budget)).toString("utf8");
    const marker = { __truncated: true, originalBytes, preview };
    const overshoot = Buffer.byteLength(JSON.stringify(marker), "utf8") - maxBytes;
    if (overshoot <= 0 || budget <= 0) return { value: marker, truncated: true, originalBytes };
    budget -= overshoot + 16;
  }
}

const SECRET_KEY_PATTERN = /pass(word)?|secret|token|api[-_]?key|authorization|signature|credential/i;

/**
 * Returns a copy fit for the run history: values under secret-looking keys and any occurrence of
 * a known secret value (e.g. a connection's token interpolated into a header) become "[redacted]".
 */
export function redactSecrets(value: unknown, knownSecrets: readonly string[] = []): unknown {
  const secrets = knownSecrets.filter((secret) => secret.length >= 4);
  const scrubString = (text: string) => secrets.reduce((out, secret) => out.split(secret).join(REDACTED), text);
  const walk = (node: unknown): unknown => {
    if (typeof node === "string") return scrubString(node);
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === "object") {
      return Object.fromEntries(
        Object.entries(node).map(([key, child]) => [
          key,
          SECRET_KEY_PATTERN.test(key) && child !== null ? REDACTED : walk(child),
        ]),
      );
    }
    return node;
  };
  return walk(value);
}
