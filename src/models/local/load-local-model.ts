import { homedir } from "node:os";
import { join, resolve } from "node:path";
import type * as NodeLlamaCpp from "node-llama-cpp";
import { ModelError } from "../model-error.js";

/** Progress of a model file's download. */
export interface DownloadProgress {
  /** The `hf:` URI being downloaded. */
  model: string;
  downloadedBytes: number;
  totalBytes: number;
}

/** Where and how to load a local model. */
export interface LoadLocalModelOptions {
  /** A `.gguf` path or an `hf:` URI. */
  model: string;
  contextSize: number;
  gpu: "auto" | false;
  threads: number;
  cacheDirectory: string;
  onDownloadProgress?: ((progress: DownloadProgress) => void) | undefined;
}

/** A loaded model with one context sequence that keeps its KV cache between calls. */
export interface LoadedModel {
  module: typeof NodeLlamaCpp;
  model: NodeLlamaCpp.LlamaModel;
  context: NodeLlamaCpp.LlamaContext;
  sequence: NodeLlamaCpp.LlamaContextSequence;
  completion: NodeLlamaCpp.LlamaCompletion;
  chatWrapper: NodeLlamaCpp.ChatWrapper;
  /** The file the weights came from. */
  path: string;
}

/** The per-user folder downloaded models are kept in. */
export function defaultCacheDirectory(): string {
  const base =
    process.env.COTPOT_CACHE_DIR ?? process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache");
  return process.env.COTPOT_CACHE_DIR ? base : join(base, "cotpot", "models");
}

/**
 * Imports node-llama-cpp, finds (or downloads) the model file, loads it and creates a
 * context. Every failure is a {@link ModelError} that names the file or URI and says
 * what to do.
 */
export async function loadLocalModel(options: LoadLocalModelOptions): Promise<LoadedModel> {
  const module = await importNodeLlamaCpp(options.model);
  const path = await resolveFile(module, options);
  const llama = await module.getLlama({ gpu: options.gpu, logLevel: module.LlamaLogLevel.error });

  let model: NodeLlamaCpp.LlamaModel;
  try {
    model = await llama.loadModel({ modelPath: path });
  } catch (error) {
    throw loadFailure(options.model, path, error);
  }

  const context = await model.createContext({
    contextSize: Math.min(options.contextSize, model.trainContextSize),
    threads: options.threads,
  });
  const sequence = context.getSequence();
  const completion = new module.LlamaCompletion({ contextSequence: sequence });
  const chatWrapper = module.resolveChatWrapper(model);
  return { module, model, context, sequence, completion, chatWrapper, path };
}

async function importNodeLlamaCpp(model: string): Promise<typeof NodeLlamaCpp> {
  try {
    return await import("node-llama-cpp");
  } catch (error) {
    throw new ModelError(
      `Running a local model (${model}) needs node-llama-cpp, which is not installed. ` +
        "Install it with `npm install node-llama-cpp@3.21.1`, or use a server: set OPENAI_BASE_URL (or OPENAI_API_KEY).",
      { model, retryable: false, scope: "model" },
      { cause: error },
    );
  }
}

async function resolveFile(
  module: typeof NodeLlamaCpp,
  options: LoadLocalModelOptions,
): Promise<string> {
  const { model, cacheDirectory, onDownloadProgress } = options;
  // A file path is relative to the working directory, not to the download cache.
  const target = isRemote(model) ? model : resolve(model);
  try {
    return await module.resolveModelFile(target, {
      directory: cacheDirectory,
      cli: false,
      onProgress: ({ downloadedSize, totalSize }) =>
        onDownloadProgress?.({ model, downloadedBytes: downloadedSize, totalBytes: totalSize }),
    });
  } catch (error) {
    throw resolveFailure(model, cacheDirectory, error);
  }
}

function resolveFailure(model: string, cacheDirectory: string, error: unknown): ModelError {
  const reason = error instanceof Error ? error.message : String(error);
  const remote = isRemote(model);
  const message = remote
    ? `Could not download ${model} into ${cacheDirectory}: ${reason}. ` +
      "Offline, point cotpot at a model file (COTPOT_MODEL=/path/to/model.gguf, or localModel({ model: path })) " +
      "or at a server (OPENAI_BASE_URL=http://127.0.0.1:8080/v1, or openai({ baseURL }))."
    : `No model file at ${model}: ${reason}. Give the path of a .gguf file, or an hf: URI to download one.`;
  return new ModelError(message, { model, retryable: remote, scope: "model" }, { cause: error });
}

function isRemote(model: string): boolean {
  return model.startsWith("hf:") || /^https?:\/\//.test(model);
}

function loadFailure(model: string, path: string, error: unknown): ModelError {
  const reason = error instanceof Error ? error.message : String(error);
  return new ModelError(
    `Could not load the model file ${path}: ${reason}. Check that it is a complete GGUF file ` +
      "(a download cut short leaves a corrupt one; delete it to download it again).",
    { model, retryable: false, scope: "model" },
    { cause: error },
  );
}
