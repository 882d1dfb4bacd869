import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { CLIENT_ADDRESS_HEADER } from "@handoff/auth/next-auth";
import { checkSecretKey } from "@handoff/services";
import next from "next";
import { readWebEnv } from "./src/env";
import { clientAddressOf } from "./src/server/client-address";
import { getDb } from "./src/server/db";
import { APP_HOOK_PATH, createAppHookHandler, createHookHandler, HOOK_PATH } from "./src/server/hook-handler";
import { getSecretBox } from "./src/server/secret-box";

/**
 * The production web server: Next.js behind a plain Node HTTP server, so that the process can
 * stop cleanly on SIGTERM and exit when the `handoff start` supervisor goes away.
 */
const env = readWebEnv();
// A web server run on its own (not under `handoff start`) checks the key too: a wrong one is a
// clear start-up error, not a connection page that cannot open anything.
await checkSecretKey(getDb(), getSecretBox());
const app = next({ dev: false, dir: fileURLToPath(new URL(".", import.meta.url)), hostname: env.HOST, port: env.PORT });
const handle = app.getRequestHandler();
await app.prepare();

const hookOptions = {
  db: getDb(),
  secretBox: getSecretBox(),
  maxBodyBytes: env.HANDOFF_MAX_HOOK_BODY_BYTES,
  publicUrl: env.HANDOFF_PUBLIC_URL,
  onError: (hookId: string, error: unknown) =>
    process.stderr.write(`hook ${hookId}: ${error instanceof Error ? error.stack : String(error)}\n`),
};
const handleHookRequest = createHookHandler(hookOptions);
const handleAppHookRequest = createAppHookHandler(hookOptions);

const server = createServer((req, res) => {
  // Whatever a client sent in this header is replaced: sign-in rate limits count per real address.
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(req, env.HANDOFF_TRUST_PROXY);
  const appHook = req.method === "POST" ? APP_HOOK_PATH.exec(req.url ?? "") : null;
  if (appHook?.[1]) return void handleAppHookRequest(req, res, appHook[1]);
  const hook = req.method === "POST" ? HOOK_PATH.exec(req.url ?? "") : null;
  if (hook?.[1]) return void handleHookRequest(req, res, hook[1]);
  void handle(req, res);
});
server.listen(env.PORT, env.HOST, () => process.stdout.write(`web app listening on http://${env.HOST}:${env.PORT}\n`));

let closing = false;
function shutdown() {
  if (closing) return;
  closing = true;
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
process.on("disconnect", shutdown);
