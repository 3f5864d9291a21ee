import { ConfigError } from "../src/config/config-error";
import type { JumphostConfig } from "../src/config/types";
import { validateConfig } from "../src/config/validate";
import { issueExample } from "./helpers/synth";

const FILE = "jumphost.config.json";
const P = "stacks[0].clusters[0].principals[0]";

/** The issue's example config; each case below breaks one thing in a fresh copy. */
const example = (): any => issueExample();

function mutate(change: (config: any) => unknown): unknown {
  const config = example();
  return change(config) ?? config;
}

const principal = (config: any) => config.stacks[0].clusters[0].principals[0];
const POLICIES =
  "AmazonEKSViewPolicy, AmazonEKSAdminViewPolicy, AmazonEKSSecretReaderPolicy, AmazonEKSEditPolicy, AmazonEKSAdminPolicy, AmazonEKSClusterAdminPolicy";
const PRINCIPAL_KEYS = "roleName, roleArn, userArn, type, kubernetesGroups, userName, tags, adopt, allowAdmin, accessPolicies, describeClusterPolicy";

describe("validateConfig", () => {
  it("accepts the issue's example and returns it", () => {
    const config = example();
    expect(validateConfig(config, FILE)).toBe(config);
  });

  it("accepts every optional field", () => {
    const config: JumphostConfig = {
      $schema: "./jumphost.config.schema.json",
      stacks: [
        {
          name: "prod",
          region: "us-gov-west-1",
          tags: { team: "platform", "cost-center": "" },
          assumeRoleArn: "arn:aws-us-gov:iam::111122223333:role/terraform",
          backend: { s3: { bucket: "tf-state", key: "eks/prod.tfstate", region: "us-gov-west-1", useLockfile: true, encrypt: true } },
          clusters: [
            {
              name: "prod-1",
              checkAuthenticationMode: false,
              principals: [
                { roleArn: "arn:aws-us-gov:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_1", allowAdmin: true, adopt: true, accessPolicies: [{ policy: "AmazonEKSClusterAdminPolicy" }] },
                { userArn: "arn:aws-us-gov:iam::111122223333:user/ops/alice", kubernetesGroups: ["viewers"], userName: "ops:{{SessionName}}", tags: { owner: "alice" }, describeClusterPolicy: false },
                { roleName: "nodes", type: "EC2_LINUX" },
                { roleName: "dev", accessPolicies: [{ policy: "AmazonEKSEditPolicy", namespaces: ["dev-*"] }], allowAdmin: true },
              ],
            },
          ],
        },
      ],
    };
    expect(validateConfig(config, FILE)).toBe(config);
  });

  it.each<[string, (config: any) => unknown, string]>([
    ["a list at the top", () => [], `(top level): a list is not allowed; expected an object: EKS access entries to synthesize as Terraform, as {"stacks": [...]}.`],
    ["no stacks", () => ({}), `stacks: is missing: Terraform stacks.`],
    ["a misspelled top-level key", (c) => ({ ...c, stack: [] }), `stack: unknown key "stack"; did you mean "stacks"? Allowed keys: $schema, stacks.`],
    ["empty stacks", () => ({ stacks: [] }), `stacks: [] is empty; it needs at least one item: Terraform stacks.`],
    ["stacks as an object", () => ({ stacks: {} }), `stacks: an object is not allowed; expected a list: Terraform stacks.`],
    [
      "a misspelled key",
      (c) => {
        principal(c).acessPolicies = principal(c).accessPolicies;
        delete principal(c).accessPolicies;
      },
      `${P}.acessPolicies: unknown key "acessPolicies"; did you mean "accessPolicies"? Allowed keys: ${PRINCIPAL_KEYS}.`,
    ],
    ["an unknown key", (c) => void (c.stacks[0].foo = 1), `stacks[0].foo: unknown key "foo". Allowed keys: name, region, tags, assumeRoleArn, backend, clusters.`],
    ["a number for a name", (c) => void (c.stacks[0].name = 5), `stacks[0].name: 5 is not allowed; expected a string: stack name.`],
    ["a string for a boolean", (c) => void (principal(c).describeClusterPolicy = "yes"), `${P}.describeClusterPolicy: "yes" is not allowed; expected true or false.`],
    ["missing clusters", (c) => void delete c.stacks[0].clusters, `stacks[0].clusters: is missing: EKS clusters of this stack.`],
    ["no role or user", (c) => void delete principal(c).roleName, `${P}: set exactly one of roleName, roleArn, userArn; none is set.`],
    [
      "roleName together with roleArn",
      (c) => void (principal(c).roleArn = "arn:aws:iam::123456789012:role/jumphost"),
      `${P}: set exactly one of roleName, roleArn, userArn; roleName and roleArn are set.`,
    ],
    [
      "a misspelled access policy",
      (c) => void (principal(c).accessPolicies[0].policy = "AmazonEKSViewPolicyy"),
      `${P}.accessPolicies[0].policy: "AmazonEKSViewPolicyy" is not an EKS access policy for people; did you mean "AmazonEKSViewPolicy"? Allowed: ${POLICIES}.`,
    ],
    ["an unknown access policy", (c) => void (principal(c).accessPolicies[0].policy = "ReadOnly"), `${P}.accessPolicies[0].policy: "ReadOnly" is not an EKS access policy for people. Allowed: ${POLICIES}.`],
    [
      "empty namespaces",
      (c) => void (principal(c).accessPolicies[1].namespaces = []),
      `${P}.accessPolicies[1].namespaces: [] is empty; it needs at least one item: namespaces the policy is limited to; absent means the whole cluster.`,
    ],
    [
      "an invalid namespace",
      (c) => void (principal(c).accessPolicies[1].namespaces = ["Team_A"]),
      `${P}.accessPolicies[1].namespaces[0]: "Team_A" is not valid: a Kubernetes namespace (lower-case letters, digits, hyphens; at most 63) optionally ending in the wildcard *, e.g. dev-*.`,
    ],
    ["a namespace listed twice", (c) => void (principal(c).accessPolicies[1].namespaces = ["a", "a"]), `${P}.accessPolicies[1].namespaces[1]: "a" is listed twice.`],
    [
      "a cluster name with a space",
      (c) => void (c.stacks[0].clusters[0].name = "my cluster"),
      `stacks[0].clusters[0].name: "my cluster" is not valid: 1-100 letters, digits, hyphens and underscores, starting with a letter or digit.`,
    ],
    [
      "a cluster name over 100 characters",
      (c) => void (c.stacks[0].clusters[0].name = "a".repeat(101)),
      `stacks[0].clusters[0].name: "${"a".repeat(101)}" is not valid: 1-100 letters, digits, hyphens and underscores, starting with a letter or digit.`,
    ],
    [
      "a role name over 64 characters",
      (c) => void (principal(c).roleName = "r".repeat(65)),
      `${P}.roleName: "${"r".repeat(65)}" is not valid: an IAM role name: 1-64 letters, digits and +=,.@_- (no path; use roleArn for a role with a path).`,
    ],
    [
      "a role name with a path",
      (c) => void (principal(c).roleName = "ops/jumphost"),
      `${P}.roleName: "ops/jumphost" is not valid: an IAM role name: 1-64 letters, digits and +=,.@_- (no path; use roleArn for a role with a path).`,
    ],
    [
      "a role ARN with a short account",
      (c) => {
        delete principal(c).roleName;
        principal(c).roleArn = "arn:aws:iam::12345:role/x";
      },
      `${P}.roleArn: "arn:aws:iam::12345:role/x" is not valid: an IAM role ARN such as arn:PARTITION:iam::123456789012:role/PATH/NAME (path optional, at most 512 characters).`,
    ],
    [
      "a user ARN as roleArn",
      (c) => {
        delete principal(c).roleName;
        principal(c).roleArn = "arn:aws:iam::123456789012:user/x";
      },
      `${P}.roleArn: "arn:aws:iam::123456789012:user/x" is not valid: an IAM role ARN such as arn:PARTITION:iam::123456789012:role/PATH/NAME (path optional, at most 512 characters).`,
    ],
    [
      "an unknown partition",
      (c) => {
        delete principal(c).roleName;
        principal(c).userArn = "arn:aws-gov:iam::123456789012:user/x";
      },
      `${P}.userArn: "arn:aws-gov:iam::123456789012:user/x" is not valid: an IAM user ARN such as arn:PARTITION:iam::123456789012:user/PATH/NAME (path optional, at most 512 characters).`,
    ],
    ["a region without number", (c) => void (c.stacks[0].region = "us-east"), `stacks[0].region: "us-east" is not valid: an AWS region code such as us-east-1, eu-central-1 or us-gov-west-1.`],
    ["an upper-case region", (c) => void (c.stacks[0].region = "US-EAST-1"), `stacks[0].region: "US-EAST-1" is not valid: an AWS region code such as us-east-1, eu-central-1 or us-gov-west-1.`],
    [
      "a duplicate principal",
      (c) => void c.stacks[0].clusters[0].principals.push({ roleName: "jumphost" }),
      `stacks[0].clusters[0].principals[1]: roleName "jumphost" is already used by principals[0]; each must be unique.`,
    ],
    [
      "the same role ARN twice with different paths",
      (c) =>
        void (c.stacks[0].clusters[0].principals = [
          { roleArn: "arn:aws:iam::123456789012:role/a/ops" },
          { roleArn: "arn:aws:iam::123456789012:role/b/ops" },
        ]),
      `stacks[0].clusters[0].principals[1]: roleArn "arn:aws:iam::123456789012:role/b/ops" is already used by principals[0]; each must be unique.`,
    ],
    [
      "a duplicate stack name",
      (c) => void c.stacks.push({ ...c.stacks[0], name: "Jumphost-Access" }),
      `stacks[1].name: stack name "Jumphost-Access" is already used by stacks[0]; each must be unique.`,
    ],
    [
      "an invalid stack name",
      (c) => void (c.stacks[0].name = "my stack"),
      `stacks[0].name: "my stack" is not valid: 1-48 letters, digits and hyphens, starting with a letter (it names a folder and IAM policies).`,
    ],
    [
      "a duplicate cluster",
      (c) => void c.stacks[0].clusters.push(c.stacks[0].clusters[0]),
      `stacks[0].clusters[1].name: cluster "my-eks-cluster" is already used by clusters[0]; each must be unique.`,
    ],
    [
      "an admin policy without allowAdmin",
      (c) => void (principal(c).accessPolicies[0].policy = "AmazonEKSClusterAdminPolicy"),
      `${P}.accessPolicies[0].policy: "AmazonEKSClusterAdminPolicy" allows writes, exec into pods and reading and changing Secrets; set "allowAdmin": true on this principal to grant it, or use "AmazonEKSViewPolicy" / "AmazonEKSAdminViewPolicy" for read-only access.`,
    ],
    [
      "the same policy twice",
      (c) => void principal(c).accessPolicies.push({ policy: "AmazonEKSViewPolicy", namespaces: ["x"] }),
      `${P}.accessPolicies[2].policy: policy "AmazonEKSViewPolicy" is already used by accessPolicies[0]; each must be unique.`,
    ],
    [
      "policies on a non-STANDARD entry",
      (c) => void (principal(c).type = "EC2_LINUX"),
      `${P}.accessPolicies: is only allowed on STANDARD entries; this entry's type is "EC2_LINUX" (EKS gives EC2_LINUX entries their permissions itself). Remove accessPolicies or set type to "STANDARD".`,
    ],
    [
      "groups on a non-STANDARD entry",
      (c) => void (c.stacks[0].clusters[0].principals = [{ roleName: "nodes", type: "FARGATE_LINUX", kubernetesGroups: ["x"] }]),
      `${P}.kubernetesGroups: is only allowed on STANDARD entries; this entry's type is "FARGATE_LINUX" (EKS gives FARGATE_LINUX entries their permissions itself). Remove kubernetesGroups or set type to "STANDARD".`,
    ],
    [
      "a username on a non-STANDARD entry",
      (c) => void (c.stacks[0].clusters[0].principals = [{ roleName: "nodes", type: "HYBRID_LINUX", userName: "x" }]),
      `${P}.userName: is only allowed on STANDARD entries; this entry's type is "HYBRID_LINUX" (EKS gives HYBRID_LINUX entries their permissions itself). Remove userName or set type to "STANDARD".`,
    ],
    [
      "a misspelled entry type",
      (c) => void (principal(c).type = "STANDART"),
      `${P}.type: "STANDART" is not an access entry type; did you mean "STANDARD"? Allowed: STANDARD, EC2_LINUX, EC2_WINDOWS, FARGATE_LINUX, EC2, HYBRID_LINUX.`,
    ],
    [
      "a system: group",
      (c) => void (principal(c).kubernetesGroups = ["system:masters"]),
      `${P}.kubernetesGroups[0]: "system:masters" is not valid: a Kubernetes group name without spaces that does not start with system: (EKS refuses system: groups; use an access policy instead).`,
    ],
    ...["eks:me", "{{SessionName}}", "ops-{{AccountID}}"].map(
      (userName) =>
        [
          `the username ${userName}`,
          (c: any) => void (principal(c).userName = userName),
          `${P}.userName: "${userName}" is not valid: a Kubernetes username that does not start with system:, eks:, aws:, amazon: or iam:; {{SessionName}} and {{SessionNameRaw}} only after a colon, e.g. ops:{{SessionName}}.`,
        ] as [string, (c: any) => unknown, string],
    ),
    ["a reserved tag key", (c) => void (c.stacks[0].tags = { "aws:x": "y" }), `stacks[0].tags["aws:x"]: key "aws:x" is not valid: a tag key of 1-128 letters, digits, spaces and _ . : / = + - @ that does not start with aws:.`],
    ["a number as tag value", (c) => void (c.stacks[0].tags = { team: 1 }), `stacks[0].tags.team: 1 is not allowed; expected a string: tag value.`],
    ["two backends", (c) => void (c.stacks[0].backend = { local: {}, s3: { bucket: "abc" } }), `stacks[0].backend: set exactly one of local, s3, cloud; local and s3 are set.`],
    [
      "an absolute local state path",
      (c) => void (c.stacks[0].backend = { local: { path: "/tmp/x.tfstate" } }),
      `stacks[0].backend.local.path: "/tmp/x.tfstate" is not valid: a relative path (absolute paths differ between machines).`,
    ],
    ["an s3 backend without bucket", (c) => void (c.stacks[0].backend = { s3: {} }), `stacks[0].backend.s3.bucket: is missing: S3 bucket name.`],
    ["an unknown backend", (c) => void (c.stacks[0].backend = { gcs: {} }), `stacks[0].backend.gcs: unknown key "gcs". Allowed keys: local, s3, cloud.`],
    [
      "a cloud backend without workspace",
      (c) => void (c.stacks[0].backend = { cloud: { organization: "acme" } }),
      `stacks[0].backend.cloud.workspace: is missing: workspace name.`,
    ],
    [
      "a principal of another account with describeClusterPolicy, when assumeRoleArn names the stack's account",
      (c) => {
        c.stacks[0].assumeRoleArn = "arn:aws:iam::222222222222:role/terraform";
        c.stacks[0].clusters[0].principals = [{ userArn: "arn:aws:iam::111122223333:user/ci/deployer" }];
      },
      `${P}.describeClusterPolicy: is true (the default), but this principal is in account 111122223333 and the stack's IAM policies are created in account 222222222222 (its assumeRoleArn). Set "describeClusterPolicy": false: EKS has no resource policies, so a principal of another account reads the cluster by assuming a role in the cluster's account.`,
    ],
    [
      "null as principal",
      (c) => void (c.stacks[0].clusters[0].principals[0] = null),
      `${P}: null is not allowed; expected an object: an IAM principal given access: exactly one of roleName, roleArn, userArn.`,
    ],
    ["no principals", (c) => void (c.stacks[0].clusters[0].principals = []), `stacks[0].clusters[0].principals: [] is empty; it needs at least one item: principals given access.`],
  ])("rejects %s", (_case, change, message) => {
    const config = mutate(change);
    expect(() => validateConfig(config, FILE)).toThrow(new ConfigError(`${FILE}: ${message}`));
  });

  it("accepts a principal of another account without describeClusterPolicy", () => {
    const config = mutate((c) => {
      c.stacks[0].assumeRoleArn = "arn:aws:iam::222222222222:role/terraform";
      c.stacks[0].clusters[0].principals = [{ roleArn: "arn:aws:iam::111122223333:role/jumphost", describeClusterPolicy: false }];
    });
    expect(() => validateConfig(config, FILE)).not.toThrow();
  });

  it("reports the first problem in document order", () => {
    const config = mutate((c) => {
      c.stacks[0].region = "bad";
      principal(c).roleName = "bad name";
    });
    expect(() => validateConfig(config, FILE)).toThrow(/: stacks\[0\]\.region: /);
  });
});

describe("validateConfig, inputs that would break Terraform or AWS later", () => {
  const base = () => ({ stacks: [{ name: "s1", region: "us-east-1", clusters: [{ name: "c1", principals: [{ roleName: "jumphost", accessPolicies: [{ policy: "AmazonEKSViewPolicy" }] }] as any[] }] }] as any[] });
  const first = (c: any) => c.stacks[0].clusters[0].principals[0];
  const ALLOWED_POLICIES = `Allowed: ${POLICIES}.`;

  it.each<[string, (c: any) => void, string]>([
    ["a Terraform template in a tag", (c) => void (c.stacks[0].tags = { cost: "${team}" }), `stacks[0].tags.cost: "\${team}" contains "\${" or "%{", which Terraform would evaluate as an expression; remove it.`],
    ["a Terraform directive in a group", (c) => void (first(c).kubernetesGroups = ["h%{y}"]), `${P}.kubernetesGroups[0]: "h%{y}" contains "\${" or "%{", which Terraform would evaluate as an expression; remove it.`],
    ["a key of Object.prototype", (c) => void (c.stacks[0].toString = 5), `stacks[0].toString: unknown key "toString". Allowed keys: name, region, tags, assumeRoleArn, backend, clusters.`],
    ["constructor at the top", (c) => void (c.constructor = 5), `constructor: unknown key "constructor". Allowed keys: $schema, stacks.`],
    [
      "a huge value, echoed shortened",
      (c) => void (c.stacks[0].name = "x".repeat(5000)),
      `stacks[0].name: "${"x".repeat(109)}..." (5002 characters) is not valid: 1-48 letters, digits and hyphens, starting with a letter (it names a folder and IAM policies).`,
    ],
    [
      "a policy ARN instead of its name",
      (c) => void (first(c).accessPolicies[0].policy = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy"),
      `${P}.accessPolicies[0].policy: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy" is not an EKS access policy for people; give the policy's name, not its ARN ("AmazonEKSViewPolicy"). ${ALLOWED_POLICIES}`,
    ],
    [
      "a node policy",
      (c) => void (first(c).accessPolicies[0].policy = "AmazonEKSAutoNodePolicy"),
      `${P}.accessPolicies[0].policy: "AmazonEKSAutoNodePolicy" is not an EKS access policy for people; node, Auto Mode and service policies are left out on purpose. ${ALLOWED_POLICIES}`,
    ],
    ["the same role in another letter case", (c) => void c.stacks[0].clusters[0].principals.push({ roleName: "JUMPHOST" }), `stacks[0].clusters[0].principals[1]: roleName "JUMPHOST" is already used by principals[0]; each must be unique.`],
    [
      "a roleName and the roleArn of the same role, when the stack's account is known",
      (c) => {
        c.stacks[0].assumeRoleArn = "arn:aws:iam::111111111111:role/tf";
        c.stacks[0].clusters[0].principals.push({ roleArn: "arn:aws:iam::111111111111:role/ops/jumphost", describeClusterPolicy: false });
      },
      `stacks[0].clusters[0].principals[1]: roleArn "arn:aws:iam::111111111111:role/ops/jumphost" is already used by principals[0]; each must be unique.`,
    ],
    [
      "one role spelled in two letter cases on two clusters",
      (c) => void c.stacks[0].clusters.push({ name: "c2", principals: [{ roleName: "JumpHost" }] }),
      `stacks[0].clusters[1].principals[0]: roleName "JumpHost" is the same IAM principal as at stacks[0].clusters[0].principals[0], written differently (IAM ignores case); write it the same way everywhere in the stack.`,
    ],
    ["a service-linked role by name", (c) => void (first(c).roleName = "AWSServiceRoleForAmazonEKS"), `${P}: roleName "AWSServiceRoleForAmazonEKS" is a service-linked role; EKS does not allow access entries for service-linked roles.`],
    [
      "a service-linked role by path",
      (c) => {
        delete first(c).roleName;
        first(c).roleArn = "arn:aws:iam::111111111111:role/aws-service-role/eks.amazonaws.com/Custom";
      },
      `${P}: roleArn "arn:aws:iam::111111111111:role/aws-service-role/eks.amazonaws.com/Custom" is a service-linked role; EKS does not allow access entries for service-linked roles.`,
    ],
    ["a user as a node entry", (c) => void (c.stacks[0].clusters[0].principals = [{ userArn: "arn:aws:iam::111111111111:user/n", type: "EC2_LINUX" }]), `${P}.type: is "EC2_LINUX", but node entries take IAM roles only; use roleName or roleArn, or type "STANDARD" for a user.`],
    [
      "a node role of another account",
      (c) => {
        c.stacks[0].assumeRoleArn = "arn:aws:iam::222222222222:role/tf";
        c.stacks[0].clusters[0].principals = [{ roleArn: "arn:aws:iam::111111111111:role/nodes", type: "EC2_LINUX", describeClusterPolicy: false }];
      },
      `${P}.roleArn: is in account 111111111111; entries of type EC2_LINUX need a role of the cluster's account, 222222222222 (the stack's assumeRoleArn).`,
    ],
    [
      "an S3 backend without a region in a stack without one",
      (c) => {
        delete c.stacks[0].region;
        c.stacks[0].backend = { s3: { bucket: "acme-state" } };
      },
      `stacks[0].backend.s3.region: is missing: Terraform's S3 backend needs the bucket's region, and this stack sets no region to default to.`,
    ],
    [
      "one cluster in two stacks",
      (c) => void c.stacks.push({ name: "s2", region: "us-east-1", clusters: [{ name: "c1", principals: [{ roleName: "other" }] }] }),
      `stacks[1].clusters[0].name: cluster "c1" is already in stacks[0] ("s1"), with the same account and region; put all of a cluster's principals in one stack.`,
    ],
    [
      "more than 50 tags with the stack's",
      (c) => {
        c.stacks[0].tags = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`a${i}`, "x"]));
        first(c).tags = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`b${i}`, "x"]));
      },
      `${P}.tags: with the stack's tags the access entry would have 51 tags; AWS allows 50 per resource.`,
    ],
    ["a tag key IAM refuses", (c) => void (c.stacks[0].tags = { "a!b": "x" }), `stacks[0].tags["a!b"]: key "a!b" is not valid: a tag key of 1-128 letters, digits, spaces and _ . : / = + - @ that does not start with aws:.`],
    ["a tag value IAM refuses", (c) => void (c.stacks[0].tags = { c: "R&D" }), `stacks[0].tags.c: "R&D" is not valid: a tag value of at most 256 letters, digits, spaces and _ . : / = + - @.`],
    ["a bucket named like an IP address", (c) => void (c.stacks[0].backend = { s3: { bucket: "192.168.1.1" } }), `stacks[0].backend.s3.bucket: "192.168.1.1" is not valid: an S3 bucket name: 3-63 lower-case letters, digits, dots and hyphens.`],
    ["an S3 key starting with /", (c) => void (c.stacks[0].backend = { s3: { bucket: "abc", key: "/x/" } }), `stacks[0].backend.s3.key: "/x/" is not valid: an S3 object key that does not start with / or white space.`],
    ["an HCP workspace with a space", (c) => void (c.stacks[0].backend = { cloud: { organization: "acme", workspace: "a b/c" } }), `stacks[0].backend.cloud.workspace: "a b/c" is not valid: an HCP Terraform name: 1-90 letters, digits, - and _.`],
    [
      "a control character in a username",
      (c) => void (first(c).userName = "a\u0000b"),
      `${P}.userName: "a\\u0000b" is not valid: a Kubernetes username that does not start with system:, eks:, aws:, amazon: or iam:; {{SessionName}} and {{SessionNameRaw}} only after a colon, e.g. ops:{{SessionName}}.`,
    ],
  ])("rejects %s", (_case, change, message) => {
    const config = base();
    change(config);
    expect(() => validateConfig(config, FILE)).toThrow(new ConfigError(`${FILE}: ${message}`));
  });

  it("accepts tags in any script and the same cluster name in two regions", () => {
    const config = base();
    config.stacks[0].tags = { Kostenstelle: "Übersee 42", "team:name": "a+b=c@d" };
    config.stacks.push({ name: "s2", region: "eu-west-1", clusters: [{ name: "c1", principals: [{ roleName: "jumphost" }] }] });
    expect(() => validateConfig(config, FILE)).not.toThrow();
  });
});

describe("validateConfig, one principal written two ways in a stack", () => {
  it("rejects a roleName and the roleArn of the same role on two clusters, when the stack's account is known", () => {
    const config: JumphostConfig = {
      stacks: [
        {
          name: "s",
          assumeRoleArn: "arn:aws:iam::111111111111:role/tf",
          clusters: [
            { name: "a", principals: [{ roleName: "jumphost" }] },
            { name: "b", principals: [{ roleArn: "arn:aws:iam::111111111111:role/jumphost" }] },
          ],
        },
      ],
    };
    expect(() => validateConfig(config, FILE)).toThrow(
      new ConfigError(
        `${FILE}: stacks[0].clusters[1].principals[0]: roleArn "arn:aws:iam::111111111111:role/jumphost" is the same IAM principal as at stacks[0].clusters[0].principals[0], written differently (IAM ignores case); write it the same way everywhere in the stack.`,
      ),
    );
  });
});
