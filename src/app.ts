// From a validated config to a cdktf App with one JumphostStack per config stack.
import { App } from "cdktf";
import { StackSynthesizer } from "cdktf/lib/synthesize/synthesizer";
import type { JumphostConfig } from "./config/types";
import { JumphostStack } from "./jumphost-stack";

export interface BuildAppOptions {
  readonly outdir: string;
  /** Write cdk.tf instead of cdk.tf.json. cdktf's App lets $SYNTH_HCL_OUTPUT override this. @default false */
  readonly hclOutput?: boolean;
}

export function buildApp(config: JumphostConfig, options: BuildAppOptions): { app: App; stacks: JumphostStack[] } {
  // stackTraces off: cdktf otherwise records a stack trace for every token (a third of synth time).
  const app = new App({ outdir: options.outdir, hclOutput: options.hclOutput ?? false, stackTraces: false });
  const stacks = config.stacks.map(({ name, ...props }) => new JumphostStack(app, name, props));
  // cdktf's stacks read $SYNTH_HCL_OUTPUT themselves and ignore App({ hclOutput }), which then only
  // renames the file: JSON would land in cdk.tf. Give each stack a synthesizer that follows the option.
  for (const stack of stacks) {
    const continueOnErrors = process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS !== undefined;
    stack.synthesizer = new StackSynthesizer(stack, continueOnErrors, options.hclOutput ?? false);
  }
  return { app, stacks };
}
