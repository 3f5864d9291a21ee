// Where the synth writes: it stages everything in a folder inside the output folder (so the final
// renames stay on one filesystem, even when cdktf.out is a link or a mount), checks every target,
// and only then moves the files into place. Anything else in the output folder (state files,
// .terraform, a lock file) is left alone.
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";

/** Files the synth writes in a stack folder. */
const GENERATED = ["cdk.tf.json", "cdk.tf", "metadata.json"];
const STAGING_PREFIX = ".staging-";

/** A problem with the output folder, with a message ready to print. */
export class OutputFolderError extends Error {}

/** Creates `outdir` if needed and a fresh staging folder inside it. */
export function createStaging(outdir: string): string {
  if (existsSync(outdir) && !statSync(outdir).isDirectory()) {
    throw new OutputFolderError(`${outdir}: is not a folder; set CDKTF_OUTDIR to a folder for the synthesized stacks.`);
  }
  try {
    mkdirSync(outdir, { recursive: true });
    removeAbandonedStaging(outdir);
    return mkdtempSync(join(outdir, `${STAGING_PREFIX}${process.pid}-`));
  } catch (err) {
    throw new OutputFolderError(`${outdir}: cannot write the synthesized stacks there (${(err as NodeJS.ErrnoException).code ?? String(err)}); set CDKTF_OUTDIR to a writable folder.`);
  }
}

/** Moves the staged stacks into `outdir`, manifest last; checks every target before moving any. */
export function publish(staging: string, outdir: string): void {
  const stagedStacks = join(staging, "stacks");
  const targetStacks = join(outdir, "stacks");
  const names = readdirSync(stagedStacks);
  for (const name of names) {
    const target = join(targetStacks, name);
    if (existsSync(target) && !lstatSync(target).isDirectory()) throw new OutputFolderError(`${target}: is not a folder; move it away and synthesize again.`);
    for (const file of GENERATED) {
      const path = join(target, file);
      if (existsSync(path) && !lstatSync(path).isFile()) throw new OutputFolderError(`${path}: is not a file; move it away and synthesize again.`);
    }
  }
  for (const name of names) {
    const target = join(targetStacks, name);
    mkdirSync(target, { recursive: true });
    removeGenerated(target);
    for (const file of readdirSync(join(stagedStacks, name))) renameSync(join(stagedStacks, name, file), join(target, file));
  }
  // Stacks no longer in the config: drop what the synth wrote, keep any state file left there.
  // The folder stays: `cdktf synth` lists the folders before running this and removes orphans itself.
  for (const entry of readdirSync(targetStacks, { withFileTypes: true })) {
    if (entry.isDirectory() && !names.includes(entry.name)) removeGenerated(join(targetStacks, entry.name));
  }
  renameSync(join(staging, "manifest.json"), join(outdir, "manifest.json"));
}

function removeGenerated(stackDir: string): void {
  for (const file of GENERATED) {
    const path = join(stackDir, file);
    if (existsSync(path) && lstatSync(path).isFile()) rmSync(path);
  }
}

/** Staging folders of synths that were interrupted (their process is gone). */
function removeAbandonedStaging(outdir: string): void {
  for (const name of readdirSync(outdir)) {
    const pid = Number(/^\.staging-(\d+)-/.exec(name)?.[1]);
    if (pid && !isRunning(pid)) rmSync(join(outdir, name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
