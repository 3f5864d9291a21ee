// Reads the aws-auth file with a size cap: a ConfigMap is limited to 1 MiB by Kubernetes, so
// anything much larger is the wrong file, and a device such as /dev/zero would never end.
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { AwsAuthInputError, osReason } from "./errors";

/** Larger inputs are refused. */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

/** The file's text; throws AwsAuthInputError naming the file for any failure. */
export function readInputFile(file: string, maxBytes: number = MAX_INPUT_BYTES): string {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch (error) {
    throw new AwsAuthInputError(`${file}: ${readFailure(error)}`);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new AwsAuthInputError(`${file}: is a directory; expected the aws-auth ConfigMap as a file.`);
    if (stat.isFile() && stat.size > maxBytes) throw tooLarge(file, maxBytes, "");
    return readCapped(fd, file, maxBytes, stat.isFile());
  } catch (error) {
    if (error instanceof AwsAuthInputError) throw error;
    throw new AwsAuthInputError(`${file}: ${readFailure(error)}`);
  } finally {
    closeSync(fd);
  }
}

/** "file not found", or the OS's reason; shared with the --merge target. */
export function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === "ENOENT" ? "file not found." : `cannot read: ${osReason(error)}.`;
}

// Reads at most maxBytes + 1 bytes, so a file that grows or a device that never ends stops there.
function readCapped(fd: number, file: string, maxBytes: number, regular: boolean): string {
  const buffer = Buffer.alloc(Math.min(maxBytes + 1, 64 * 1024));
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const read = readSync(fd, buffer, 0, buffer.length, null);
    if (read === 0) break;
    total += read;
    if (total > maxBytes) throw tooLarge(file, maxBytes, regular ? "" : " (it is not a regular file and did not end)");
    chunks.push(Buffer.from(buffer.subarray(0, read)));
  }
  return Buffer.concat(chunks).toString("utf8");
}

function tooLarge(file: string, maxBytes: number, why: string): AwsAuthInputError {
  const size = maxBytes % (1024 * 1024) === 0 ? `${maxBytes / (1024 * 1024)} MB` : `${maxBytes} bytes`;
  return new AwsAuthInputError(
    `${file}: is over ${size}${why}; an aws-auth ConfigMap is a few KB. Give the output of kubectl get configmap aws-auth -n kube-system -o yaml.`,
  );
}
