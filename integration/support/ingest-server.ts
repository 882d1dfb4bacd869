import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createSecretBox } from "@handoff/auth";
import type { Database } from "@handoff/db";
import {
  APP_HOOK_PATH,
  createAppHookHandler,
  createHookHandler,
  HOOK_PATH,
} from "../../apps/web/src/server/hook-handler";

/** The web app's hook endpoint, served alone: the same handler `server.ts` puts before Next.js. */
export async function startIngestServer(db: Database, maxBodyBytes = 64 * 1024, secretKey?: string) {
  const secretBox = createSecretBox(secretKey ?? randomBytes(32).toString("base64"));
  const handle = createHookHandler({ db, secretBox, maxBodyBytes });
  const handleApp = createAppHookHandler({ db, secretBox, maxBodyBytes });
  const server = createServer((req, res) => {
    const appHook = req.method === "POST" ? APP_HOOK_PATH.exec(req.url ?? "") : null;
    if (appHook?.[1]) return void handleApp(req, res, appHook[1]);
    const hook = req.method === "POST" ? HOOK_PATH.exec(req.url ?? "") : null;
    if (hook?.[1]) return void handle(req, res, hook[1]);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    secretBox,
    post: async (hookId: string, body: string | object, headers: Record<string, string> = {}) => {
      const response = await fetch(`${url}/api/hooks/${hookId}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: typeof body === "string" ? body : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
