import { createHmac, timingSafeEqual } from "node:crypto";
import type { WebhookVerifyInput, WebhookVerifyResult } from "../triggers/webhook";

export type SignatureEncoding = "hex" | "base64";

const HEX = /^[0-9a-f]+$/i;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export function signHmacSha256(secret: string | Buffer, content: string | Buffer, encoding: SignatureEncoding): string {
  return createHmac("sha256", secret).update(content).digest(encoding);
}

/** Buffer.from(…, "hex") silently stops at the first bad character, so check the alphabet first. */
function decodeSignature(signature: string, encoding: SignatureEncoding): Buffer | undefined {
  const pattern = encoding === "hex" ? HEX : BASE64;
  if (!pattern.test(signature)) return undefined;
  return Buffer.from(signature, encoding);
}

export interface VerifyHmacSha256Options {
  secret: string | Buffer;
  /** Exactly what the provider signed: usually the raw body bytes. */
  content: string | Buffer;
  signature: string;
  encoding: SignatureEncoding;
}

/** Constant-time check of one signature; a wrong length is refused before timingSafeEqual, which throws on it. */
export function verifyHmacSha256(options: VerifyHmacSha256Options): WebhookVerifyResult {
  const provided = decodeSignature(options.signature.trim(), options.encoding);
  if (!provided) return { ok: false, reason: `signature is not ${options.encoding}` };
  const expected = createHmac("sha256", options.secret).update(options.content).digest();
  if (provided.length !== expected.length) {
    return { ok: false, reason: `signature has ${provided.length} bytes; an HMAC-SHA256 has ${expected.length}` };
  }
  return timingSafeEqual(provided, expected) ? { ok: true } : { ok: false, reason: "signature does not match" };
}

export interface HmacSha256VerifierOptions {
  /** Lower-case header name, e.g. `x-cal-signature-256`. */
  header: string;
  encoding: SignatureEncoding;
  /** Text before the signature in the header, e.g. `sha256=`. */
  prefix?: string;
  /** Defaults to the raw body; schemes that sign a timestamp or the URL build their string here. */
  signedContent?: (input: WebhookVerifyInput<unknown>) => string | Buffer;
  /** What to do when the hook has no secret: `accept` for optional signing, `reject` when the provider always signs. */
  withoutSecret: "accept" | "reject";
}

/** A ready-made `verify` for the common "HMAC-SHA256 of the body in one header" scheme. */
export function hmacSha256Verifier(
  options: HmacSha256VerifierOptions,
): <TProps>(input: WebhookVerifyInput<TProps>) => WebhookVerifyResult {
  const header = options.header.toLowerCase();
  return (input) => {
    if (input.secret === undefined || input.secret === "") {
      return options.withoutSecret === "accept"
        ? { ok: true }
        : { ok: false, reason: "no signing secret is configured for this hook" };
    }
    const value = input.headers[header];
    if (value === undefined || value.trim() === "") return { ok: false, reason: `missing ${header} header` };
    const prefix = options.prefix ?? "";
    const trimmed = value.trim();
    if (!trimmed.startsWith(prefix)) return { ok: false, reason: `${header} header does not start with "${prefix}"` };
    return verifyHmacSha256({
      secret: input.secret,
      content: options.signedContent ? options.signedContent(input) : input.rawBody,
      signature: trimmed.slice(prefix.length),
      encoding: options.encoding,
    });
  };
}
