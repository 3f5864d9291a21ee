// The profile AWS_PROFILE names, and whether the shared config files define it. The SDK reports a
// misspelt profile only as "Region is missing" or "Could not load credentials", which sends the
// user looking for the wrong thing.
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

export interface ProfileStatus {
  readonly name: string;
  /** Defined in the config file ([profile NAME], or [default]) or the credentials file ([NAME]). */
  readonly found: boolean;
  /** The config file, as the SDK finds it (AWS_CONFIG_FILE, else ~/.aws/config). */
  readonly configFile: string;
  /** The credentials file (AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/credentials). */
  readonly credentialsFile: string;
}

/** Undefined when AWS_PROFILE is unset: the SDK's default chain applies and names no profile. */
export function namedProfile(env: NodeJS.ProcessEnv): ProfileStatus | undefined {
  const name = env.AWS_PROFILE;
  if (!name) return undefined;
  const home = env.HOME || safeHomedir();
  const configFile = env.AWS_CONFIG_FILE || join(home, ".aws", "config");
  const credentialsFile = env.AWS_SHARED_CREDENTIALS_FILE || join(home, ".aws", "credentials");
  // As the SDK reads them: [profile NAME] (optionally quoted) or [default] in the config file,
  // [NAME] in the credentials file.
  const inConfig = sections(configFile).some((section) => PROFILE_SECTION.exec(section)?.[2] === name || (name === "default" && section === "default"));
  return { name, found: inConfig || sections(credentialsFile).includes(name), configFile, credentialsFile };
}

/** The SDK's pattern (@smithy/core shared-ini-file-loader parseIni) for "profile NAME". */
const PROFILE_SECTION = /^profile\s(["'])?([\w-@+.%:/]+)\1$/;

/** INI section names as the SDK parses them; none when the file cannot be read (the SDK skips it too). */
function sections(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return [];
  }
  return text
    .split(/\r?\n/)
    .map((line) => line.split(/(?:^|\s)[;#]/)[0].trim())
    .filter((line) => line.startsWith("[") && line.endsWith("]"))
    .map((line) => line.slice(1, -1));
}

/** os.homedir() throws when HOME is unset and the user has no passwd entry (some containers). */
function safeHomedir(): string {
  try {
    return homedir();
  } catch {
    return "~";
  }
}

/** "no profile "nope" in /home/u/.aws/config or /home/u/.aws/credentials". */
export function profileNotFound(profile: ProfileStatus): string {
  return `no profile "${profile.name}" in ${profile.configFile} or ${profile.credentialsFile}`;
}
