// `npm run verify` / `eks-jumphost-verify`: the guide's Steps 1 and 4, run on the jumphost.
import { principalFromIamArn } from "../verify/arn";
import { parseVerifyArgs, USAGE, VerifyOptions } from "../verify/args";
import { AwsApi, sdkAwsApi } from "../verify/aws";
import { ExpectedPrincipal, expectationsFromConfig, readConfig } from "../verify/config";
import { envRegionProblem, sdkRegionProblem } from "../verify/region-problem";
import { formatChecklist, formatJson } from "../verify/report";
import { anyFailed, runChecks } from "../verify/run-checks";
import { UsageError } from "../verify/usage-error";

/** Where output goes; tests capture it. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Colour the checklist (never the JSON). */
  readonly colour: boolean;
}

const PROCESS_IO: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  colour: process.stdout.isTTY === true && process.env.NO_COLOR === undefined,
};

/** Exit code: 0 nothing failed, 1 a check failed, 2 usage error. */
export async function main(argv: string[], io: CliIo = PROCESS_IO): Promise<number> {
  let options: VerifyOptions;
  let target: { cluster: string; region: string | undefined; principals: ExpectedPrincipal[] | undefined };
  let aws: AwsApi;
  try {
    options = parseVerifyArgs(argv);
    if (options.help) {
      io.out(`${USAGE}\n`);
      return 0;
    }
    target = resolveTarget(options);
    // The SDK warns on Node 20 about SDK releases after January 2027; the pinned version runs on
    // Node 20, and the warning would sit on top of every report. Set it to "false" to see it.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
    const envProblem = envRegionProblem(target.region, process.env);
    if (envProblem !== undefined) throw new UsageError(envProblem);
    aws = await sdkAwsApi(target.region);
  } catch (error) {
    if (error instanceof UsageError) {
      // One line whatever the message holds (the contract for exit 2).
      io.err(`eks-jumphost-verify: ${error.message.replace(/\s*\n\s*/g, " ")}\n`);
      return 2;
    }
    const regionProblem = sdkRegionProblem(error, process.env);
    if (regionProblem !== undefined) {
      io.err(`eks-jumphost-verify: ${regionProblem}\n`);
      return 2;
    }
    throw error;
  }
  const results = await runChecks(
    {
      cluster: target.cluster,
      principals: target.principals,
      writeKubeconfig: options.writeKubeconfig,
      requestTimeoutSeconds: options.requestTimeoutSeconds,
      env: process.env,
    },
    aws,
  );
  const header = { cluster: target.cluster, region: aws.region };
  io.out(options.json ? formatJson(header, results) : formatChecklist(header, results, io.colour));
  return anyFailed(results) ? 1 : 0;
}

function resolveTarget(options: VerifyOptions) {
  const fromFlag = options.principalArn === undefined ? undefined : principalFromFlag(options.principalArn);
  if (options.configFile === undefined || options.stack === undefined) {
    // parseVerifyArgs guarantees --cluster here.
    return { cluster: options.cluster ?? "", region: options.region, principals: fromFlag && [fromFlag] };
  }
  const expectations = expectationsFromConfig(readConfig(options.configFile), options.stack, options.cluster);
  let principals = expectations.principals;
  if (fromFlag) {
    // --principal-arn picks one of the config's principals; its policies stay the expectation.
    principals = principals.filter((candidate) => candidate.principal.name === fromFlag.principal.name && candidate.principal.kind === fromFlag.principal.kind);
    if (principals.length === 0) {
      throw new UsageError(`--principal-arn ${options.principalArn} is not a principal of cluster "${expectations.cluster}" in stack "${options.stack}"`);
    }
    principals = principals.map((candidate) => ({ ...candidate, principal: fromFlag.principal, source: `${candidate.source} (path from --principal-arn)` }));
  }
  return { cluster: expectations.cluster, region: options.region ?? expectations.region, principals };
}

function principalFromFlag(arn: string): ExpectedPrincipal {
  const principal = principalFromIamArn(arn);
  if (!principal) throw new UsageError(`--principal-arn: "${arn}" is not an IAM role or user ARN (arn:PARTITION:iam::ACCOUNT:role/PATH/NAME)`);
  return { principal, source: `--principal-arn ${arn}`, expectedPolicies: undefined };
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`eks-jumphost-verify: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
