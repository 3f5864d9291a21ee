// The package bin, built and spawned as a user runs it: exit codes and output streams.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { PASSING_CONFIG, passingScenario, ROLE_ARN, VerifyHarness } from "./fixtures/verify/harness";

const harness = new VerifyHarness();

beforeAll(async () => {
  execFileSync(process.execPath, [join(__dirname, "..", "scripts", "build.mjs")]);
  await harness.start();
});
afterAll(() => harness.stop());

test("all checks pass: exit 0, JSON on stdout, nothing on stderr", async () => {
  const run = await harness.spawnBin(["--config", "config.json", "--stack", "prod", "--json"], { config: PASSING_CONFIG });
  expect(run.err).toBe("");
  expect(run.code).toBe(0);
  expect(JSON.parse(run.out)).toMatchObject({ cluster: "demo", status: "pass" });
});

test("a failed check: exit 1", async () => {
  harness.server.scenario = { ...passingScenario(), entries: {} };
  const run = await harness.spawnBin(["--cluster", "demo", "--principal-arn", ROLE_ARN]);
  expect(run.code).toBe(1);
  expect(run.out).toContain(`FAIL  access-policies      no access entry for ${ROLE_ARN} on cluster demo`);
});

test("usage error: exit 2, one line, no stack trace", async () => {
  const run = await harness.spawnBin(["--region", "eu-west-1"]);
  expect(run).toMatchObject({ code: 2, out: "", err: "eks-jumphost-verify: missing --cluster NAME (or --config FILE --stack NAME); see --help\n" });
});
