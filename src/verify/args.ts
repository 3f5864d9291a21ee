// Command-line parsing for `npm run verify` / `eks-jumphost-verify`.
import { parseArgs } from "node:util";
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
  --request-timeout SECS  timeout of each kubectl read (default 10)
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

function parseOrExplain(argv: string[]) {
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
    // about positionals that does not apply here.
    throw new UsageError(`${(error as Error).message.split(". ")[0]}; see --help`);
  }
}

function parseTimeout(text: string | undefined): number {
  if (text === undefined) return DEFAULT_REQUEST_TIMEOUT_SECONDS;
  const seconds = Number(text);
  if (!Number.isInteger(seconds) || seconds < 1) {
    throw new UsageError(`--request-timeout: "${text}" is not a whole number of seconds >= 1`);
  }
  return seconds;
}
