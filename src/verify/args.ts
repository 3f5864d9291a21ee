// Command-line parsing for `npm run verify` / `eks-jumphost-verify`.
import { parseArgs } from "node:util";
import { CLUSTER_NAME, NameRule, REGION, ruleViolation } from "../aws-names";
import { UsageError } from "./usage-error";

export const USAGE = `Usage: eks-jumphost-verify --cluster NAME [--region R] [--principal-arn ARN] [options]
       eks-jumphost-verify --config FILE --stack NAME [--cluster NAME] [options]

Checks, from the jumphost, every link between its IAM identity and \`kubectl get\` on an EKS cluster.

  --cluster NAME          EKS cluster name (default with --config: the stack's only cluster)
  --region R              AWS region (default: the stack's region, then AWS_REGION / the profile)
  --principal-arn ARN     IAM role or user ARN the access entry is for, path included
  --config FILE           jumphost.config.json: take cluster, region, principal and policies from it
  --stack NAME            stack in --config
  --write-kubeconfig      also merge the cluster into ~/.kube/config (or $KUBECONFIG's first file)
  --request-timeout SECS  timeout of each kubectl read, 1-600 (default 10)
  --json                  print the checks as JSON instead of a checklist
  -h, --help              print this help

Exit codes: 0 all checks passed or were skipped, 1 a check failed, 2 usage error.`;

export interface VerifyOptions {
  readonly cluster?: string;
  readonly region?: string;
  readonly principalArn?: string;
  readonly configFile?: string;
  readonly stack?: string;
  readonly writeKubeconfig: boolean;
  readonly requestTimeoutSeconds: number;
  readonly json: boolean;
  readonly help: boolean;
}

const DEFAULT_REQUEST_TIMEOUT_SECONDS = 10;
/** Ten minutes: far beyond any useful read, and far below Node's setTimeout limit (2^31-1 ms, ~24.8 days). */
const MAX_REQUEST_TIMEOUT_SECONDS = 600;

export function parseVerifyArgs(argv: string[]): VerifyOptions {
  const { values, positionals } = parseOrExplain(argv);
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"; see --help`);
  const options: VerifyOptions = {
    cluster: values.cluster,
    region: values.region,
    principalArn: values["principal-arn"],
    configFile: values.config,
    stack: values.stack,
    writeKubeconfig: values["write-kubeconfig"] ?? false,
    requestTimeoutSeconds: parseTimeout(values["request-timeout"]),
    json: values.json ?? false,
    help: values.help ?? false,
  };
  if (options.help) return options;
  checkName("--cluster", CLUSTER_NAME, options.cluster);
  checkName("--region", REGION, options.region);
  if (options.configFile === "") throw new UsageError("--config: needs a file name");
  if (options.configFile === undefined && options.stack !== undefined) {
    throw new UsageError("--stack needs --config FILE");
  }
  if (options.configFile !== undefined && options.stack === undefined) {
    throw new UsageError("--config needs --stack NAME (the stack in that file)");
  }
  if (options.configFile === undefined && options.cluster === undefined) {
    throw new UsageError("missing --cluster NAME (or --config FILE --stack NAME); see --help");
  }
  return options;
}

function checkName(flag: string, rule: NameRule, value: string | undefined): void {
  const violation = value === undefined ? undefined : ruleViolation(rule, value);
  if (violation !== undefined) throw new UsageError(`${flag}: ${violation}`);
}

const STRING_OPTIONS = ["--cluster", "--region", "--principal-arn", "--config", "--stack", "--request-timeout"];

function parseOrExplain(argv: string[]) {
  // node:util explains "--cluster --json" in three lines; say it in one, naming both.
  const flagged = argv.findIndex((arg, i) => STRING_OPTIONS.includes(arg) && argv[i + 1]?.startsWith("-") === true);
  if (flagged !== -1) {
    throw new UsageError(`${argv[flagged]} needs a value, but is followed by the option "${argv[flagged + 1]}"; see --help`);
  }
  try {
    return parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        cluster: { type: "string" },
        region: { type: "string" },
        "principal-arn": { type: "string" },
        config: { type: "string" },
        stack: { type: "string" },
        "write-kubeconfig": { type: "boolean" },
        "request-timeout": { type: "string" },
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    // node:util's first sentence names the flag ("Unknown option '--clutser'"); the rest is advice
    // about positionals that does not apply here, sometimes on further lines.
    throw new UsageError(`${(error as Error).message.split("\n")[0].split(". ")[0].replace(/\.$/, "")}; see --help`);
  }
}

function parseTimeout(text: string | undefined): number {
  if (text === undefined) return DEFAULT_REQUEST_TIMEOUT_SECONDS;
  // Digits only: Number() would also take "0x10", "1e3" and "1e308".
  const seconds = /^\d{1,3}$/.test(text) ? Number(text) : Number.NaN;
  if (!(seconds >= 1 && seconds <= MAX_REQUEST_TIMEOUT_SECONDS)) {
    throw new UsageError(`--request-timeout: "${text}" is not a whole number of seconds from 1 to ${MAX_REQUEST_TIMEOUT_SECONDS}`);
  }
  return seconds;
}
