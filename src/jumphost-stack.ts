// One Terraform stack: the AWS provider, its backend, the shared data sources of the guide, and
// access for every principal of every cluster in the stack's config.
import { CloudBackend, LocalBackend, NamedCloudWorkspace, S3Backend, TerraformStack, type TerraformBackend } from "cdktf";
import type { Construct } from "constructs";
import { AccessPolicy } from "./access-policy";
import { terraformName } from "./addresses";
import { AuthenticationModeCheck } from "./authentication-mode-check";
import type { BackendConfig, ClusterConfig, PrincipalConfig, StackConfig } from "./config/types";
import { DescribeClusterPolicy } from "./describe-cluster-policy";
import { AccessEntryType, JumphostAccess, type AwsEnvironment } from "./jumphost-access";
import { withHclConditionBlocks } from "./hcl-conditions";
import { describePrincipal, principalKey, principalName } from "./principal";
import { AwsProvider, DataAwsCallerIdentity, DataAwsIamRole, DataAwsPartition, DataAwsRegion } from "./provider-aws";

/** Everything of a stack's config but its name, which is the construct id. */
export type JumphostStackProps = Omit<StackConfig, "name">;

export class JumphostStack extends TerraformStack {
  readonly partition: DataAwsPartition;
  readonly region: DataAwsRegion;
  readonly callerIdentity: DataAwsCallerIdentity;
  readonly accesses: JumphostAccess[] = [];
  private readonly roles = new Map<string, DataAwsIamRole>();

  constructor(scope: Construct, name: string, props: JumphostStackProps) {
    super(scope, name);
    new AwsProvider(this, "aws", {
      region: props.region,
      defaultTags: props.tags ? [{ tags: { ...props.tags } }] : undefined,
      assumeRole: props.assumeRoleArn ? [{ roleArn: props.assumeRoleArn }] : undefined,
    });
    addBackend(this, name, props.backend ?? { local: {} }, props.region);

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
        new AuthenticationModeCheck(this, terraformName("auth-mode", cluster.name), { clusterName: cluster.name });
      }
      for (const principal of cluster.principals) {
        const key = principalKey(principal);
        this.accesses.push(this.addAccess(cluster, principal, key, environment));
        if (principal.describeClusterPolicy ?? true) {
          const entry = describeClusters.get(key) ?? { principal, clusters: [] };
          entry.clusters.push(cluster.name);
          describeClusters.set(key, entry);
        }
      }
    }

    for (const [key, { principal, clusters }] of describeClusters) {
      new DescribeClusterPolicy(this, terraformName("describe", key), {
        stackName: name,
        principalKey: key,
        principalLabel: describePrincipal(principal),
        attachTo: principal.userArn !== undefined ? { user: principalName(principal) } : { role: this.roleFor(principal, key).name },
        clusterNames: clusters,
        partition: this.partition.partition,
        region: this.region.region,
        accountId: this.callerIdentity.accountId,
        knownRegion: props.region,
      });
    }
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
              postcondition: [
                {
                  condition: `\${self.arn == ${JSON.stringify(arn)}}`,
                  errorMessage: `The role named ${principalName(principal)} in this stack's account is not ${arn}. describeClusterPolicy attaches an IAM policy in the stack's account; for a role in another account set "describeClusterPolicy": false.`,
                },
              ],
            }
          : undefined,
      }));
      role.overrideLogicalId(key);
      this.roles.set(key, role);
    }
    return role;
  }
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
    // S3-native locking (Terraform >= 1.10); cdktf 0.21 has no typed field for it yet.
    backend.addOverride("use_lockfile", s3.useLockfile ?? true);
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
