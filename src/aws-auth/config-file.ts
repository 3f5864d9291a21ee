// Reading and writing the --merge target. The write is atomic (a temporary file in the same
// folder, then a rename), so an interrupted run never leaves a half-written config behind.
import { chmodSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** Writes `text` to `file` through a temporary sibling and a rename, keeping the file's mode. */
export function writeFileAtomic(file: string, text: string): void {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text, { flag: "wx" });
    chmodSync(temporary, statSync(file).mode);
    renameSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** The config as the file's JSON text, 2-space indented with a final newline. */
export function configText(config: unknown): string {
  return `${JSON.stringify(config, null, 2)}\n`;
}
