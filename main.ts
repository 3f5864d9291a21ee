// Entry point of `npm run synth` and `npx cdktf synth` (cdktf.json "app"): reads the config
// ($JUMPHOST_CONFIG or jumphost.config.json) and writes one Terraform stack per config stack.
import { runSynth } from "./src/cli/synth";

export function main(): Promise<number> {
  return runSynth();
}

if (require.main === module) {
  void main().then((code) => {
    process.exitCode = code;
  });
}
