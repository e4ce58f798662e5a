import { CotpotError } from "../errors/index.js";
import type { LanguageModel } from "./language-model.js";
import { DEFAULT_LOCAL_MODEL, type LocalModelOptions, localModel } from "./local/local-model.js";
import type { ModelWarning } from "./model-warning.js";
import { openai } from "./openai/openai-model.js";

/** Options for {@link defaultModel} and {@link chooseModel}. */
export interface DefaultModelOptions {
  /** A model to use over `COTPOT_MODEL`: a `.gguf` path or `hf:` URI, or a server model's name. */
  model?: string;
  /** Where to read `COTPOT_MODEL`, `OPENAI_BASE_URL` and `OPENAI_API_KEY`. Default `process.env`. */
  env?: Record<string, string | undefined>;
  /** Passed to a local model, for a download's progress bar. */
  onDownloadProgress?: LocalModelOptions["onDownloadProgress"];
  /** Passed to a server model. */
  onWarning?: (warning: ModelWarning) => void;
}

/** Which model cotpot would use, and why. */
export interface ModelChoice {
  kind: "local" | "server";
  /** The model's file, URI or name (`auto`: the first one the server lists). */
  model: string;
  /** The server's API root, for a server model. */
  baseURL?: string;
  /** Why this model was chosen, in a sentence. */
  reason: string;
}

/** The model OpenAI's API is asked for when only `OPENAI_API_KEY` is set. */
export const DEFAULT_OPENAI_MODEL = "gpt-4o-mini";

/**
 * Decides which model to use, in this order: `options.model` or `COTPOT_MODEL` (a
 * `.gguf` path or `hf:` URI means a local model; anything else names a server's model),
 * then a server from `OPENAI_BASE_URL` or `OPENAI_API_KEY`, else the default local model.
 *
 * @throws {CotpotError} when a server model is named but no server is configured.
 */
export function chooseModel(options: DefaultModelOptions = {}): ModelChoice {
  const env = options.env ?? process.env;
  const named = options.model ?? env.COTPOT_MODEL;
  const baseURL = env.OPENAI_BASE_URL;
  const server = baseURL !== undefined || env.OPENAI_API_KEY !== undefined;

  if (named !== undefined && isLocal(named)) {
    return { kind: "local", model: named, reason: `${sourceOf(options)} names a local model file` };
  }
  if (named !== undefined && !server) {
    throw new CotpotError(
      `${sourceOf(options)}=${named} names a server's model, but no server is configured. ` +
        "Set OPENAI_BASE_URL (a local server) or OPENAI_API_KEY (OpenAI), or name a .gguf file or hf: URI.",
    );
  }
  if (server) {
    const model = named ?? (baseURL ? "auto" : DEFAULT_OPENAI_MODEL);
    const reason = baseURL ? "OPENAI_BASE_URL is set" : "OPENAI_API_KEY is set";
    return baseURL ? { kind: "server", model, baseURL, reason } : { kind: "server", model, reason };
  }
  return {
    kind: "local",
    model: DEFAULT_LOCAL_MODEL,
    reason: "no server is configured (COTPOT_MODEL, OPENAI_BASE_URL and OPENAI_API_KEY are unset)",
  };
}

/**
 * The model cotpot uses when none is given, chosen by {@link chooseModel}: a local GGUF
 * model unless a server is configured. The default local model is downloaded on first
 * use; offline, that fails at once with a message saying how to use a file or a server.
 *
 * @example
 * ```ts
 * // COTPOT_MODEL=./qwen2.5-1.5b-instruct-q4_k_m.gguf, or OPENAI_BASE_URL=http://127.0.0.1:8080/v1
 * const model = defaultModel();
 * ```
 */
export function defaultModel(options: DefaultModelOptions = {}): LanguageModel {
  const choice = chooseModel(options);
  if (choice.kind === "local") {
    const local: LocalModelOptions = { model: choice.model };
    if (options.onDownloadProgress) local.onDownloadProgress = options.onDownloadProgress;
    return localModel(local);
  }

  const env = options.env ?? process.env;
  return openai({
    model: choice.model,
    ...(choice.baseURL ? { baseURL: choice.baseURL } : {}),
    ...(env.OPENAI_API_KEY ? { apiKey: env.OPENAI_API_KEY } : {}),
    ...(options.onWarning ? { onWarning: options.onWarning } : {}),
  });
}

function isLocal(model: string): boolean {
  return model.startsWith("hf:") || model.toLowerCase().endsWith(".gguf");
}

function sourceOf(options: DefaultModelOptions): string {
  return options.model === undefined ? "COTPOT_MODEL" : "--model";
}
