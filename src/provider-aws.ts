// Every class this project takes from @cdktf/provider-aws, imported by deep path: the package root
// loads ~2,200 modules (~3 s, ~570 MB), these load a handful. Moving to the CDK Terrain packages
// (same API, renamed packages) is a change to this file only.
export { AwsProvider } from "@cdktf/provider-aws/lib/provider";
export { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity";
export { DataAwsEksCluster } from "@cdktf/provider-aws/lib/data-aws-eks-cluster";
export { DataAwsIamRole } from "@cdktf/provider-aws/lib/data-aws-iam-role";
export { DataAwsPartition } from "@cdktf/provider-aws/lib/data-aws-partition";
export { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";
export { EksAccessEntry } from "@cdktf/provider-aws/lib/eks-access-entry";
export { EksAccessPolicyAssociation } from "@cdktf/provider-aws/lib/eks-access-policy-association";
export { IamPolicy } from "@cdktf/provider-aws/lib/iam-policy";
export { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
export { IamUserPolicyAttachment } from "@cdktf/provider-aws/lib/iam-user-policy-attachment";
