/** Input that the constructs refuse (e.g. a principal whose clusters IAM limits cannot hold). */
export class ValidationError extends Error {
  override readonly name = "ValidationError";
}
