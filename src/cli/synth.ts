// The main job: config file -> cdktf.out/stacks/<stack>/cdk.tf.json (or cdk.tf with
// SYNTH_HCL_OUTPUT=true). Nothing is written unless the whole config is valid and every stack
// synthesized: output goes to a temporary folder first and is then moved into place.
import { existsSync, readFileSync, readdirSync, rmSync, rmdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildApp } from "../app";
import { ConfigError } from "../config/config-error";
import { configPath, loadConfig } from "../config/load";
import { configWarnings } from "../config/warnings";
import { ValidationError } from "../validation-error";
import { OutputFolderError, createStaging, publish } from "./output-folder";
import { withoutStackTraces } from "./without-stack-traces";

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
  const hcl = io.env.SYNTH_HCL_OUTPUT === "true";
  const outdirExisted = existsSync(outdir);
  try {
    const config = loadConfig(file);
    for (const warning of configWarnings(config, file)) io.err(`warning: ${warning}`);
    const staging = createStaging(outdir);
    try {
      const synthesize = () => {
        const built = buildApp(config, { outdir: staging, hclOutput: hcl });
        built.app.synth();
        return built;
      };
      const { stacks } = io.env.JUMPHOST_DEBUG ? synthesize() : withoutStackTraces(synthesize);
      if (hcl) await formatHcl(staging);
      publish(staging, outdir);
      io.out(`Synthesized ${stacks.length} stack(s) from ${file} to ${join(outdir, "stacks")}: ${stacks.map((s) => s.node.id).join(", ")}`);
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
    return 0;
  } catch (err) {
    // A failed first synth leaves no empty output folder behind.
    if (!outdirExisted && existsSync(outdir) && readdirSync(outdir).length === 0) rmdirSync(outdir);
    io.err(`error: ${describeError(err, file)}`);
    if (io.env.JUMPHOST_DEBUG && err instanceof Error) io.err(err.stack ?? "");
    return 1;
  }
}

function describeError(err: unknown, file: string): string {
  if (err instanceof ConfigError || err instanceof OutputFolderError) return err.message;
  if (err instanceof ValidationError) return `${file}: ${err.message}`;
  const message = err instanceof Error ? err.message : String(err);
  return `unexpected: ${message} (JUMPHOST_DEBUG=1 shows where)`;
}

/** `terraform fmt` style, as `cdktf synth --hcl` does: cdktf's HCL renderer does not indent. */
async function formatHcl(staging: string): Promise<void> {
  const { format } = await import("@cdktf/hcl-tools");
  for (const name of readdirSync(join(staging, "stacks"))) {
    const path = join(staging, "stacks", name, "cdk.tf");
    writeFileSync(path, await format(readFileSync(path, "utf8")));
  }
}
