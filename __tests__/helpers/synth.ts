// Test helpers: a fresh app and stack per call, synthesized with validations on.
import { Testing } from "cdktf";
import type { ClusterConfig, JumphostConfig, PrincipalConfig, StackConfig } from "../../src/config/types";
import { JumphostStack } from "../../src/jumphost-stack";

/** Terraform JSON of one stack, as a string for cdktf's matchers. */
export function synthStack(config: Omit<StackConfig, "name">, name = "test-stack"): string {
  const stack = new JumphostStack(Testing.app(), name, config);
  return Testing.synth(stack, true);
}

/** The same, parsed. */
export function synthJson(config: Omit<StackConfig, "name">, name = "test-stack"): TerraformJson {
  return JSON.parse(synthStack(config, name)) as TerraformJson;
}

/** A stack config with one cluster holding the given principals. */
export function oneCluster(principals: PrincipalConfig[], cluster: Partial<ClusterConfig> = {}): Omit<StackConfig, "name"> {
  return { region: "us-east-1", clusters: [{ name: "my-eks-cluster", principals, ...cluster }] };
}

/** The issue's example config (AdminView limited to team-a), a fresh copy each call. */
export function issueExample(): JumphostConfig {
  const config = structuredClone(GUIDE_CONFIG) as { stacks: Array<{ clusters: Array<{ principals: Array<{ accessPolicies: object[] }> }> }> };
  config.stacks[0]!.clusters[0]!.principals[0]!.accessPolicies[1] = { policy: "AmazonEKSAdminViewPolicy", namespaces: ["team-a"] };
  return config as unknown as JumphostConfig;
}

/** The guide's setup, as the committed default config has it. */
export const GUIDE_CONFIG: JumphostConfig = {
  stacks: [
    {
      name: "jumphost-access",
      region: "us-east-1",
      clusters: [
        {
          name: "my-eks-cluster",
          principals: [
            {
              roleName: "jumphost",
              accessPolicies: [{ policy: "AmazonEKSViewPolicy" }, { policy: "AmazonEKSAdminViewPolicy" }],
              describeClusterPolicy: true,
            },
          ],
        },
      ],
    },
  ],
};

export type Block = Record<string, unknown>;
export interface TerraformJson {
  resource?: Record<string, Record<string, Block>>;
  data?: Record<string, Record<string, Block>>;
  output?: Record<string, Block>;
  provider?: Record<string, Block[]>;
  terraform?: Block;
  import?: Array<{ to: string; id: string }>;
}

/** Resource or data blocks of one type without cdktf's "//" metadata, by name. */
export function blocks(json: TerraformJson, kind: "resource" | "data", type: string): Record<string, Block> {
  const byName = json[kind]?.[type] ?? {};
  return Object.fromEntries(
    Object.entries(byName).map(([name, body]) => {
      const { "//": _metadata, ...rest } = body;
      return [name, rest];
    }),
  );
}
