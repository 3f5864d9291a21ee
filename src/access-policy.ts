// EKS access policies: what each grants, which need an explicit admin opt-in, and their ARNs.

/** Scope of an access policy association, as the EKS API spells it. */
export enum AccessScopeType {
  CLUSTER = "cluster",
  NAMESPACE = "namespace",
}

/** What a policy lets a principal do, for warnings and the README. */
export interface AccessPolicyTraits {
  /** Allows writes, exec or Secret writes: needs `allowAdmin`. */
  readonly admin: boolean;
  /** Lets the principal read Secrets. */
  readonly readsSecrets: boolean;
  /** Lets the principal read nodes (`kubectl get nodes`). */
  readonly readsNodes: boolean;
}

/**
 * An EKS access policy. The constants are the policies meant for people; `of` reaches any other
 * (node and Auto Mode policies, policies newer than this code).
 */
export class AccessPolicy {
  static readonly CLUSTER_ADMIN = new AccessPolicy("AmazonEKSClusterAdminPolicy", { admin: true, readsSecrets: true, readsNodes: true });
  static readonly ADMIN = new AccessPolicy("AmazonEKSAdminPolicy", { admin: true, readsSecrets: true, readsNodes: false });
  static readonly EDIT = new AccessPolicy("AmazonEKSEditPolicy", { admin: true, readsSecrets: true, readsNodes: false });
  static readonly VIEW = new AccessPolicy("AmazonEKSViewPolicy", { admin: false, readsSecrets: false, readsNodes: false });
  static readonly ADMIN_VIEW = new AccessPolicy("AmazonEKSAdminViewPolicy", { admin: false, readsSecrets: true, readsNodes: true });
  static readonly SECRET_READER = new AccessPolicy("AmazonEKSSecretReaderPolicy", { admin: false, readsSecrets: true, readsNodes: false });

  /** The policies a person may be given through the config file. */
  static readonly FOR_PEOPLE: readonly AccessPolicy[] = [
    AccessPolicy.VIEW,
    AccessPolicy.ADMIN_VIEW,
    AccessPolicy.SECRET_READER,
    AccessPolicy.EDIT,
    AccessPolicy.ADMIN,
    AccessPolicy.CLUSTER_ADMIN,
  ];

  /** The policies a person may be given that cover nodes (`kubectl get nodes`). */
  static readonly NODE_READERS: readonly AccessPolicy[] = AccessPolicy.FOR_PEOPLE.filter((policy) => policy.traits.readsNodes);

  /** "AmazonEKSViewPolicy" from `arn:PARTITION:eks::aws:cluster-access-policy/AmazonEKSViewPolicy`, else undefined. */
  static nameFromArn(arn: string): string | undefined {
    return /^arn:[^:]+:eks::aws:cluster-access-policy\/([\w-]+)$/.exec(arn)?.[1];
  }

  /** A known policy by name, or one this code does not know, treated as admin-level to be safe. */
  static of(name: string): AccessPolicy {
    return (
      AccessPolicy.FOR_PEOPLE.find((policy) => policy.name === name) ??
      new AccessPolicy(name, { admin: true, readsSecrets: true, readsNodes: true })
    );
  }

  private constructor(
    /** e.g. "AmazonEKSViewPolicy". */
    readonly name: string,
    readonly traits: AccessPolicyTraits,
  ) {}

  /** `arn:PARTITION:eks::aws:cluster-access-policy/NAME`; pass the aws_partition data source's value. */
  arn(partition: string): string {
    return `arn:${partition}:eks::aws:cluster-access-policy/${this.name}`;
  }
}
