// The cluster as EKS describes it: reachable with our IAM permissions, ACTIVE, and in an
// authentication mode that reads access entries.
import type { IamPrincipal } from "./arn";
import { AwsApi, AwsCallError, ClusterInfo } from "./aws";
import { credentialFailure } from "./identity-checks";
import { CheckResult, fail, pass, skipped } from "./result";

export interface ClusterOutcome {
  readonly result: CheckResult;
  readonly cluster?: ClusterInfo;
  /** DescribeCluster said there is no such cluster. */
  readonly notFound: boolean;
}

export async function checkCluster(aws: AwsApi, name: string, caller: IamPrincipal | undefined): Promise<ClusterOutcome> {
  if (!caller) return { result: skipped("cluster", "needs working AWS credentials (caller-identity failed)"), notFound: false };
  let cluster: ClusterInfo;
  try {
    cluster = await aws.describeCluster(name);
  } catch (error) {
    const code = error instanceof AwsCallError ? error.code : "";
    if (code === "AccessDeniedException") {
      const clusterArn = `arn:${caller.partition}:eks:${aws.region}:${caller.account}:cluster/${name}`;
      return {
        result: fail(
          "cluster",
          `not allowed to call eks:DescribeCluster on ${name} (AccessDeniedException): the IAM policy is missing`,
          `grant eks:DescribeCluster on ${clusterArn} to the jumphost's ${caller.kind} ${caller.name} (describeClusterPolicy, on by default in the config; cdktf deploy)`,
        ),
        notFound: false,
      };
    }
    if (code === "ResourceNotFoundException") {
      return {
        result: fail("cluster", `no cluster "${name}" in ${aws.region} (ResourceNotFoundException)`, "check --cluster and the region (--region, the stack's region, AWS_REGION)"),
        notFound: true,
      };
    }
    return { result: credentialFailure("cluster", "EKS DescribeCluster", error, aws), notFound: false };
  }
  if (cluster.status !== "ACTIVE") {
    const fix =
      cluster.status === "CREATING" || cluster.status === "UPDATING"
        ? `wait until it is ACTIVE: aws eks wait cluster-active --name ${name} --region ${aws.region}`
        : "the cluster cannot serve requests; see its health in the EKS console";
    return { result: fail("cluster", `cluster ${name} is ${cluster.status}, not ACTIVE`, fix), cluster, notFound: false };
  }
  return { result: pass("cluster", `cluster ${name} is ACTIVE, Kubernetes ${cluster.version}, ${cluster.arn}`), cluster, notFound: false };
}

export function checkAuthenticationMode(cluster: ClusterInfo | undefined, name: string, region: string): CheckResult {
  if (!cluster) return skipped("authentication-mode", "cluster not described");
  if (cluster.authenticationMode === "API" || cluster.authenticationMode === "API_AND_CONFIG_MAP") {
    return pass("authentication-mode", `${cluster.authenticationMode}: access entries apply`);
  }
  return fail(
    "authentication-mode",
    `${cluster.authenticationMode}: the cluster ignores access entries (it reads only the aws-auth ConfigMap)`,
    `switch to API_AND_CONFIG_MAP (one-way): aws eks update-cluster-config --name ${name} --region ${region} --access-config authenticationMode=API_AND_CONFIG_MAP`,
  );
}
