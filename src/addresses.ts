// Terraform resource names built from names the user chose, never from list positions, so adding,
// removing or reordering a principal never renames (and so never replaces) another's resources.
//
// Encoding: parts are joined with "__"; inside a part, letters, "-" and digits (but not a leading
// digit of the whole name) stay as they are and every other character becomes "_" plus two hex
// digits ("_" -> "_5f", "." -> "_2e"). The character after an escape's "_" is never "_", so "__" is
// always a separator and the mapping cannot collide: cluster "a" + role "b_c" gives "a__role-b_5fc",
// cluster "a_b" + role "c" gives "a_5fb__role-c".

export function terraformName(...parts: string[]): string {
  return parts.map(encodePart).join("__").replace(/^[0-9]/, (digit) => escape(digit));
}

function encodePart(part: string): string {
  let out = "";
  for (const char of part) out += /[A-Za-z0-9-]/.test(char) ? char : escape(char);
  return out;
}

function escape(char: string): string {
  const code = char.codePointAt(0)!;
  // Two hex digits cover every character AWS allows in these names; "_u" + 6 digits the rest.
  return code < 0x100 ? `_${code.toString(16).padStart(2, "0")}` : `_u${code.toString(16).padStart(6, "0")}`;
}
