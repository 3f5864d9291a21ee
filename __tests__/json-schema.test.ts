import Ajv2020 from "ajv/dist/2020";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { configJsonSchema } from "../src/config/json-schema";
import { ConfigError } from "../src/config/config-error";
import { validateConfig } from "../src/config/validate";

const committed = JSON.parse(readFileSync(join(__dirname, "..", "jumphost.config.schema.json"), "utf8"));
const validateWithSchema = new Ajv2020({ strict: true, strictRequired: false }).compile(committed);

const stack = (principal: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  stacks: [{ name: "s", ...extra, clusters: [{ name: "c", principals: [principal] }] }],
});

describe("jumphost.config.schema.json", () => {
  it("is what `npm run schema` generates from the validator's definition", () => {
    expect(committed).toEqual(configJsonSchema());
  });

  it("is a valid draft 2020-12 schema that accepts the committed default config", () => {
    expect(validateWithSchema(JSON.parse(readFileSync(join(__dirname, "..", "jumphost.config.json"), "utf8")))).toBe(true);
  });

  // The structural rules agree; rules the schema cannot say (uniqueness, STANDARD-only fields,
  // the admin opt-in) are the validator's alone and listed in the README.
  it.each<[string, unknown, boolean]>([
    ["a minimal config", stack({ roleName: "r" }), true],
    ["a roleArn with path", stack({ roleArn: "arn:aws:iam::123456789012:role/a/b/r" }), true],
    ["an unknown key", stack({ roleName: "r", rolename: "x" }), false],
    ["roleName and userArn", stack({ roleName: "r", userArn: "arn:aws:iam::123456789012:user/u" }), false],
    ["no principal identity", stack({ type: "STANDARD" }), false],
    ["a misspelled policy", stack({ roleName: "r", accessPolicies: [{ policy: "AmazonEKSView" }] }), false],
    ["empty namespaces", stack({ roleName: "r", accessPolicies: [{ policy: "AmazonEKSViewPolicy", namespaces: [] }] }), false],
    ["a wildcard namespace", stack({ roleName: "r", accessPolicies: [{ policy: "AmazonEKSViewPolicy", namespaces: ["dev-*"] }] }), true],
    ["a bad region", stack({ roleName: "r" }, { region: "useast1" }), false],
    ["a system: group", stack({ roleName: "r", kubernetesGroups: ["system:masters"] }), false],
    ["a templated username", stack({ roleName: "r", userName: "ops:{{SessionName}}" }), true],
    ["a reserved username", stack({ roleName: "r", userName: "aws:x" }), false],
    ["a string for a boolean", stack({ roleName: "r", adopt: "true" }), false],
    ["an s3 backend", stack({ roleName: "r" }, { region: "eu-west-1", backend: { s3: { bucket: "my-state" } } }), true],
    ["two backends", stack({ roleName: "r" }, { backend: { local: {}, cloud: { organization: "o", workspace: "w" } } }), false],
  ])("agrees with the validator on %s", (_case, config, valid) => {
    expect(validateWithSchema(config)).toBe(valid);
    const ours = () => validateConfig(config, "f.json");
    if (valid) expect(ours).not.toThrow();
    else expect(ours).toThrow(ConfigError);
  });
});
