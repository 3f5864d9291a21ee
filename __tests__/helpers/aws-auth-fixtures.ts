// Paths and parsed contents of the aws-auth fixtures, shared by the aws-auth tests.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseAwsAuth, type AwsAuthData } from "../../src/aws-auth/parse";

export function fixturePath(name: string): string {
  return join(__dirname, "..", "fixtures", "aws-auth", name);
}

export function readFixture(name: string): AwsAuthData {
  return parseAwsAuth(readFileSync(fixturePath(name), "utf8"), name);
}
