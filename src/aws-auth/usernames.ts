// The user_name rules of STANDARD access entries, which are stricter than aws-auth's: specific
// reasons for the cases aws-auth files hold, then the project's USER_NAME rule for the rest.
import { ruleViolation, USER_NAME } from "../aws-names";

/** What becomes of an aws-auth username. */
export type UsernameVerdict =
  | { readonly keep: true }
  | { readonly keep: false; readonly reason: string };

// Prefixes EKS reserves; a custom user_name may not start with them.
const RESERVED_PREFIXES = ["system:", "eks:", "aws:", "amazon:", "iam:"];
// Templates access entries document for user_name; only after a colon (`ops:{{SessionName}}`).
const SESSION_TEMPLATES = ["{{SessionName}}", "{{SessionNameRaw}}"];

/** Checks an aws-auth username against the access-entry rules. */
export function checkUsername(username: string): UsernameVerdict {
  const prefix = RESERVED_PREFIXES.find((reserved) => username.startsWith(reserved));
  if (prefix) return { keep: false, reason: `access entries refuse usernames starting with "${prefix}"` };
  const templates = username.match(/\{\{[^}]*\}\}/g) ?? [];
  const unknown = templates.find((template) => !SESSION_TEMPLATES.includes(template));
  if (unknown) return { keep: false, reason: `${unknown} is not a template access entries document for usernames (only {{SessionName}} and {{SessionNameRaw}})` };
  const first = templates[0];
  if (first && !username.slice(0, username.indexOf(first)).includes(":")) {
    return { keep: false, reason: `${first} is allowed only after a colon (e.g. "ops:${first}")` };
  }
  const violation = ruleViolation(USER_NAME, username);
  return violation === undefined ? { keep: true } : { keep: false, reason: `access entries refuse it: ${violation}` };
}
