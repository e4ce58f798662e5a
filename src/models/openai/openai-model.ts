import type OpenAI from "openai";
import type { ChatMessage } from "../../chat/index.js";
import { InvalidOptionError } from "../../errors/index.js";
import { countTokensFor } from "../count-tokens.js";
import {
  type GenerateOptions,
  type ResolvedGenerateOptions,
  resolveGenerateOptions,
} from "../generate-options.js";
import type { Generation } from "../generation.js";
import type { GenerationStream, LanguageModel } from "../language-model.js";
import { ModelError } from "../model-error.js";
import type { ModelWarning } from "../model-warning.js";
import { streamOf } from "../stream-of.js";
import { withCallSignal } from "./call-signal.js";
import { collectStream } from "./collect-stream.js";
import { modelErrorFrom, type SdkErrors } from "./model-error-from.js";
import { requestBody } from "./request-body.js";
import { toGeneration } from "./to-generation.js";

/** Options for {@link openai}. */
export interface OpenAIModelOptions {
  /**
   * The model's name on the server (`gpt-4o-mini`, or one `/v1/models` lists); `auto`
   * takes the first model the server lists, for servers that serve one.
   */
  model: string;
  /** The server's API root, such as `http://127.0.0.1:8080/v1`. Default: OpenAI's API. */
  baseURL?: string;
  /** The API key. Default `OPENAI_API_KEY`; local servers usually need none. */
  apiKey?: string;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** Options every call starts from, such as `{ preset: "precise" }`. */
  defaults?: GenerateOptions;
  /**
   * Whether to send `top_k` and `min_p`, which are not OpenAI parameters: `auto` sends
   * them to every server but OpenAI's own API (there they are dropped, with a warning).
   */
  extraSampling?: "auto" | "send" | "drop";
  /** Receives warnings, such as an option the server ignores. The library never prints. */
  onWarning?: (warning: ModelWarning) => void;
}

const OPENAI_API = "https://api.openai.com/v1";
const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_RETRIES = 2;

/**
 * A model behind OpenAI's API or any OpenAI-compatible server (vLLM, llama.cpp server,
 * Ollama, LM Studio), through the `openai` package. `chat` posts to `/chat/completions`,
 * `generate` posts the raw prompt to `/completions`. Calls that fail with 408, 409, 429,
 * 5xx or a dropped connection are retried with backoff, honouring `Retry-After`.
 *
 * @throws {InvalidOptionError} when `model` is missing or `defaults` are invalid.
 * @example
 * ```ts
 * const model = openai({ model: "qwen2.5-7b-instruct", baseURL: "http://127.0.0.1:8000/v1" });
 * const { text } = await model.chat([{ role: "user", content: "What is 6 * 7?" }], {
 *   preset: "precise",
 * });
 * ```
 */
export function openai(options: OpenAIModelOptions): LanguageModel {
  const { model } = options;
  if (typeof model !== "string" || model.trim() === "") {
    throw new InvalidOptionError("model", model, "the model's name on the server");
  }
  resolveGenerateOptions({}, options.defaults);

  const baseURL = (options.baseURL ?? OPENAI_API).replace(/\/+$/, "");
  const isOpenAI = new URL(baseURL).hostname === "api.openai.com";
  const sendExtra =
    options.extraSampling === "send" || (options.extraSampling !== "drop" && !isOpenAI);
  const warned = new Set<string>();
  let client: Promise<Sdk> | undefined;

  const context = {
    model,
    baseURL,
    isOpenAI,
    sendExtra,
    warn(code: string, message: string) {
      if (warned.has(code)) return;
      warned.add(code);
      options.onWarning?.({ code, message, model });
    },
  };

  function connect(): Promise<Sdk> {
    client ??= createClient(options, baseURL).then(async (sdk) => {
      if (model === "auto") context.model = await firstListedModel(sdk, baseURL);
      return sdk;
    });
    client.catch(() => {
      client = undefined;
    });
    return client;
  }

  async function call(
    endpoint: "chat" | "completions",
    input: readonly ChatMessage[] | string,
    callOptions: GenerateOptions | undefined,
  ): Promise<Generation> {
    const resolved = resolveGenerateOptions(callOptions, options.defaults);
    const { client: sdk, errors } = await connect();
    const body = requestBody(endpoint, input, resolved, context);
    try {
      const response = await withCallSignal<unknown>(resolved.signal, (signal) => {
        const request = requestOptions(resolved, signal);
        return endpoint === "chat"
          ? sdk.chat.completions.create(body as never, request)
          : sdk.completions.create(body as never, request);
      });
      return toGeneration(response as never, endpoint);
    } catch (error) {
      throw failure(error, errors, endpoint, resolved);
    }
  }

  function stream(
    endpoint: "chat" | "completions",
    input: readonly ChatMessage[] | string,
    callOptions: GenerateOptions | undefined,
  ): GenerationStream {
    const resolved = resolveGenerateOptions(callOptions, options.defaults);
    return streamOf(async (emit) => {
      const { client: sdk, errors } = await connect();
      const body = {
        ...requestBody(endpoint, input, resolved, context),
        stream: true,
        // Without it, OpenAI and most servers leave usage out of streamed replies.
        stream_options: { include_usage: true },
      };
      try {
        return await withCallSignal(resolved.signal, async (signal) => {
          const request = requestOptions(resolved, signal);
          const chunks =
            endpoint === "chat"
              ? await sdk.chat.completions.create(body as never, request)
              : await sdk.completions.create(body as never, request);
          return collectStream(chunks as never, endpoint, emit);
        });
      } catch (error) {
        throw failure(error, errors, endpoint, resolved);
      }
    });
  }

  function failure(
    error: unknown,
    errors: SdkErrors,
    endpoint: string,
    resolved: ResolvedGenerateOptions,
  ): unknown {
    const url = `${baseURL}/${endpoint === "chat" ? "chat/completions" : "completions"}`;
    return modelErrorFrom(error, errors, { model: context.model, url, options: resolved });
  }

  return {
    get name() {
      return context.model;
    },
    provider: "openai",
    chat: (messages, callOptions) => call("chat", messages, callOptions),
    generate: (prompt, callOptions) => call("completions", prompt, callOptions),
    streamChat: (messages, callOptions) => stream("chat", messages, callOptions),
    streamGenerate: (prompt, callOptions) => stream("completions", prompt, callOptions),
    countTokens: (text) => countTokensFor(context.model, text),
    dispose: async () => {},
  };
}

interface Sdk {
  client: OpenAI;
  errors: SdkErrors;
}

/** The `openai` package, imported on the first call so that cotpot loads without it. */
async function createClient(options: OpenAIModelOptions, baseURL: string): Promise<Sdk> {
  const sdk = await import("openai");
  const client = new sdk.default({
    baseURL,
    // Local servers need no key, but the client insists on one.
    apiKey: options.apiKey ?? process.env.OPENAI_API_KEY ?? "not-needed",
    defaultHeaders: options.headers ?? {},
    timeout: DEFAULT_TIMEOUT_MS,
    maxRetries: DEFAULT_MAX_RETRIES,
  });
  return { client, errors: sdk };
}

/** The first model a server lists at `/models`, for `model: "auto"`. */
async function firstListedModel({ client, errors }: Sdk, baseURL: string): Promise<string> {
  const url = `${baseURL}/models`;
  try {
    const page = await client.models.list();
    const first = page.data[0]?.id;
    if (first) return first;
  } catch (error) {
    const cause = modelErrorFrom(error, errors, {
      model: "auto",
      url,
      options: { n: 1, stop: [] },
    });
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new ModelError(
      `Could not ask ${url} which model it serves: ${reason}`,
      { model: "auto", url, retryable: true },
      { cause },
    );
  }
  throw new ModelError(
    `${url} lists no models, so there is none to choose. Name the model (COTPOT_MODEL, --model, or openai({ model })).`,
    { model: "auto", url, retryable: false, scope: "model" },
  );
}

function requestOptions(options: ResolvedGenerateOptions, signal: AbortSignal | undefined) {
  return {
    signal: signal ?? null,
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
  };
}
