import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

const VERSION = "v1";
const NONCE_BYTES = 12;

export interface SecretBox {
  /** Short fingerprint of the key, stored with every value so a wrong key is named, not guessed. */
  keyId: string;
  seal(plaintext: string): string;
  open(sealed: string): string;
}

export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretBoxError";
  }
}

/**
 * AES-256-GCM with a fresh random nonce per value. Sealed values read
 * `v1.<keyId>.<nonce>.<ciphertext>.<tag>` (base64url), so rotation can tell which key sealed what.
 */
export function createSecretBox(base64Key: string): SecretBox {
  const key = Buffer.from(base64Key.trim(), "base64");
  if (key.length !== 32) {
    throw new SecretBoxError(
      "HANDOFF_SECRET_KEY must be 32 random bytes, base64-encoded (e.g. `openssl rand -base64 32`)",
    );
  }
  const keyId = createHash("sha256").update(key).digest("hex").slice(0, 8);
  return {
    keyId,
    seal(plaintext) {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv("aes-256-gcm", key, nonce);
      const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return [VERSION, keyId, nonce, ciphertext, cipher.getAuthTag()]
        .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
        .join(".");
    },
    open(sealed) {
      const [version, sealedKeyId, nonce, ciphertext, tag, ...rest] = sealed.split(".");
      if (version !== VERSION || !nonce || ciphertext === undefined || !tag || rest.length > 0) {
        throw new SecretBoxError("This value is not a sealed Handoff secret");
      }
      if (sealedKeyId !== keyId) {
        throw new SecretBoxError(`This secret was sealed with key ${sealedKeyId}, not the configured key ${keyId}`);
      }
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(nonce, "base64url"));
        decipher.setAuthTag(Buffer.from(tag, "base64url"));
        return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString(
          "utf8",
        );
      } catch {
        throw new SecretBoxError("A sealed secret failed its integrity check (tampered or corrupt)");
      }
    },
  };
}
