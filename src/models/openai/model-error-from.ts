import type * as OpenAISdk from "openai";
import type { ResolvedGenerateOptions } from "../generate-options.js";
import { ModelError } from "../model-error.js";

/** The SDK's error classes, from the loaded `openai` module. */
export type SdkErrors = Pick<
  typeof OpenAISdk,
  "APIError" | "APIUserAbortError" | "APIConnectionError" | "APIConnectionTimeoutError"
>;

interface FailedCall {
  model: string;
  url: string;
  options: ResolvedGenerateOptions;
}

const RETRYABLE = new Set([408, 409, 429]);

/**
 * Explains a failed call: what failed (URL, status, the server's message), after how
 * many attempts, and whether trying again may help. A call the caller aborted rejects
 * with the signal's reason instead.
 */
export function modelErrorFrom(error: unknown, errors: SdkErrors, call: FailedCall): unknown {
  const { model, url, options } = call;
  const attempts = (options.maxRetries ?? 2) + 1;
  const tried = attempts === 1 ? "" : ` after ${attempts} attempts`;

  if (error instanceof errors.APIUserAbortError || options.signal?.aborted) {
    return options.signal?.reason ?? error;
  }
  if (error instanceof errors.APIConnectionTimeoutError) {
    const message = `${url} did not answer within ${options.timeoutMs ?? 60_000} ms${tried}. Raise timeoutMs, or check the server.`;
    return new ModelError(message, { model, url, retryable: true }, { cause: error });
  }
  if (error instanceof errors.APIConnectionError) {
    const message = `Could not reach ${url}${tried}: ${rootCause(error)}. Check that the server is running and that baseURL (or OPENAI_BASE_URL) points at it.`;
    return new ModelError(message, { model, url, retryable: true }, { cause: error });
  }
  if (error instanceof errors.APIError && error.status !== undefined) {
    const retried = RETRYABLE.has(error.status) || error.status >= 500;
    return statusError(error, error.status, { model, url, tried: retried ? tried : "" });
  }
  const reason = error instanceof Error ? error.message : String(error);
  const message = `${url} sent a response cotpot could not read: ${reason}.`;
  return new ModelError(message, { model, url, retryable: false }, { cause: error });
}

function statusError(
  error: OpenAISdk.APIError,
  status: number,
  call: { model: string; url: string; tried: string },
): ModelError {
  const serverMessage = serverMessageOf(error);
  const retryable = RETRYABLE.has(status) || status >= 500;
  const said = serverMessage ? `: ${serverMessage.replace(/\.$/, "")}` : "";
  const message = `${call.url} answered ${status}${call.tried}${said}. ${advice(status, call.model, retryable)}`;
  // A refused key or a model the server does not have fails every call alike.
  const scope = status === 401 || status === 403 || status === 404 ? "model" : "call";
  const details = { model: call.model, url: call.url, status, retryable, scope } as const;
  return new ModelError(message, serverMessage ? { ...details, serverMessage } : details, {
    cause: error,
  });
}

function advice(status: number, model: string, retryable: boolean): string {
  if (status === 401 || status === 403) return "Check the API key (apiKey, or OPENAI_API_KEY).";
  if (status === 404) return `Check that the server serves a model named '${model}' at this URL.`;
  if (status === 429) return "The server is rate limiting; retrying later may help.";
  if (retryable) return "The server failed; retrying later may help.";
  return "The server refused the request; retrying will not help until it changes.";
}

/** The innermost cause's message: "fetch failed" says less than "connect ECONNREFUSED". */
function rootCause(error: Error): string {
  let cause: unknown = error;
  while (cause instanceof Error && cause.cause instanceof Error) cause = cause.cause;
  const innermost = cause as Error & { code?: string };
  return innermost.code && !innermost.message.includes(innermost.code)
    ? `${innermost.message} (${innermost.code})`
    : innermost.message;
}

function serverMessageOf(error: OpenAISdk.APIError): string | undefined {
  const body = error.error as { message?: unknown } | string | undefined;
  if (typeof body === "string") return body;
  if (body && typeof body.message === "string") return body.message;
  return undefined;
}
