import { nodeRoleOf } from "../src/aws-auth/node-roles";

const EC2 = "system:node:{{EC2PrivateDNSName}}";
const SESSION = "system:node:{{SessionName}}";

describe("nodeRoleOf", () => {
  test.each([
    [EC2, ["system:bootstrappers", "system:nodes"], "EC2_LINUX"],
    [EC2, ["system:bootstrappers", "system:nodes", "eks:kube-proxy-windows"], "EC2_WINDOWS"],
    [SESSION, ["system:bootstrappers", "system:nodes", "system:node-proxier"], "FARGATE_LINUX"],
    [SESSION, ["system:bootstrappers", "system:nodes"], "HYBRID_LINUX"],
  ])("%s with %j is %s", (username, groups, type) => {
    expect(nodeRoleOf(username, groups)?.type).toBe(type);
  });

  test.each([["admin"], [undefined], ["system:node:{{AccountID}}"]])("%s is not a node username", (username) => {
    expect(nodeRoleOf(username, ["system:nodes"])).toBeUndefined();
  });
});
