// From a validated config to a cdktf App with one JumphostStack per config stack.
import { App } from "cdktf";
import type { JumphostConfig } from "./config/types";
import { JumphostStack } from "./jumphost-stack";

export interface BuildAppOptions {
  readonly outdir: string;
}

export function buildApp(config: JumphostConfig, options: BuildAppOptions): { app: App; stacks: JumphostStack[] } {
  // stackTraces off: cdktf otherwise records a stack trace for every token (a third of synth time).
  const app = new App({ outdir: options.outdir, stackTraces: false });
  const stacks = config.stacks.map(({ name, ...props }) => new JumphostStack(app, name, props));
  return { app, stacks };
}
