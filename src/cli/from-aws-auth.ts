// `npm run from-aws-auth -- FILE [--cluster NAME] [--stack NAME] [--merge CONFIG] [--account ID] [--node-entries]`
// Prints (or merges) the config that gives aws-auth's principals access entries, and reports
// every decision on stderr. Exit codes: 0 ok, 1 bad input, 2 usage error.
import { parseArgs } from "node:util";
import type { JumphostConfig } from "../config/types";
import { inferAccount, type StackAccount } from "../aws-auth/account";
import { choosePlacement, mergePrincipals, newConfig, PlacementError, stackAccount, type Placement } from "../aws-auth/config-output";
import { checkMergeTarget, configText, writeFileAtomic } from "../aws-auth/config-file";
import { AwsAuthInputError } from "../aws-auth/errors";
import { readInputFile } from "../aws-auth/input-file";
import { migrate } from "../aws-auth/migrate";
import { parseAwsAuth, type AwsAuthData } from "../aws-auth/parse";
import { formatReport } from "../aws-auth/report";
import { ConfigError } from "../config/config-error";
import { loadConfig } from "../config/load";
import { validateConfig } from "../config/validate";
import { CLUSTER_NAME, ruleViolation, STACK_NAME, type NameRule } from "../aws-names";

/** Where the CLI writes; tests pass their own. */
export interface CliOutput {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const USAGE = `usage: npm run from-aws-auth -- FILE [--cluster NAME] [--stack NAME] [--merge CONFIG] [--account ID] [--node-entries]
  FILE             output of \`kubectl get configmap aws-auth -n kube-system -o yaml\` (or -o json, or the data map)
  --cluster NAME   EKS cluster the ConfigMap belongs to (required without --merge)
  --stack NAME     stack to put it in (default: the cluster name; with --merge, the only stack or the one holding the cluster)
  --merge CONFIG   add the principals to this config file instead of printing a new config
  --account ID     the cluster's AWS account (default: the node roles' account, or the only account in aws-auth)
  --node-entries   give node roles typed entries (default: leave them in aws-auth, see the report)`;

const PROCESS_OUTPUT: CliOutput = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

class UsageError extends Error {}

/** Runs the command; returns the exit code. */
export function main(argv: string[], output: CliOutput = PROCESS_OUTPUT): number {
  try {
    return run(argv, output);
  } catch (error) {
    if (error instanceof UsageError || error instanceof PlacementError) {
      output.stderr(`from-aws-auth: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof AwsAuthInputError || error instanceof ConfigError) {
      output.stderr(`from-aws-auth: ${error.message}\n`);
      return 1;
    }
    // Our own bug: still one line, no stack trace unless asked for (as the synth does).
    output.stderr(`from-aws-auth: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.JUMPHOST_DEBUG && error instanceof Error) output.stderr(`${error.stack}\n`);
    return 1;
  }
}

function run(argv: string[], output: CliOutput): number {
  const options = readArgs(argv);
  if (options.help) {
    output.stdout(`${USAGE}\n`);
    return 0;
  }
  const data = parseAwsAuth(readInputFile(options.file), options.file);
  // The target is checked before the report is printed, so a report is never followed by a
  // failure that could have been foreseen; loadConfig would name the synth's JUMPHOST_CONFIG.
  const mergeTarget = options.merge === undefined ? undefined : checkMergeTarget(options.merge);
  const target = options.merge === undefined ? undefined : loadConfig(options.merge);
  const placement = target ? choosePlacement(target, options.stack, options.cluster) : newPlacement(options);
  const account = chooseAccount(options.account, target, placement, data);
  const decisions = migrate(data, { account: account.account, nodeEntries: options.nodeEntries });
  const principals = decisions.flatMap((decision) => (decision.principal ? [decision.principal] : []));
  const header = [
    `from-aws-auth: ${options.file} -> cluster "${placement.cluster}" in stack "${placement.stack}"${options.merge ? ` of ${options.merge}` : ""}`,
    `Stack account ${account.account} (${account.source}): its roles become roleName principals; other accounts' roles keep roleArn.`,
    "Every principal gets describeClusterPolicy: false: aws-auth gave no IAM permissions, so the migration adds none.",
  ];
  const report = formatReport(header, data.remarks, decisions);
  if (principals.length === 0) {
    // A config needs at least one principal per cluster: there is nothing to print or add.
    output.stderr(`${report}No principal to migrate: ${options.merge ? `${options.merge} left unchanged` : "no config printed"}.\n`);
    return 0;
  }
  if (!target || options.merge === undefined) {
    // Our own output goes through the project's validator too: a rule we missed fails here, not at apply.
    const config = validateConfig(newConfig(placement, principals), "the migrated config");
    output.stdout(configText(config));
    output.stderr(report);
    return 0;
  }
  const merged = validateConfig(mergePrincipals(target, placement, principals, account.account, options.merge), options.merge);
  output.stderr(report);
  writeFileAtomic(options.merge, configText(merged));
  const link = mergeTarget?.viaLink ? ` (a link to ${mergeTarget.real})` : "";
  output.stderr(`Wrote ${principals.length} principal(s) to ${options.merge}${link}.\n`);
  return 0;
}

interface CliOptions {
  readonly file: string;
  readonly cluster?: string;
  readonly stack?: string;
  readonly merge?: string;
  readonly account?: string;
  readonly nodeEntries: boolean;
  readonly help: boolean;
}

function readArgs(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        cluster: { type: "string" },
        stack: { type: "string" },
        merge: { type: "string" },
        account: { type: "string" },
        "node-entries": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    // node:util's first sentence names the flag ("Unknown option '--bogus'"); the rest is advice
    // about positionals that does not apply here.
    throw new UsageError((error as Error).message.split(". ")[0]);
  }
  const { values, positionals } = parsed;
  if (values.help) return { file: "", nodeEntries: false, help: true };
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? "FILE is required" : `expected one FILE, got ${positionals.length}`);
  for (const name of ["cluster", "stack", "merge"] as const) {
    if (values[name] === "") throw new UsageError(`--${name} needs a value`);
  }
  // Checked here, before any file is read, so a bad name is a usage error and not blamed on a file.
  if (values.stack !== undefined) checkName("--stack", STACK_NAME, values.stack);
  if (values.cluster !== undefined) checkName("--cluster", CLUSTER_NAME, values.cluster);
  if (values.account !== undefined && !/^\d{12}$/.test(values.account)) {
    throw new UsageError(`--account "${values.account}" is not a 12-digit AWS account ID`);
  }
  return {
    file: positionals[0],
    cluster: values.cluster,
    stack: values.stack,
    merge: values.merge,
    account: values.account,
    nodeEntries: values["node-entries"] === true,
    help: false,
  };
}

function checkName(flag: string, rule: NameRule, value: string): void {
  const violation = ruleViolation(rule, value);
  if (violation !== undefined) throw new UsageError(`${flag} ${violation}`);
}

// Without --merge there is nothing to infer the cluster from: the ConfigMap does not name it.
function newPlacement(options: CliOptions): Placement {
  if (options.cluster === undefined) throw new UsageError("--cluster NAME is required: the ConfigMap does not name its cluster");
  if (options.stack === undefined && ruleViolation(STACK_NAME, options.cluster) !== undefined) {
    throw new UsageError(`the cluster name "${options.cluster}" cannot name a stack (${STACK_NAME.allowed}); pass --stack NAME`);
  }
  return { cluster: options.cluster, stack: options.stack ?? options.cluster };
}

function chooseAccount(given: string | undefined, target: JumphostConfig | undefined, placement: Placement, data: AwsAuthData): StackAccount {
  if (given !== undefined) return { account: given, source: "--account" };
  const assumed = target ? stackAccount(target, placement.stack) : undefined;
  if (assumed !== undefined) return { account: assumed, source: `the account of stack "${placement.stack}"'s assumeRoleArn` };
  const inferred = inferAccount(data);
  if (inferred) return inferred;
  const accounts = [...new Set([...data.roles, ...data.users].map((entry) => entry.arn.account))];
  throw new UsageError(`cannot tell the cluster's account (aws-auth names ${accounts.length === 0 ? "no accounts" : accounts.join(", ")}); pass --account ID`);
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
