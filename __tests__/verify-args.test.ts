// Usage errors: one line on stderr, exit 2, no stack trace, no AWS call.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../src/cli/verify";
import { parseVerifyArgs } from "../src/verify/args";

async function run(argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (text) => (out += text), err: (text) => (err += text), colour: false });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), "verify-args-"));
const twoClusters = join(dir, "two.json");
writeFileSync(twoClusters, JSON.stringify({ stacks: [{ name: "prod", clusters: [{ name: "a", principals: [{ roleName: "jumphost" }] }, { name: "b", principals: [{ roleName: "jumphost" }] }] }] }));
const broken = join(dir, "broken.json");
writeFileSync(broken, "{ nope");
const missing = join(dir, "missing.json");

test.each([
  [[], "missing --cluster NAME (or --config FILE --stack NAME); see --help"],
  [["--clutser", "demo"], "Unknown option '--clutser'; see --help"],
  [["--cluster"], "Option '--cluster <value>' argument missing; see --help"],
  [["--cluster", "demo", "extra"], 'unexpected argument "extra"; see --help'],
  [["--stack", "prod", "--cluster", "demo"], "--stack needs --config FILE"],
  [["--config", twoClusters], "--config needs --stack NAME (the stack in that file)"],
  // Digits only, 1-600: Number() took hex and exponents, and a huge value overflowed setTimeout.
  ...["0", "601", "3000000", "1e308", "0x10", "1e3", "1.5", " 5", ""].map((text): [string[], string] => [
    ["--cluster", "demo", `--request-timeout=${text}`],
    `--request-timeout: "${text}" is not a whole number of seconds from 1 to 600`,
  ]),
  [["--cluster="], '--cluster: "" is not valid: 1-100 letters, digits, hyphens and underscores, starting with a letter or digit.'],
  [["--cluster", "   "], '--cluster: "   " is not valid: 1-100 letters, digits, hyphens and underscores, starting with a letter or digit.'],
  [["--cluster", "_demo"], '--cluster: "_demo" is not valid: 1-100 letters, digits, hyphens and underscores, starting with a letter or digit.'],
  [["--cluster", "a".repeat(101)], `--cluster: "${"a".repeat(101)}" is not valid: 1-100 letters, digits, hyphens and underscores, starting with a letter or digit.`],
  [["--cluster", "demo", "--region", "bogus/region"], '--region: "bogus/region" is not valid: an AWS region code such as us-east-1, eu-central-1 or us-gov-west-1.'],
  [["--cluster", "demo", "--region="], '--region: "" is not valid: an AWS region code such as us-east-1, eu-central-1 or us-gov-west-1.'],
  [["--cluster", "--json"], '--cluster needs a value, but is followed by the option "--json"; see --help'],
  [["--cluster", "demo", "--region", "-h"], '--region needs a value, but is followed by the option "-h"; see --help'],
  [["--config=", "--stack", "prod"], "--config: needs a file name"],
  [["--cluster", "demo", "--principal-arn", "jumphost"], '--principal-arn: "jumphost" is not an IAM role or user ARN (arn:PARTITION:iam::ACCOUNT:role/PATH/NAME)'],
  // Not the loader's message, which points at JUMPHOST_CONFIG (the synth's variable).
  [["--config", missing, "--stack", "prod"], `--config: ${missing}: file not found`],
  [["--config", twoClusters, "--stack", "dev"], '--stack: no stack "dev" in the config (stacks: "prod")'],
  [["--config", twoClusters, "--stack", "prod"], 'stack "prod" has 2 clusters ("a", "b"); choose one with --cluster NAME'],
  [["--config", twoClusters, "--stack", "prod", "--cluster", "c"], '--cluster: stack "prod" has no cluster "c" (clusters: "a", "b")'],
])("%j -> exit 2: %s", async (argv, message) => {
  const result = await run(argv);
  expect(result).toEqual({ code: 2, out: "", err: `eks-jumphost-verify: ${message}\n` });
});

test("a config that is not JSON: exit 2 with the config loader's message", async () => {
  const result = await run(["--config", broken, "--stack", "prod"]);
  expect(result).toEqual({ code: 2, out: "", err: `eks-jumphost-verify: --config: ${broken}: invalid JSON at line 1, column 3: Expected property name or '}'.\n` });
});

test("a config that breaks the schema: exit 2 with the validator's message", async () => {
  const invalid = join(dir, "invalid.json");
  writeFileSync(invalid, JSON.stringify({ stacks: [{ name: "prod", clusters: [{ name: "a", principals: [] }] }] }));
  const result = await run(["--config", invalid, "--stack", "prod"]);
  expect(result).toEqual({
    code: 2,
    out: "",
    err: `eks-jumphost-verify: --config: ${invalid}: stacks[0].clusters[0].principals: [] is empty; it needs at least one item: principals given access.\n`,
  });
});

test("--help prints the usage and exits 0", async () => {
  const result = await run(["--help"]);
  expect(result.code).toBe(0);
  expect(result.out).toMatch(/^Usage: eks-jumphost-verify --cluster NAME/);
  expect(result.out).toContain("Exit codes: 0 all checks passed or were skipped, 1 a check failed, 2 usage error.");
});

test.each(["1", "10", "600", "007"])("--request-timeout %s is accepted", (text) => {
  expect(parseVerifyArgs(["--cluster", "demo", "--request-timeout", text]).requestTimeoutSeconds).toBe(Number(text));
});

test("defaults: 10 s request timeout, no JSON, ~/.kube/config untouched", () => {
  expect(parseVerifyArgs(["--cluster", "demo"])).toEqual({
    cluster: "demo",
    region: undefined,
    principalArn: undefined,
    configFile: undefined,
    stack: undefined,
    writeKubeconfig: false,
    requestTimeoutSeconds: 10,
    json: false,
    help: false,
  });
});
