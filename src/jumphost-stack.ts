// One Terraform stack: the AWS provider, its backend, the shared data sources of the guide, and
// access for every principal of every cluster in the stack's config.
import { CloudBackend, LocalBackend, NamedCloudWorkspace, S3Backend, TerraformStack, type TerraformBackend } from "cdktf";
import type { Construct } from "constructs";
import { AccessPolicy } from "./access-policy";
import { terraformName } from "./addresses";
import { AuthenticationModeCheck } from "./authentication-mode-check";
import type { BackendConfig, ClusterConfig, PrincipalConfig, StackConfig } from "./config/types";
import { DescribeClusterPolicy } from "./describe-cluster-policy";
import { AccessEntryType } from "./access-entry-type";
import { JumphostAccess, type AwsEnvironment } from "./jumphost-access";
import { withHclConditionBlocks } from "./hcl-conditions";
import { parseIamArn } from "./aws-names";
import { describePrincipal, principalKey, principalName } from "./principal";
import { AwsProvider, DataAwsCallerIdentity, DataAwsIamRole, DataAwsPartition, DataAwsRegion } from "./provider-aws";

/** Everything of a stack's config but its name, which is the construct id. */
export type JumphostStackProps = Omit<StackConfig, "name">;

export class JumphostStack extends TerraformStack {
  readonly partition: DataAwsPartition;
  readonly region: DataAwsRegion;
  readonly callerIdentity: DataAwsCallerIdentity;
  readonly accesses: JumphostAccess[] = [];
  /** Managed policies this stack attaches, per principal: IAM's per-principal limit spans stacks. */
  readonly policiesPerPrincipal = new Map<string, { readonly label: string; readonly count: number }>();
  /** Account whose IAM this stack changes, when known (from assumeRoleArn). */
  readonly account: string | undefined;
  /** `terraform { required_version }` of the stack. */
  readonly requiredVersion: string;
  private readonly roles = new Map<string, DataAwsIamRole>();

  constructor(scope: Construct, name: string, props: JumphostStackProps) {
    super(scope, name);
    new AwsProvider(this, "aws", {
      region: props.region,
      defaultTags: props.tags ? [{ tags: { ...props.tags } }] : undefined,
      assumeRole: props.assumeRoleArn ? [{ roleArn: props.assumeRoleArn }] : undefined,
    });
    addBackend(this, name, props.backend ?? { local: {} }, props.region);
    this.requiredVersion = `>= ${minimumTerraform(props)}`;
    this.addOverride("terraform.required_version", this.requiredVersion);

    this.partition = new DataAwsPartition(this, "partition");
    this.partition.overrideLogicalId("current");
    this.region = new DataAwsRegion(this, "region");
    this.region.overrideLogicalId("current");
    this.callerIdentity = new DataAwsCallerIdentity(this, "caller-identity");
    this.callerIdentity.overrideLogicalId("current");
    const environment: AwsEnvironment = { partition: this.partition.partition, region: this.region.region };

    // principal key -> the clusters whose DescribeCluster it gets, in config order
    const describeClusters = new Map<string, { principal: PrincipalConfig; clusters: string[] }>();
    for (const cluster of props.clusters) {
      if (cluster.checkAuthenticationMode ?? true) {
        new AuthenticationModeCheck(this, terraformName("auth-mode", cluster.name), { clusterName: cluster.name, region: props.region });
      }
      for (const principal of cluster.principals) {
        const key = principalKey(principal);
        this.accesses.push(this.addAccess(cluster, principal, key, environment));
        // Node entries need no DescribeCluster: the default follows the entry type.
        const isStandard = (principal.type ?? "STANDARD") === "STANDARD";
        if (principal.describeClusterPolicy ?? isStandard) {
          const entry = describeClusters.get(key) ?? { principal, clusters: [] };
          entry.clusters.push(cluster.name);
          describeClusters.set(key, entry);
        }
      }
    }

    this.account = props.assumeRoleArn ? parseIamArn(props.assumeRoleArn).account : undefined;
    for (const [key, { principal, clusters }] of describeClusters) {
      const policy = new DescribeClusterPolicy(this, terraformName("describe", key), {
        stackName: name,
        principalKey: key,
        principalLabel: describePrincipal(principal),
        attachTo:
          principal.userArn !== undefined
            ? { user: principalName(principal), account: parseIamArn(principal.userArn).account }
            : { role: this.roleFor(principal, key).name },
        clusterNames: clusters,
        partition: this.partition.partition,
        region: this.region.region,
        accountId: this.callerIdentity.accountId,
        knownRegion: props.region,
      });
      this.policiesPerPrincipal.set(key, { label: describePrincipal(principal), count: policy.policies.length });
    }
  }

  // TerraformStack.prepareStack resolves every element once more before synthesis, only to find
  // references to other stacks and add remote state for them. A JumphostStack never refers to
  // another stack, and that pass was a third of a 2,000-entry synth; its backend is always set.
  override prepareStack(): void {}

  // cdktf 0.21's HCL renderer prints the terraform block's plain attributes by index
  // (`0 = "required_version"`), which Terraform refuses; write the attribute it meant.
  override toHclTerraform(): { [key: string]: unknown } {
    const rendered = super.toHclTerraform() as { hcl: string };
    rendered.hcl = rendered.hcl.replace(/^ *0 = "required_version"$/m, `  required_version = ${JSON.stringify(this.requiredVersion)}`);
    return rendered;
  }

  private addAccess(cluster: ClusterConfig, principal: PrincipalConfig, key: string, environment: AwsEnvironment): JumphostAccess {
    // roleName: the data source gives the ARN with its path (a path-less ARN is refused by EKS).
    const principalArn = principal.roleName !== undefined ? this.roleFor(principal, key).arn : (principal.roleArn ?? principal.userArn)!;
    return new JumphostAccess(this, terraformName(cluster.name, key), {
      clusterName: cluster.name,
      principalArn,
      principalKey: key,
      environment,
      type: (principal.type ?? "STANDARD") as AccessEntryType,
      kubernetesGroups: principal.kubernetesGroups,
      userName: principal.userName,
      tags: principal.tags,
      accessPolicies: principal.accessPolicies?.map(({ policy, namespaces }) => ({ policy: AccessPolicy.of(policy), namespaces })),
      allowAdmin: principal.allowAdmin,
      adopt: principal.adopt,
    });
  }

  /** One data source per role, shared by its entries and its policy attachment. */
  private roleFor(principal: PrincipalConfig, key: string): DataAwsIamRole {
    let role = this.roles.get(key);
    if (!role) {
      const arn = principal.roleArn;
      role = withHclConditionBlocks(new DataAwsIamRole(this, terraformName("role", key), {
        name: principalName(principal),
        lifecycle: arn
          ? {
              // A roleArn's policy is attached in the stack's account: make sure it is that role.
              // Written as text: `self` has no cdktf token. IAM ARNs compare case-insensitively.
              postcondition: [
                {
                  condition: `\${lower(self.arn) == ${JSON.stringify(arn.toLowerCase())}}`,
                  errorMessage: `The role named ${principalName(principal)} in this stack's account is not ${arn}. describeClusterPolicy attaches an IAM policy in the stack's account; for a role in another account set "describeClusterPolicy": false.`,
                },
              ],
            }
          : undefined,
      }));
      role.overrideLogicalId(terraformName(key));
      this.roles.set(key, role);
    }
    return role;
  }
}

/**
 * The oldest Terraform that runs this stack: 1.11 for S3 native locking (generally available from
 * 1.11), 1.6 for import blocks whose id is an expression, 1.2 for lifecycle conditions.
 */
export function minimumTerraform(props: JumphostStackProps): string {
  const backend = props.backend;
  if (backend && "s3" in backend && backend.s3.useLockfile !== false) return "1.11";
  if (props.clusters.some((cluster) => cluster.principals.some((principal) => principal.adopt))) return "1.6";
  return "1.2";
}

function addBackend(stack: TerraformStack, name: string, config: BackendConfig, region: string | undefined): TerraformBackend {
  if ("s3" in config) {
    const s3 = config.s3;
    const backend = new S3Backend(stack, {
      bucket: s3.bucket,
      key: s3.key ?? `${name}/terraform.tfstate`,
      region: s3.region ?? region,
      encrypt: s3.encrypt ?? true,
    });
    // S3-native locking (generally available in Terraform 1.11); cdktf 0.21 has no typed field for
    // it. Written only when on: Terraform before 1.10 refuses the argument even when false.
    if (s3.useLockfile ?? true) backend.addOverride("use_lockfile", true);
    return backend;
  }
  if ("cloud" in config) {
    return new CloudBackend(stack, {
      organization: config.cloud.organization,
      workspaces: new NamedCloudWorkspace(config.cloud.workspace),
      hostname: config.cloud.hostname,
    });
  }
  // Relative to the stack's working directory (cdktf.out/stacks/NAME): cdktf's default is an
  // absolute path, which differs between machines and checkouts.
  return new LocalBackend(stack, { path: config.local.path ?? `terraform.${name}.tfstate` });
}
