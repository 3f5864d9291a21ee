// Runs `aws` and `kubectl` (for their versions and the reads only) with a hard time limit.
import { execFile } from "node:child_process";

export interface CommandOutcome {
  /** The executable is not on PATH. */
  readonly missing: boolean;
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
    execFile(command, args, { env, timeout: timeoutMs, killSignal: "SIGKILL", maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const failure = error as (NodeJS.ErrnoException & { killed?: boolean; code?: number | string }) | null;
      resolve({
        missing: failure?.code === "ENOENT",
        timedOut: failure?.killed === true,
        code: failure === null ? 0 : typeof failure.code === "number" ? failure.code : null,
        stdout: String(stdout),
        stderr: String(stderr),
      });
    });
  });
}
