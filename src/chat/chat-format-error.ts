import { CotpotError } from "../errors/index.js";

/**
 * A conversation the chat format cannot render: the model's own template would refuse
 * it (a system message Gemma does not take, turns that do not alternate for Llama-2),
 * or a rendering option does not fit it. The message says why and what to do.
 */
export class ChatFormatError extends CotpotError {
  override name = "ChatFormatError";

  /** The format's name. */
  readonly format: string;

  /** The index of the message at fault, when one is. */
  readonly messageIndex: number | undefined;

  constructor(format: string, message: string, messageIndex?: number, options?: ErrorOptions) {
    super(`Chat format '${format}': ${message}`, options);
    this.format = format;
    this.messageIndex = messageIndex;
  }
}
