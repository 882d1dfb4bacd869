import path from "node:path";
import { type RunningPostgres, startEmbeddedPostgres } from "@handoff/db/embedded-postgres";
import { migrateDatabase } from "@handoff/db/migrate";
import { migrateQueue } from "@handoff/worker";
import { type CliEnv, readCliEnv } from "../env";
import { repoRoot, webDir } from "../paths";
import { buildWeb, webBuildExists } from "../start/build-web";
import { loadOrCreateSecrets } from "../start/data-dir-secrets";
import { type SupervisedProcess, startSupervised, stopSupervised } from "../start/processes";
import { seedDemoIfNew } from "../start/seed-demo";
import { verifySecretKey } from "../start/verify-secret-key";
import { waitForHealth } from "../start/wait-for-health";
import { WORKER_NODE_FLAGS } from "../start/worker-node-flags";

const say = (message: string) => process.stdout.write(`[handoff] ${message}\n`);

/**
 * `npm start`: the whole product on one machine. Builds the web app when needed, starts the
 * embedded PostgreSQL unless DATABASE_URL is set, migrates, seeds the demo workspace, then runs
 * the web app, the worker(s) and the sandbox emulators until Ctrl-C, which stops them all and
 * the database last.
 */
export async function startCommand(options: { rebuild?: boolean }): Promise<void> {
  const env = readCliEnv();
  let postgres: RunningPostgres | undefined;
  const children: SupervisedProcess[] = [];
  let stopping: Promise<void> | undefined;

  const shutdown = (reason: string) => {
    stopping ??= (async () => {
      say(`stopping (${reason})`);
      await Promise.all(children.map((child) => stopSupervised(child)));
      if (postgres) {
        say("stopping PostgreSQL");
        await postgres.stop();
      }
      say("stopped");
    })();
    return stopping;
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => void shutdown(signal).then(() => process.exit(0)));
  }

  try {
    const secrets = await loadOrCreateSecrets(env.HANDOFF_DATA_DIR, {
      secretKey: env.HANDOFF_SECRET_KEY,
      authSecret: env.NEXTAUTH_SECRET,
    });
    if (secrets.secretKeyCreated) {
      say(`generated the key that encrypts connection credentials: ${path.join(env.HANDOFF_DATA_DIR, "secret.key")}`);
      say("back it up: without it, saved connections cannot be read (or set HANDOFF_SECRET_KEY)");
    }
    if (options.rebuild || !webBuildExists()) await buildWeb(say);

    let databaseUrl = env.DATABASE_URL;
    if (databaseUrl) {
      say(`using the PostgreSQL at DATABASE_URL (${new URL(databaseUrl).host})`);
    } else {
      say(`starting the embedded PostgreSQL on port ${env.HANDOFF_PG_PORT} (data in ${env.HANDOFF_DATA_DIR})`);
      postgres = await startEmbeddedPostgres({
        dataDir: env.HANDOFF_DATA_DIR,
        port: env.HANDOFF_PG_PORT,
        onProgress: say,
      });
      databaseUrl = postgres.connectionString;
    }

    say("migrating the database");
    await migrateDatabase(databaseUrl);
    await migrateQueue(databaseUrl);
    await verifySecretKey(databaseUrl, secrets.secretKey);
    const login = env.DATABASE_URL
      ? undefined
      : await seedDemoIfNew({ env, databaseUrl, say, secretKey: secrets.secretKey });

    const publicUrl = env.HANDOFF_PUBLIC_URL ?? `http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${env.PORT}`;
    const childEnv = {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      HANDOFF_SECRET_KEY: secrets.secretKey,
      HANDOFF_VERSION: env.HANDOFF_VERSION,
      HANDOFF_SANDBOX_URL: `http://127.0.0.1:${env.HANDOFF_SANDBOX_PORT}`,
      // Absolute links in what the worker sends (the weekly review e-mail's run links).
      HANDOFF_PUBLIC_URL: publicUrl,
    };
    say("starting the sandbox emulators, the worker and the web app");
    children.push(
      startSupervised({
        name: "sandbox",
        command: process.execPath,
        args: [
          path.join(repoRoot, "apps/cli/bin/handoff.js"),
          "sandbox",
          "serve",
          "--port",
          String(env.HANDOFF_SANDBOX_PORT),
          "--smtp-port",
          String(env.HANDOFF_SMTP_PORT),
        ],
        cwd: repoRoot,
        env: childEnv,
      }),
    );
    for (let i = 1; i <= env.HANDOFF_WORKERS; i++) {
      children.push(
        startSupervised({
          name: env.HANDOFF_WORKERS > 1 ? `worker-${i}` : "worker",
          command: process.execPath,
          args: [...WORKER_NODE_FLAGS, "--import", "tsx", path.join(repoRoot, "apps/worker/src/main.ts")],
          cwd: repoRoot,
          env: { ...childEnv, HANDOFF_WORKER_ID: `worker-${i}@${process.pid}` },
        }),
      );
    }
    children.push(
      startSupervised({
        name: "web",
        command: process.execPath,
        args: ["--import", "tsx", path.join(webDir, "server.ts")],
        cwd: webDir,
        env: {
          ...childEnv,
          HOST: env.HOST,
          PORT: String(env.PORT),
          NEXTAUTH_URL: publicUrl,
          NEXTAUTH_SECRET: secrets.authSecret,
        },
      }),
    );
    for (const child of children) {
      void child.exited.then(({ code, signal }) => {
        if (stopping) return;
        say(`${child.name} exited unexpectedly (${signal ?? `exit code ${code}`}); stopping everything`);
        void shutdown(`${child.name} failed`).then(() => process.exit(1));
      });
    }

    await waitForHealth(`http://127.0.0.1:${env.PORT}/api/health`);
    printReady(env, publicUrl, login);
  } catch (error) {
    say(`could not start: ${error instanceof Error ? error.message : String(error)}`);
    await shutdown("start failed");
    process.exit(1);
  }
}

function printReady(env: CliEnv, publicUrl: string, login: { email: string; password: string } | undefined) {
  say("");
  say(`Handoff is ready at ${publicUrl}`);
  if (login) say(`sign in as ${login.email} with password ${login.password} (demo owner; change it in Settings)`);
  else if (env.DATABASE_URL)
    say(
      "no demo account on an external database: create one with `npx handoff create-user --email you@example.com --role owner`",
    );
  say(`sandbox emulators at http://127.0.0.1:${env.HANDOFF_SANDBOX_PORT} (SMTP on port ${env.HANDOFF_SMTP_PORT})`);
  say("press Ctrl-C to stop");
}
