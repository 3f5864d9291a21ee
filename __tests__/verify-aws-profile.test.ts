// AWS_REGION and AWS_PROFILE problems, each named as what it is: an invalid region value, a
// profile that does not exist, a profile without a region or without credentials.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { namedProfile } from "../src/verify/aws-profile";
import { VerifyHarness } from "./fixtures/verify/harness";

const harness = new VerifyHarness();
beforeAll(() => harness.start());
afterAll(() => harness.stop());

const NO_KEYS = { AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined };
const REGION_RULE = "an AWS region code such as us-east-1, eu-central-1 or us-gov-west-1";
const configFile = join(mkdtempSync(join(tmpdir(), "verify-aws-profile-")), "config");
writeFileSync(configFile, ["[default]", "region = eu-west-1", "[profile empty]", "output = json", "[profile weird] # comment", "region = bad_region", ""].join("\n"));

test("AWS_REGION that is not a region: exit 2 naming AWS_REGION and the value", async () => {
  const run = await harness.run(["--cluster", "demo"], { env: { AWS_REGION: "bad_region" } });
  expect(run).toMatchObject({ code: 2, out: "", err: `eks-jumphost-verify: AWS_REGION: "bad_region" is not valid: ${REGION_RULE}.\n` });
});

test("--region wins over a bad AWS_REGION", async () => {
  const run = await harness.run(["--cluster", "demo", "--region", "eu-west-1", "--json"], { env: { AWS_REGION: "bad_region" } });
  expect(run.checks.cluster?.status).toBe("pass");
});

test("AWS_PROFILE that does not exist, no region: exit 2 naming the profile and the files", async () => {
  const run = await harness.run(["--cluster", "demo"], { env: { AWS_PROFILE: "nope", AWS_REGION: undefined } });
  const scratch = dirname(harness.home);
  expect(run).toMatchObject({
    code: 2,
    out: "",
    err: `eks-jumphost-verify: AWS_PROFILE: no profile "nope" in ${scratch}/no-aws-config or ${scratch}/no-aws-credentials; correct it (aws configure list-profiles), or unset it and pass --region\n`,
  });
});

test("AWS_PROFILE that exists but has no region: exit 2 saying where to set it", async () => {
  const run = await harness.run(["--cluster", "demo"], { env: { AWS_PROFILE: "empty", AWS_REGION: undefined, AWS_CONFIG_FILE: configFile } });
  expect(run.err).toBe(`eks-jumphost-verify: no AWS region: pass --region, set AWS_REGION, or set region in profile "empty" (${configFile})\n`);
  expect(run.code).toBe(2);
});

test("a profile whose region is not a region: exit 2 naming the profile", async () => {
  const run = await harness.run(["--cluster", "demo"], { env: { AWS_PROFILE: "weird", AWS_REGION: undefined, AWS_CONFIG_FILE: configFile } });
  expect(run.err).toBe(`eks-jumphost-verify: region "bad_region" of profile "weird" is not valid: ${REGION_RULE}; pass --region to override it\n`);
  expect(run.code).toBe(2);
});

test("no profile and no region anywhere: the general message", async () => {
  const run = await harness.run(["--cluster", "demo"], { env: { AWS_REGION: undefined } });
  expect(run.err).toBe("eks-jumphost-verify: no AWS region: pass --region, set AWS_REGION, or set a region in the profile\n");
});

test("AWS_PROFILE that does not exist, region set: caller-identity names the profile, not 'set AWS_PROFILE'", async () => {
  const run = await harness.run(["--cluster", "demo", "--json"], { env: { ...NO_KEYS, AWS_PROFILE: "nope" } });
  const scratch = dirname(harness.home);
  expect(run.code).toBe(1);
  expect(run.checks["caller-identity"]).toEqual({
    name: "caller-identity",
    status: "fail",
    detail: `STS GetCallerIdentity: AWS_PROFILE is "nope", and there is no profile "nope" in ${scratch}/no-aws-config or ${scratch}/no-aws-credentials`,
    fix: "correct AWS_PROFILE (aws configure list-profiles), or unset it to use the instance profile",
  });
});

test("AWS_PROFILE that exists without credentials: caller-identity says so", async () => {
  const run = await harness.run(["--cluster", "demo", "--json"], { env: { ...NO_KEYS, AWS_PROFILE: "empty", AWS_CONFIG_FILE: configFile } });
  expect(run.checks["caller-identity"]).toMatchObject({
    status: "fail",
    detail: expect.stringMatching(/^STS GetCallerIdentity: profile "empty" \(AWS_PROFILE\) gives no credentials \(.+\)$/),
    fix: `add credentials, role_arn or SSO settings to profile "empty" in ${configFile}, or unset AWS_PROFILE to use the instance profile`,
  });
});

test.each([
  ["default", true],
  ["empty", true],
  ["weird", true],
  ["quoted", true],
  ["in-credentials", true],
  ["bare", false], // [bare] in the config file is not a profile for the SDK
  ["nope", false],
])("namedProfile finds %s: %s", (name, found) => {
  const dir = mkdtempSync(join(tmpdir(), "verify-aws-profile-"));
  const credentials = join(dir, "credentials");
  writeFileSync(credentials, "[in-credentials]\naws_access_key_id = x\n");
  writeFileSync(join(dir, "config"), `${readFileSync(configFile, "utf8")}[profile "quoted"]\n[bare]\n`);
  const env = { AWS_PROFILE: name, AWS_CONFIG_FILE: join(dir, "config"), AWS_SHARED_CREDENTIALS_FILE: credentials };
  expect(namedProfile(env)).toEqual({ name, found, configFile: join(dir, "config"), credentialsFile: credentials });
});
