import { createSecretBox, type SecretBox } from "@handoff/auth";
import { readWebEnv } from "~/env";

let box: SecretBox | undefined;

export function getSecretBox(): SecretBox {
  box ??= createSecretBox(readWebEnv().HANDOFF_SECRET_KEY);
  return box;
}
