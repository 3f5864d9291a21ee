// The three AWS calls the verify command makes, through the SDK (which honours AWS_REGION,
// AWS_PROFILE, AWS_ENDPOINT_URL and the rest of the standard settings).
import { DescribeClusterCommand, EKSClient, paginateListAssociatedAccessPolicies } from "@aws-sdk/client-eks";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { AccessPolicy } from "../access-policy";
import { namedProfile, ProfileStatus } from "./aws-profile";

export interface CallerIdentity {
  readonly arn: string;
  readonly account: string;
}

export interface ClusterInfo {
  readonly arn: string;
  readonly status: string;
  /** Kubernetes "major.minor", e.g. "1.31". */
  readonly version: string;
  readonly endpoint: string;
  readonly certificateAuthorityData: string;
  readonly authenticationMode: string;
}

export interface AssociatedPolicy {
  readonly policy: string;
  readonly scopeType: string;
  /** Sorted; empty for cluster scope. */
  readonly namespaces: string[];
}

/** The AWS side, as the checks see it. */
export interface AwsApi {
  readonly region: string;
  /** AWS_PROFILE, for explaining credential failures; undefined when unset. */
  readonly profile: ProfileStatus | undefined;
  callerIdentity(): Promise<CallerIdentity>;
  describeCluster(name: string): Promise<ClusterInfo>;
  associatedPolicies(cluster: string, principalArn: string): Promise<AssociatedPolicy[]>;
}

/** A failed AWS call reduced to what the checks branch on. */
export class AwsCallError extends Error {
  constructor(
    /** Error code, e.g. "AccessDeniedException", "ExpiredToken", "CredentialsProviderError", "ECONNREFUSED". */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Fail fast: a jumphost without network should not wait through long default retries. */
const CLIENT_SETTINGS = { maxAttempts: 2, requestHandler: { connectionTimeout: 5_000, requestTimeout: 15_000 } };

/** Builds the SDK clients; throws "Region is missing" style errors only when a call is made. */
export async function sdkAwsApi(region: string | undefined): Promise<AwsApi> {
  const eks = new EKSClient({ ...CLIENT_SETTINGS, region });
  const sts = new STSClient({ ...CLIENT_SETTINGS, region });
  const resolvedRegion = await eks.config.region();
  return {
    region: resolvedRegion,
    profile: namedProfile(process.env),
    callerIdentity: () =>
      call(async () => {
        const out = await sts.send(new GetCallerIdentityCommand({}));
        return { arn: out.Arn ?? "", account: out.Account ?? "" };
      }),
    describeCluster: (name) =>
      call(async () => {
        const { cluster } = await eks.send(new DescribeClusterCommand({ name }));
        return {
          arn: cluster?.arn ?? "",
          status: cluster?.status ?? "UNKNOWN",
          version: cluster?.version ?? "",
          endpoint: cluster?.endpoint ?? "",
          certificateAuthorityData: cluster?.certificateAuthority?.data ?? "",
          // Clusters created before access entries existed report no accessConfig: CONFIG_MAP.
          authenticationMode: cluster?.accessConfig?.authenticationMode ?? "CONFIG_MAP",
        };
      }),
    associatedPolicies: (cluster, principalArn) =>
      call(async () => {
        const policies: AssociatedPolicy[] = [];
        const pages = paginateListAssociatedAccessPolicies({ client: eks }, { clusterName: cluster, principalArn });
        for await (const page of pages) {
          for (const entry of page.associatedAccessPolicies ?? []) {
            policies.push({
              // An ARN of another shape is shown whole rather than cut to a misleading name.
              policy: AccessPolicy.nameFromArn(entry.policyArn ?? "") ?? entry.policyArn ?? "",
              scopeType: entry.accessScope?.type ?? "cluster",
              namespaces: [...(entry.accessScope?.namespaces ?? [])].sort(),
            });
          }
        }
        return policies;
      }),
  };
}

async function call<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    const { name, code, message } = error as { name?: string; code?: string; message?: string };
    // Network errors carry the useful name in .code (ECONNREFUSED, ENOTFOUND); service errors in .name.
    const useful = code && /^E[A-Z]+$/.test(code) ? code : (name ?? "Error");
    throw new AwsCallError(useful, (message ?? String(error)).split("\n")[0]);
  }
}
