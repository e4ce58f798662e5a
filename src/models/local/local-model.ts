import { availableParallelism } from "node:os";
import type * as NodeLlamaCpp from "node-llama-cpp";
import type { ChatMessage } from "../../chat/index.js";
import { InvalidOptionError } from "../../errors/index.js";
import {
  type GenerateOptions,
  type ResolvedGenerateOptions,
  resolveGenerateOptions,
} from "../generate-options.js";
import type { FinishReason, Generation } from "../generation.js";
import type { LanguageModel } from "../language-model.js";
import { ModelError } from "../model-error.js";
import { splitReasoning } from "../split-reasoning.js";
import { streamOf } from "../stream-of.js";
import {
  type DownloadProgress,
  defaultCacheDirectory,
  type LoadedModel,
  loadLocalModel,
} from "./load-local-model.js";

/** Options for {@link localModel}. */
export interface LocalModelOptions {
  /** A `.gguf` file's path or an `hf:` URI. Default: {@link DEFAULT_LOCAL_MODEL}. */
  model?: string;
  /** Tokens the context holds, prompt and reply together. Default 4096 (or less, if the model was trained on less). */
  contextSize?: number;
  /** `auto` uses a GPU when one is found; `false` runs on the CPU. Default `auto`. */
  gpu?: "auto" | false;
  /**
   * CPU threads for evaluation. Default: one fewer than the machine's cores (at least
   * one), so the process's own thread keeps a core: on small machines, threads that
   * compete with it for cores spin and slow generation down many times over.
   */
  threads?: number;
  /** Where downloaded models are kept. Default `~/.cache/cotpot/models` (or `COTPOT_CACHE_DIR`). */
  cacheDirectory?: string;
  /** Options every call starts from. */
  defaults?: GenerateOptions;
  /** Called as an `hf:` model downloads, for a progress bar. */
  onDownloadProgress?: (progress: DownloadProgress) => void;
}

/**
 * The model cotpot runs when no server is configured: Qwen2.5 1.5B Instruct, 4-bit
 * (Q4_K_M, about 1 GB). Small enough for a laptop CPU, instruction-tuned, and strong
 * for its size at grade-school arithmetic and at writing short programs.
 */
export const DEFAULT_LOCAL_MODEL = "hf:Qwen/Qwen2.5-1.5B-Instruct-GGUF:Q4_K_M";

const DEFAULT_CONTEXT_SIZE = 4096;

/**
 * A GGUF model run in this process by node-llama-cpp, loaded on the first call. Calls
 * share one context sequence, so a call whose prompt starts like the previous one (the
 * role, instructions and exemplars strategies put first) evaluates only what differs;
 * `usage.cachedPromptTokens` says how many tokens it skipped. `n` samples share one
 * evaluation of the prompt. Calls run one at a time.
 *
 * @throws {InvalidOptionError} for a bad `contextSize`, `gpu` or `defaults`.
 * @example
 * ```ts
 * const model = localModel({ model: "./models/qwen2.5-1.5b-instruct-q4_k_m.gguf" });
 * const { text } = await model.chat([{ role: "user", content: "What is 17 * 3?" }]);
 * await model.dispose();
 * ```
 */
export function localModel(options: LocalModelOptions = {}): LanguageModel {
  const { model = DEFAULT_LOCAL_MODEL, contextSize = DEFAULT_CONTEXT_SIZE, gpu = "auto" } = options;
  const { threads = Math.max(1, availableParallelism() - 1) } = options;
  checkOptions(contextSize, gpu, threads);
  resolveGenerateOptions({}, options.defaults);

  let loading: Promise<LoadedModel> | undefined;
  const load = () => {
    loading ??= loadLocalModel({
      model,
      contextSize,
      gpu,
      threads,
      cacheDirectory: options.cacheDirectory ?? defaultCacheDirectory(),
      onDownloadProgress: options.onDownloadProgress,
    });
    return loading;
  };

  const run = async (
    input: readonly ChatMessage[] | string,
    callOptions: GenerateOptions | undefined,
    emit?: (delta: string) => void,
  ) => {
    const resolved = resolveGenerateOptions(callOptions, options.defaults);
    resolved.signal?.throwIfAborted();
    const loaded = await load();
    const prompt =
      typeof input === "string" ? promptTokens(loaded, input) : chatPrompt(loaded, input);
    return sample(loaded, prompt, resolved, model, emit);
  };

  return {
    name: nameOf(model),
    provider: "local",
    chat: (messages, callOptions) => run(messages, callOptions),
    generate: (prompt, callOptions) => run(prompt, callOptions),
    streamChat: (messages, callOptions) => streamOf((emit) => run(messages, callOptions, emit)),
    streamGenerate: (prompt, callOptions) => streamOf((emit) => run(prompt, callOptions, emit)),
    countTokens: async (text) => (await load()).model.tokenize(text).length,
    dispose: async () => {
      if (!loading) return;
      const loaded = await loading.catch(() => undefined);
      loading = undefined;
      await loaded?.context.dispose();
      await loaded?.model.dispose();
    },
  };
}

interface Prompt {
  tokens: NodeLlamaCpp.Token[];
  stop: (string | NodeLlamaCpp.LlamaText)[];
}

/** Raw text, with special tokens in it (`<|im_start|>`) read as the tokens they name. */
function promptTokens(loaded: LoadedModel, text: string): Prompt {
  return { tokens: withoutBos(loaded, loaded.model.tokenize(text, true)), stop: [] };
}

/** Messages rendered by the model's own chat template, ending where the assistant speaks. */
function chatPrompt(loaded: LoadedModel, messages: readonly ChatMessage[]): Prompt {
  const chatHistory: NodeLlamaCpp.ChatHistoryItem[] = messages.map((message) =>
    message.role === "assistant"
      ? { type: "model", response: [message.content] }
      : { type: message.role, text: message.content },
  );
  chatHistory.push({ type: "model", response: [] });

  const { contextText, stopGenerationTriggers } = loaded.chatWrapper.generateContextState({
    chatHistory,
  });
  const tokens = withoutBos(loaded, contextText.tokenize(loaded.model.tokenizer));
  return { tokens, stop: stopGenerationTriggers };
}

/** node-llama-cpp puts the BOS token in front of every completion itself. */
function withoutBos(loaded: LoadedModel, tokens: NodeLlamaCpp.Token[]): NodeLlamaCpp.Token[] {
  const bos = loaded.model.tokens.bos;
  return bos !== null && tokens[0] === bos ? tokens.slice(1) : tokens;
}

/**
 * Samples `options.n` completions of the prompt, one after another on the same context
 * sequence: the first evaluates what the cache lacks, the others reuse the prompt.
 */
async function sample(
  loaded: LoadedModel,
  prompt: Prompt,
  options: ResolvedGenerateOptions,
  modelName: string,
  emit?: (delta: string) => void,
): Promise<Generation> {
  const bos = loaded.model.tokens.bos;
  const fullPrompt = bos === null ? prompt.tokens : [bos, ...prompt.tokens];
  const cached = cachedPrefix(loaded, fullPrompt);
  const choices: { text: string; reasoning?: string }[] = [];
  let completionTokens = 0;
  let finishReason: FinishReason = "stop";

  for (let index = 0; index < options.n; index++) {
    const result = await complete(
      loaded,
      prompt,
      options,
      index,
      modelName,
      index === 0 ? emit : undefined,
    );
    completionTokens += result.tokens;
    if (index === 0) finishReason = result.finishReason;
    choices.push(splitReasoning(result.text));
  }

  const generation: Generation = {
    text: choices[0]?.text ?? "",
    texts: choices.map((choice) => choice.text),
    usage: { promptTokens: fullPrompt.length, completionTokens, cachedPromptTokens: cached },
    finishReason,
  };
  if (choices.some((choice) => choice.reasoning !== undefined)) {
    generation.reasonings = choices.map((choice) => choice.reasoning);
    if (choices[0]?.reasoning !== undefined) generation.reasoning = choices[0].reasoning;
  }
  return generation;
}

/** Prompt tokens already in the sequence's cache; the last one is always evaluated again. */
function cachedPrefix(loaded: LoadedModel, tokens: NodeLlamaCpp.Token[]): number {
  const { firstDifferentIndex } = loaded.sequence.compareContextTokens(tokens);
  return Math.max(0, Math.min(firstDifferentIndex, tokens.length - 1));
}

async function complete(
  loaded: LoadedModel,
  prompt: Prompt,
  options: ResolvedGenerateOptions,
  index: number,
  modelName: string,
  emit?: (delta: string) => void,
): Promise<{ text: string; tokens: number; finishReason: FinishReason }> {
  let tokens = 0;
  try {
    const { response, metadata } = await loaded.completion.generateCompletionWithMeta(
      prompt.tokens,
      {
        ...sampling(options, index),
        customStopTriggers: [...prompt.stop, ...options.stop],
        ...(options.signal ? { signal: options.signal } : {}),
        onToken: (chunk) => {
          tokens += chunk.length;
        },
        ...(emit ? { onTextChunk: emit } : {}),
      },
    );
    return { text: response, tokens, finishReason: finishReasonOf(metadata.stopReason) };
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ModelError(
      `The local model ${modelName} failed while generating: ${reason}`,
      {
        model: modelName,
        retryable: false,
      },
      { cause: error },
    );
  }
}

/** node-llama-cpp's sampling options; the n-th sample of a seeded call gets seed + n. */
function sampling(options: ResolvedGenerateOptions, index: number) {
  const { temperature, topK, topP, minP, seed, maxTokens } = options;
  return Object.fromEntries(
    Object.entries({
      temperature,
      topK,
      topP,
      minP,
      maxTokens,
      seed: seed === undefined ? undefined : seed + index,
    }).filter(([, value]) => value !== undefined),
  );
}

function finishReasonOf(stopReason: string): FinishReason {
  if (stopReason === "maxTokens") return "length";
  if (stopReason === "abort") return "abort";
  return "stop";
}

function nameOf(model: string): string {
  const file = model.split(/[\\/]/).at(-1) ?? model;
  return file.replace(/\.gguf$/i, "");
}

function checkOptions(contextSize: unknown, gpu: unknown, threads: unknown): void {
  if (typeof threads !== "number" || !Number.isInteger(threads) || threads < 1) {
    throw new InvalidOptionError("threads", threads, "a whole number of at least 1");
  }
  if (typeof contextSize !== "number" || !Number.isInteger(contextSize) || contextSize < 64) {
    throw new InvalidOptionError(
      "contextSize",
      contextSize,
      "a whole number of tokens, at least 64",
    );
  }
  if (gpu !== "auto" && gpu !== false) {
    throw new InvalidOptionError("gpu", gpu, '"auto" or false');
  }
}
