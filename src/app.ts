// From a validated config to a cdktf App with one JumphostStack per config stack.
import { App } from "cdktf";
import { StackSynthesizer } from "cdktf/lib/synthesize/synthesizer";
import type { JumphostConfig } from "./config/types";
import { MAX_POLICIES_PER_PRINCIPAL } from "./describe-cluster-policy";
import { JumphostStack } from "./jumphost-stack";
import { ValidationError } from "./validation-error";

export interface BuildAppOptions {
  readonly outdir: string;
  /** Write cdk.tf instead of cdk.tf.json; $SYNTH_HCL_OUTPUT, when set, wins (as in cdktf's App). @default false */
  readonly hclOutput?: boolean;
}

export function buildApp(config: JumphostConfig, options: BuildAppOptions): { app: App; stacks: JumphostStack[] } {
  // stackTraces off: cdktf otherwise records a stack trace for every token (a third of synth time).
  const env = process.env.SYNTH_HCL_OUTPUT;
  const hclOutput = env !== undefined ? env === "true" : (options.hclOutput ?? false);
  const app = new App({ outdir: options.outdir, hclOutput, stackTraces: false });
  const stacks = config.stacks.map(({ name, ...props }) => new JumphostStack(app, name, props));
  // The App picks the file name from hclOutput; each stack's synthesizer picks the content, but
  // reads only $SYNTH_HCL_OUTPUT and ignores App({ hclOutput }). Give it the same decision.
  for (const stack of stacks) {
    const continueOnErrors = process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS !== undefined;
    stack.synthesizer = new StackSynthesizer(stack, continueOnErrors, hclOutput);
  }
  checkPoliciesAcrossStacks(stacks);
  return { app, stacks };
}

/**
 * IAM's 10 managed policies per principal count across stacks that change the same account (known
 * from assumeRoleArn; stacks without it are taken to share the default credentials' account).
 */
function checkPoliciesAcrossStacks(stacks: JumphostStack[]): void {
  const totals = new Map<string, { label: string; count: number; stacks: string[] }>();
  for (const stack of stacks) {
    for (const [key, { label, count }] of stack.policiesPerPrincipal) {
      const id = `${stack.account ?? ""}|${key.toLowerCase()}`;
      const total = totals.get(id) ?? { label, count: 0, stacks: [] };
      total.count += count;
      total.stacks.push(stack.node.id);
      totals.set(id, total);
    }
  }
  for (const { label, count, stacks: names } of totals.values()) {
    if (count > MAX_POLICIES_PER_PRINCIPAL) {
      throw new ValidationError(
        `${label} gets ${count} eks:DescribeCluster policies across stacks ${names.map((n) => JSON.stringify(n)).join(", ")} of one account; IAM attaches at most ${MAX_POLICIES_PER_PRINCIPAL} managed policies to one principal. Set "describeClusterPolicy": false on some of its clusters, or give them fewer stacks.`,
      );
    }
  }
}
