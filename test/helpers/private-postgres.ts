// A throwaway PostgreSQL cluster owned by one test file: initdb into a temporary directory, a
// port of its own on 127.0.0.1, and a socket directory inside the temporary directory, so the
// fault tests can stop, crash and restart it without touching any PostgreSQL already running
// on the machine (the system one on 5432 belongs to other people).
//
// initdb and postgres refuse to run as root, so under root every command runs as the `postgres`
// OS user through runuser, in a directory that user owns.
import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { isProcessRunning } from "../../src/db/pglite-lock.ts";

const run = promisify(execFile);

/** Long enough for a cluster to start on a loaded two-core machine, short enough to fail clearly. */
const PG_CTL_WAIT_SECONDS = 60;

export type StopMode = "smart" | "fast" | "immediate";

interface Binaries {
  initdb: string;
  pgCtl: string;
  postgres: string;
}

/** How commands run: directly, or as another OS user when this process is root. */
interface Runner {
  /** Prefix put before every PostgreSQL command (empty, or runuser as postgres). */
  prefix: string[];
  /** Owner to give the temporary directory, when it is not this process's user. */
  owner: { uid: number; gid: number } | null;
}

export type PostgresAvailability = { available: true; binaries: Binaries; runner: Runner } | { available: false; reason: string };

function tryExec(file: string, args: string[]): string | null {
  try {
    return execFileSync(file, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
}

function findRunner(): Runner | string {
  if (process.getuid?.() !== 0) return { prefix: [], owner: null };
  const uid = tryExec("id", ["-u", "postgres"]);
  const gid = tryExec("id", ["-g", "postgres"]);
  if (!uid || !gid) return "running as root and there is no `postgres` OS user to run initdb as";
  const runuser = tryExec("sh", ["-c", "command -v runuser"]);
  if (!runuser) return "running as root and runuser is not installed to run initdb as `postgres`";
  return { prefix: [runuser, "-u", "postgres", "--"], owner: { uid: Number(uid), gid: Number(gid) } };
}

/** Synchronous, so `describe.skipIf` can use it while the file is collected. */
export function postgresAvailability(): PostgresAvailability {
  const bindir = tryExec("pg_config", ["--bindir"]);
  if (!bindir) return { available: false, reason: "pg_config is not on PATH (install postgresql, e.g. Debian's postgresql-15)" };
  const binaries: Binaries = {
    initdb: path.join(bindir, "initdb"),
    pgCtl: path.join(bindir, "pg_ctl"),
    postgres: path.join(bindir, "postgres"),
  };
  const missing = Object.values(binaries).filter((file) => !fs.existsSync(file));
  if (missing.length > 0) return { available: false, reason: `PostgreSQL server binaries missing: ${missing.join(", ")}` };
  const runner = findRunner();
  if (typeof runner === "string") return { available: false, reason: runner };
  return { available: true, binaries, runner };
}

/** A port nobody listens on right now; the kernel picks it, so parallel test files do not collide. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface PrivatePostgres {
  readonly port: number;
  /** The `postgres` database as superuser, over TCP (trust authentication). */
  readonly url: string;
  readonly dataDir: string;
  start(): Promise<void>;
  stop(options?: { mode?: StopMode }): Promise<void>;
  /** Stop and start again; the postmaster (and its pid) is new afterwards. */
  restart(options?: { mode?: StopMode }): Promise<void>;
  /** The postmaster's pid while it runs, read from postmaster.pid; null when stopped. */
  pid(): number | null;
  /** The server log, for failure messages. */
  log(): string;
  /** Stops the cluster if it runs (immediately) and removes its directory. */
  destroy(): Promise<void>;
}

/** initdb into a new temporary directory; the cluster is left stopped. */
export async function createPrivatePostgres(): Promise<PrivatePostgres> {
  const availability = postgresAvailability();
  if (!availability.available) throw new Error(`No private PostgreSQL: ${availability.reason}`);
  const { binaries, runner } = availability;

  const root = fs.mkdtempSync(path.join(os.tmpdir(), "newsgraph-pg-"));
  if (runner.owner) fs.chownSync(root, runner.owner.uid, runner.owner.gid);
  fs.chmodSync(root, 0o700);
  const dataDir = path.join(root, "data");
  const logFile = path.join(root, "server.log");
  const port = await freePort();

  const exec = async (file: string, args: string[]) => {
    const [command, ...rest] = [...runner.prefix, file, ...args];
    try {
      await run(command!, rest, { timeout: (PG_CTL_WAIT_SECONDS + 10) * 1000 });
    } catch (error) {
      const { stderr, stdout } = error as { stderr?: string; stdout?: string };
      throw new Error(`${path.basename(file)} ${args.join(" ")} failed: ${stderr || stdout || String(error)}\n${readLog()}`);
    }
  };
  const readLog = () => {
    try {
      return fs.readFileSync(logFile, "utf8");
    } catch {
      return "";
    }
  };
  const pid = (): number | null => {
    try {
      const first = fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0] ?? "";
      const value = Number.parseInt(first, 10);
      return Number.isInteger(value) && isProcessRunning(value) ? value : null;
    } catch {
      return null;
    }
  };

  // Kept where the server reads it on every start, so pg_ctl restart needs no -o.
  // fsync off: the data is disposable and start/stop get faster on a busy disk.
  await exec(binaries.initdb, ["-D", dataDir, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"]);
  fs.appendFileSync(
    path.join(dataDir, "postgresql.conf"),
    [
      "",
      "# newsgraph fault tests: a private cluster",
      `port = ${port}`,
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${root}'`,
      "fsync = off",
      "synchronous_commit = off",
      "full_page_writes = off",
      "",
    ].join("\n"),
  );

  // If the test run dies before afterAll, the postmaster must not outlive it.
  const onExit = () => {
    const running = pid();
    if (running) {
      try {
        process.kill(running, "SIGQUIT");
      } catch {
        // Already gone.
      }
    }
  };
  process.once("exit", onExit);

  const stop = async ({ mode = "fast" }: { mode?: StopMode } = {}) => {
    if (pid() === null) return;
    await exec(binaries.pgCtl, ["stop", "-D", dataDir, "-m", mode, "-w", "-t", String(PG_CTL_WAIT_SECONDS)]);
  };
  const start = async () => {
    if (pid() !== null) return;
    // -l: the postmaster writes to the log file rather than to pg_ctl's stdout, which it would
    // otherwise hold open after pg_ctl exits (and execFile waits for it to close).
    await exec(binaries.pgCtl, ["start", "-D", dataDir, "-l", logFile, "-w", "-t", String(PG_CTL_WAIT_SECONDS)]);
  };

  return {
    port,
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    dataDir,
    start,
    stop,
    async restart(options = {}) {
      await exec(binaries.pgCtl, ["restart", "-D", dataDir, "-l", logFile, "-m", options.mode ?? "fast", "-w", "-t", String(PG_CTL_WAIT_SECONDS)]);
    },
    pid,
    log: readLog,
    async destroy() {
      try {
        await stop({ mode: "immediate" });
      } catch {
        // pg_ctl failed: end the postmaster we started, by its pid; its backends follow it.
        const running = pid();
        if (running) process.kill(running, "SIGKILL");
      }
      process.removeListener("exit", onExit);
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
