import { CotpotError } from "../errors/index.js";

/** The user stopped a command (Ctrl-C); the command line exits with 130, as shells expect. */
export class InterruptedError extends CotpotError {
  override name = "InterruptedError";
}
