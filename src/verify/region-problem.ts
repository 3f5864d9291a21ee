// Why no usable region was found, in the user's terms: which setting holds the bad value. The SDK
// says only "Region is missing" or "Region not accepted", whatever the cause.
import { REGION, ruleViolation } from "../aws-names";
import { namedProfile, profileNotFound } from "./aws-profile";

/** AWS_REGION applies only when neither --region nor the config's stack gives one (both already checked). */
export function envRegionProblem(region: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  if (region !== undefined || !env.AWS_REGION) return undefined;
  const violation = ruleViolation(REGION, env.AWS_REGION);
  return violation && `AWS_REGION: ${violation}`;
}

/** The usage error for an SDK region failure; undefined when `error` is not about the region. */
export function sdkRegionProblem(error: unknown, env: NodeJS.ProcessEnv): string | undefined {
  const message = String((error as { message?: unknown } | null)?.message ?? error);
  const profile = namedProfile(env);
  const rejected = /Region not accepted: region="([^"]*)"/.exec(message);
  if (rejected) {
    // AWS_REGION and the flags are checked before the SDK runs: the value came from the profile.
    return `region "${rejected[1]}" of profile "${profile?.name ?? "default"}" is not valid: ${REGION.allowed}; pass --region to override it`;
  }
  if (!/region/i.test(message)) return undefined;
  if (profile && !profile.found) return `AWS_PROFILE: ${profileNotFound(profile)}; correct it (aws configure list-profiles), or unset it and pass --region`;
  if (profile) return `no AWS region: pass --region, set AWS_REGION, or set region in profile "${profile.name}" (${profile.configFile})`;
  return "no AWS region: pass --region, set AWS_REGION, or set a region in the profile";
}
