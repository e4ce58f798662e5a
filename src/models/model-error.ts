import { CotpotError } from "../errors/index.js";

/** What is known about a failed model call. */
export interface ModelErrorDetails {
  /** The model's name. */
  model: string;
  /** The URL called, for a server. */
  url?: string;
  /** The HTTP status, when the server answered. */
  status?: number;
  /** The server's own error message, when it sent one. */
  serverMessage?: string;
  /** Whether trying again later may succeed (rate limits, server errors, timeouts). */
  retryable: boolean;
  /**
   * `model` when the model cannot be used at all, so every call would fail the same way
   * (it cannot be loaded, the API key is refused, the server has no such model); `call`
   * (the default) when this call failed.
   */
  scope?: "call" | "model";
}

/**
 * A model call failed: the server refused or broke off, a local model could not be
 * loaded or run. The message says what failed and what to do; the details are fields.
 */
export class ModelError extends CotpotError {
  override name = "ModelError";
  readonly model: string;
  readonly url: string | undefined;
  readonly status: number | undefined;
  readonly serverMessage: string | undefined;
  readonly retryable: boolean;
  readonly scope: "call" | "model";

  constructor(message: string, details: ModelErrorDetails, options?: ErrorOptions) {
    super(message, options);
    this.model = details.model;
    this.url = details.url;
    this.status = details.status;
    this.serverMessage = details.serverMessage;
    this.retryable = details.retryable;
    this.scope = details.scope ?? "call";
  }
}
