import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { createSecretBox } from "@handoff/auth";
import { rotateSecretKey } from "@handoff/services";
import type { Command } from "commander";
import { readCliEnv } from "../env";
import { printJson, withServices } from "../with-services";

/**
 * `handoff rotate-key`: every stored secret re-sealed under a new key in one transaction. On the
 * embedded default the key file is replaced (the old one kept beside it); with
 * HANDOFF_SECRET_KEY the new key is printed once, to be set on every host.
 */
export function registerRotateKeyCommand(program: Command): void {
  program
    .command("rotate-key")
    .description("re-encrypt every stored credential under a new key (one transaction), then restart Handoff")
    .option("--new-key <base64>", "the new key (32 bytes, base64); generated when omitted")
    .action((options: { newKey?: string }) =>
      withServices(async ({ db, secretBox }) => {
        const env = readCliEnv();
        const newKey = options.newKey ?? randomBytes(32).toString("base64");
        const to = createSecretBox(newKey);
        const result = await rotateSecretKey({ db, from: secretBox, to });
        const keyFile = path.join(env.HANDOFF_DATA_DIR, "secret.key");
        if (!env.HANDOFF_SECRET_KEY && existsSync(keyFile)) {
          const previous = `${keyFile}.previous-${result.fromKeyId}`;
          await rename(keyFile, previous);
          await writeFile(keyFile, newKey, { mode: 0o600 });
          printJson({ ...result, keyFile, previousKeyFile: previous });
          process.stderr.write(
            `The new key is in ${keyFile}: back it up, then restart Handoff. The old key is kept in ${previous}.\n`,
          );
          return;
        }
        printJson(result);
        process.stderr.write(
          `New key (shown once): ${newKey}\nSet HANDOFF_SECRET_KEY to it on every host, then restart Handoff.\n`,
        );
      }),
    );
}
