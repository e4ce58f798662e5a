import { CotpotError } from "../errors/index.js";

/**
 * A command was called wrongly (a missing file, a flag out of range). The CLI prints its
 * message on one line and exits with status 2, without a stack trace.
 */
export class UsageError extends CotpotError {
  override name = "UsageError";
}
