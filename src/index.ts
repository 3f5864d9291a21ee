// The public API: the constructs, their props and the config contract.
export { AccessPolicy, AccessScopeType, type AccessPolicyTraits } from "./access-policy";
export { AuthenticationModeCheck, type AuthenticationModeCheckProps } from "./authentication-mode-check";
export { buildApp, type BuildAppOptions } from "./app";
export { ConfigError } from "./config/config-error";
export { configJsonSchema } from "./config/json-schema";
export { loadConfig, parseConfig } from "./config/load";
export type * from "./config/types";
export { validateConfig } from "./config/validate";
export { DescribeClusterPolicy, type DescribeClusterPolicyProps } from "./describe-cluster-policy";
export { ImportBlock, type ImportBlockProps } from "./import-block";
export { AccessEntryType, STANDARD_ONLY } from "./access-entry-type";
export { JumphostAccess, type AccessPolicyOptions, type AwsEnvironment, type JumphostAccessProps } from "./jumphost-access";
export { JumphostStack, type JumphostStackProps } from "./jumphost-stack";
