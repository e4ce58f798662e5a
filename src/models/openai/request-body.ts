import type { ChatMessage } from "../../chat/index.js";
import type { ResolvedGenerateOptions } from "../generate-options.js";

/** What a request body needs to know about the model it is for. */
export interface RequestContext {
  model: string;
  /** Whether the server is OpenAI's own API. */
  isOpenAI: boolean;
  /** Whether to send `top_k` and `min_p`. */
  sendExtra: boolean;
  warn(code: string, message: string): void;
}

/**
 * The JSON body of a `/chat/completions` or `/completions` request: cotpot's option
 * names mapped to the wire format's, and only the options that were set.
 */
export function requestBody(
  endpoint: "chat" | "completions",
  input: readonly ChatMessage[] | string,
  options: ResolvedGenerateOptions,
  context: RequestContext,
): Record<string, unknown> {
  const body: Record<string, unknown> =
    endpoint === "chat"
      ? { model: context.model, messages: input }
      : { model: context.model, prompt: input };

  set(body, "temperature", options.temperature);
  set(body, "top_p", options.topP);
  set(body, "seed", options.seed);
  // OpenAI's newer models refuse max_tokens in chat; other servers know max_tokens.
  const maxTokensName =
    context.isOpenAI && endpoint === "chat" ? "max_completion_tokens" : "max_tokens";
  set(body, maxTokensName, options.maxTokens);
  if (options.stop.length > 0) body.stop = [...options.stop];
  if (options.n !== 1) body.n = options.n;

  extraSampling(body, "top_k", options.topK, context);
  extraSampling(body, "min_p", options.minP, context);
  return body;
}

function extraSampling(
  body: Record<string, unknown>,
  name: "top_k" | "min_p",
  value: number | undefined,
  context: RequestContext,
): void {
  if (value === undefined) return;
  if (context.sendExtra) {
    body[name] = value;
    return;
  }
  const option = name === "top_k" ? "topK" : "minP";
  context.warn(
    `unsupported-${name.replace("_", "-")}`,
    `${option} is not an OpenAI API parameter, so it was not sent to ${context.model}. ` +
      `Servers such as vLLM, llama.cpp and Ollama take it; set extraSampling: "send" to send it anyway.`,
  );
}

function set(body: Record<string, unknown>, name: string, value: number | undefined): void {
  if (value !== undefined) body[name] = value;
}
