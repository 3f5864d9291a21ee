// The main job: config file -> cdktf.out/stacks/<stack>/cdk.tf.json (or cdk.tf with
// SYNTH_HCL_OUTPUT=true). Nothing is written unless the whole config is valid and every stack
// synthesized: output goes to a temporary folder first and is then moved into place.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { buildApp } from "../app";
import { configPath, loadConfig } from "../config/load";
import { configWarnings } from "../config/warnings";
import { withoutStackTraces } from "./without-stack-traces";

/** Files the synth writes in a stack folder; everything else there (state, .terraform) is kept. */
const GENERATED = ["cdk.tf.json", "cdk.tf", "metadata.json"];

export interface SynthIo {
  readonly env: NodeJS.ProcessEnv;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

const processIo: SynthIo = {
  env: process.env,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Runs the synth; returns the exit code. Errors are printed as one message, never a stack trace. */
export async function runSynth(io: SynthIo = processIo): Promise<number> {
  const file = configPath(io.env);
  const outdir = io.env.CDKTF_OUTDIR || "cdktf.out";
  try {
    const config = loadConfig(file);
    for (const warning of configWarnings(config, file)) io.err(`warning: ${warning}`);
    const parent = dirname(resolve(outdir));
    mkdirSync(parent, { recursive: true });
    const staging = mkdtempSync(join(parent, `.${basename(outdir)}.tmp-`));
    try {
      const synthesize = () => {
        const built = buildApp(config, { outdir: staging, hclOutput: io.env.SYNTH_HCL_OUTPUT === "true" });
        built.app.synth();
        return built;
      };
      const { stacks } = io.env.JUMPHOST_DEBUG ? synthesize() : withoutStackTraces(synthesize);
      if (io.env.SYNTH_HCL_OUTPUT === "true") await formatHcl(staging);
      publish(staging, outdir);
      io.out(`Synthesized ${stacks.length} stack(s) from ${file} to ${join(outdir, "stacks")}: ${stacks.map((s) => s.node.id).join(", ")}`);
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
    return 0;
  } catch (err) {
    const error = err instanceof Error ? err : new Error(String(err));
    io.err(`error: ${error.message}`);
    if (io.env.JUMPHOST_DEBUG) io.err(error.stack ?? "");
    return 1;
  }
}

/** Moves the staged output into `outdir`, file by file (each rename is atomic), manifest last. */
function publish(staging: string, outdir: string): void {
  const stagedStacks = join(staging, "stacks");
  const targetStacks = join(outdir, "stacks");
  mkdirSync(targetStacks, { recursive: true });
  const names = readdirSync(stagedStacks);
  for (const name of names) {
    const target = join(targetStacks, name);
    mkdirSync(target, { recursive: true });
    removeGenerated(target);
    for (const file of readdirSync(join(stagedStacks, name))) renameSync(join(stagedStacks, name, file), join(target, file));
  }
  // Stacks no longer in the config: drop what the synth wrote, keep any state file left there.
  // The folder stays: `cdktf synth` lists the folders before running this and removes orphans itself.
  for (const name of readdirSync(targetStacks)) {
    if (!names.includes(name)) removeGenerated(join(targetStacks, name));
  }
  renameSync(join(staging, "manifest.json"), join(outdir, "manifest.json"));
}

/** `terraform fmt` style, as `cdktf synth --hcl` does: cdktf's HCL renderer does not indent. */
async function formatHcl(staging: string): Promise<void> {
  const { format } = await import("@cdktf/hcl-tools");
  for (const name of readdirSync(join(staging, "stacks"))) {
    const file = join(staging, "stacks", name, "cdk.tf");
    writeFileSync(file, await format(readFileSync(file, "utf8")));
  }
}

function removeGenerated(stackDir: string): void {
  for (const file of GENERATED) {
    const path = join(stackDir, file);
    if (existsSync(path)) rmSync(path);
  }
}
