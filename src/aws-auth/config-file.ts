// Reading and writing the --merge target. The write is atomic (a temporary file in the same
// folder, then a rename), so an interrupted run never leaves a half-written config behind.
// A symbolic link is followed: the rename replaces the file it points to, not the link itself.
import { randomBytes } from "node:crypto";
import { accessSync, chmodSync, constants, lstatSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { AwsAuthInputError, osReason } from "./errors";
import { MAX_INPUT_BYTES, readFailure } from "./input-file";

/** The --merge target after the checks: the file the write will replace. */
export interface MergeTarget {
  /** The file itself, with symbolic links resolved. */
  readonly real: string;
  /** True when the given name is a symbolic link. */
  readonly viaLink: boolean;
}

/**
 * Checks, before anything is printed, that `file` is an existing regular file whose folder can
 * take the temporary file; throws AwsAuthInputError naming `file` and the reason otherwise.
 */
export function checkMergeTarget(file: string): MergeTarget {
  const real = realTarget(file);
  const stat = statSync(real);
  if (!stat.isFile()) throw new AwsAuthInputError(`${file}: is not a regular file; --merge needs a JSON config file.`);
  if (stat.size > MAX_INPUT_BYTES) throw new AwsAuthInputError(`${file}: is over 10 MB; --merge needs a JSON config file.`);
  try {
    accessSync(dirname(real), constants.W_OK);
  } catch (error) {
    throw new AwsAuthInputError(`${file}: cannot write to its folder ${dirname(real)}: ${osReason(error)}. Nothing was written.`);
  }
  return { real, viaLink: lstatSync(file).isSymbolicLink() };
}

/** Writes `text` to `file` (through links) via a temporary sibling and a rename, keeping the file's mode. */
export function writeFileAtomic(file: string, text: string): void {
  const real = realTarget(file);
  // A random part, so a temporary file left by a killed run with the same pid is no obstacle.
  const temporary = join(dirname(real), `.${basename(real)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    writeFileSync(temporary, text, { flag: "wx" });
    chmodSync(temporary, statSync(real).mode);
    renameSync(temporary, real);
  } catch (error) {
    removeQuietly(temporary);
    throw new AwsAuthInputError(`${file}: cannot write: ${osReason(error)}. Nothing was written; the file is unchanged.`);
  }
}

/** The config as the file's JSON text, 2-space indented with a final newline. */
export function configText(config: unknown): string {
  return `${JSON.stringify(config, null, 2)}\n`;
}

function realTarget(file: string): string {
  try {
    return realpathSync(file);
  } catch (error) {
    throw new AwsAuthInputError(`${file}: ${readFailure(error)}`);
  }
}

// Cleanup after a failure must not hide that failure's message.
function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // The failure being reported matters more than a stray temporary file.
  }
}
