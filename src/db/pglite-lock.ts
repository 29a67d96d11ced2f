// One process at a time in a PGlite data directory. PGlite runs PostgreSQL inside the process
// with no server to arbitrate, so two processes writing the same files would corrupt them. A
// lock file holding the owner's pid is created exclusively; one left by a process that no longer
// runs is taken over.
import fs from "node:fs";
import path from "node:path";
import { ConfigError } from "../config.ts";

const LOCK_FILE = "newsgraph.lock";

/** Whether a process with this pid runs (one of another user counts). */
export function isProcessRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the directory's lock; returns the function that releases it. */
export function lockDataDirectory(dataDir: string): () => void {
  const lockPath = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, `${process.pid}\n`, { flag: "wx" });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(lockPath, "utf8").trim() === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = Number.parseInt(fs.readFileSync(lockPath, "utf8"), 10);
    if (Number.isInteger(owner) && owner !== process.pid && isProcessRunning(owner)) {
      throw new ConfigError(
        `The embedded database in ${dataDir} is open in another newsgraph process (pid ${owner}). ` +
          "Stop that process, or give this one its own PGLITE_DIR (or DATABASE_URL for a shared PostgreSQL).",
      );
    }
    // Left by a process that has ended (or by this one): remove it and try again.
    fs.rmSync(lockPath, { force: true });
  }
  throw new ConfigError(`Cannot take the lock ${lockPath}; another process keeps recreating it.`);
}
