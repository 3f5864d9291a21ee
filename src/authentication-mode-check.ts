// Reads the cluster at plan time and fails `terraform plan` when its authentication mode does not
// allow access entries, instead of `apply` failing with InvalidRequestException half-way through.
import { Construct } from "constructs";
import { terraformName } from "./addresses";
import { withHclConditionBlocks } from "./hcl-conditions";
import { DataAwsEksCluster } from "./provider-aws";

export interface AuthenticationModeCheckProps {
  readonly clusterName: string;
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
              `Switch it (one way, no downtime) with: aws eks update-cluster-config --name ${props.clusterName} ` +
              `--access-config authenticationMode=API_AND_CONFIG_MAP`,
          },
        ],
      },
    }));
    this.cluster.overrideLogicalId(terraformName(props.clusterName));
  }
}
