// Reads the cluster at plan time and fails `terraform plan` when its authentication mode does not
// allow access entries, instead of `apply` failing with InvalidRequestException half-way through.
import { Construct } from "constructs";
import { terraformName } from "./addresses";
import { withHclConditionBlocks } from "./hcl-conditions";
import { DataAwsEksCluster } from "./provider-aws";

export interface AuthenticationModeCheckProps {
  readonly clusterName: string;
  /** Region for the fix command in the error message. @default "REGION", for the user to fill in */
  readonly region?: string;
}

export class AuthenticationModeCheck extends Construct {
  readonly cluster: DataAwsEksCluster;

  constructor(scope: Construct, id: string, props: AuthenticationModeCheckProps) {
    super(scope, id);
    this.cluster = withHclConditionBlocks(new DataAwsEksCluster(this, "cluster", {
      name: props.clusterName,
      lifecycle: {
        // A postcondition, not a precondition: only a postcondition may refer to `self`.
        postcondition: [
          {
            condition: '${contains(["API", "API_AND_CONFIG_MAP"], self.access_config[0].authentication_mode)}',
            errorMessage:
              `EKS cluster ${props.clusterName} uses authentication mode CONFIG_MAP, which does not allow access entries. ` +
              `Switch it (no downtime; it cannot go back to CONFIG_MAP) with credentials of the cluster's account: ` +
              `aws eks update-cluster-config --region ${props.region ?? "REGION"} --name ${props.clusterName} ` +
              `--access-config authenticationMode=API_AND_CONFIG_MAP`,
          },
        ],
      },
    }));
    this.cluster.overrideLogicalId(terraformName(props.clusterName));
  }
}
