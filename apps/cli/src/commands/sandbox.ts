import { defaultSandboxProviders, startSandboxServer } from "@handoff/sandbox";

/** `handoff sandbox serve`: the local provider emulators, until stopped. */
export async function sandboxServeCommand(options: { port: string; host?: string }): Promise<void> {
  const server = await startSandboxServer({
    port: Number(options.port),
    host: options.host ?? "127.0.0.1",
    providers: defaultSandboxProviders(),
  });
  process.stdout.write(`sandbox emulators listening on ${server.url}\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  process.on("disconnect", stop);
}
