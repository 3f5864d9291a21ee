import { inferAccount } from "../src/aws-auth/account";
import { parseAwsAuth } from "../src/aws-auth/parse";
import { readFixture } from "./helpers/aws-auth-fixtures";

describe("inferAccount", () => {
  test("takes the node roles' account", () => {
    expect(inferAccount(readFixture("module-generated.yaml"))).toEqual({ account: "111122223333", source: "the account of the node roles" });
  });

  test("takes the only account when there are no node roles", () => {
    expect(inferAccount(readFixture("bare-data.json"))).toEqual({ account: "111122223333", source: "the only account in aws-auth" });
  });

  test("gives up when several accounts and no node roles", () => {
    expect(inferAccount(readFixture("sso-roles.yaml"))).toBeUndefined();
    expect(inferAccount(parseAwsAuth("mapAccounts: '[\"111122223333\"]'", "x"))).toBeUndefined();
  });
});
