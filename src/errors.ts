/**
 * A problem with the command's own inputs (a missing PATH, a bad flag, a bad
 * config, an unwritable output): exit code 2 with this one-line message.
 */
export class UsageError extends Error {
  override name = "UsageError";
}
