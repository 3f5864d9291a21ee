// Runs `aws` and `kubectl` (for their versions and the reads only) with a hard time limit.
import { execFile } from "node:child_process";

export interface CommandOutcome {
  /** The executable is not on PATH. */
  readonly missing: boolean;
  /** Found but could not be started, e.g. "EACCES" (not executable); undefined otherwise. */
  readonly spawnError?: string;
  /** Killed after the time limit. */
  readonly timedOut: boolean;
  /** Exit code; null when killed or missing. */
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `env` is passed explicitly (PATH included) so that callers, and tests, decide what the child sees. */
export function runCommand(command: string, args: string[], timeoutMs: number, env: NodeJS.ProcessEnv): Promise<CommandOutcome> {
  return new Promise((resolve) => {
    const callback = (error: Error | null, stdout: string | Buffer, stderr: string | Buffer) => {
      const failure = error as (NodeJS.ErrnoException & { killed?: boolean; code?: number | string; syscall?: string }) | null;
      // Spawn failures carry a string code and a "spawn" syscall; a non-zero exit, a number.
      const spawnFailed = typeof failure?.code === "string" && failure.code !== "ENOENT" && failure.syscall?.startsWith("spawn") === true;
      resolve({
        missing: failure?.code === "ENOENT",
        spawnError: spawnFailed ? String(failure?.code) : undefined,
        timedOut: failure?.killed === true,
        code: failure === null ? 0 : typeof failure.code === "number" ? failure.code : null,
        stdout: String(stdout),
        stderr: String(stderr),
      });
    };
    try {
      execFile(command, args, { env, timeout: timeoutMs, killSignal: "SIGKILL", maxBuffer: 64 * 1024 * 1024 }, callback);
    } catch (error) {
      // Invalid arguments (a NUL byte, say) throw before any process starts: report, do not crash.
      const code = (error as { code?: unknown } | null)?.code;
      callback(Object.assign(new Error(String(error)), { code: typeof code === "string" ? code : "ERR_SPAWN", syscall: "spawn" }), "", "");
    }
  });
}
