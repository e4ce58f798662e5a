import type { LanguageModel } from "./language-model.js";

type Encoder = (text: string) => number;

const encoders = new Map<string, Promise<Encoder>>();

// Which BPE encoding OpenAI's models use; names are matched by prefix.
const CL100K = ["gpt-4-", "gpt-4", "gpt-3.5", "text-embedding-3", "text-embedding-ada"];
const O200K = ["gpt-4o", "gpt-4.1", "gpt-4.5", "gpt-5", "o1", "o3", "o4", "chatgpt-4o"];

/**
 * Counts the tokens of `text` for an OpenAI model name with OpenAI's own BPE encodings
 * (`o200k_base` for GPT-4o and later, `cl100k_base` for GPT-4 and GPT-3.5), through
 * gpt-tokenizer, loaded on first use. Other names are counted with `o200k_base`, which
 * is close for most modern tokenizers but not exact.
 */
export async function countTokensFor(modelName: string, text: string): Promise<number> {
  const encoding = encodingOf(modelName);
  let encoder = encoders.get(encoding);
  if (!encoder) {
    encoder = loadEncoder(encoding);
    encoders.set(encoding, encoder);
  }
  return (await encoder)(text);
}

/** Options for {@link countTokens}. */
export interface CountTokensOptions {
  /** A model, or an OpenAI model's name. */
  model: LanguageModel | string;
}

/**
 * Counts the tokens of `text` as a model's tokenizer splits it: a local model's own
 * tokenizer, OpenAI's BPE encodings for OpenAI models.
 *
 * @example
 * ```ts
 * await countTokens("How many eggs are left?", { model: "gpt-4o-mini" }); // 6
 * ```
 */
export async function countTokens(text: string, options: CountTokensOptions): Promise<number> {
  return typeof options.model === "string"
    ? countTokensFor(options.model, text)
    : options.model.countTokens(text);
}

function encodingOf(modelName: string): "o200k_base" | "cl100k_base" {
  const name = modelName.toLowerCase();
  if (O200K.some((prefix) => name.startsWith(prefix))) return "o200k_base";
  if (CL100K.some((prefix) => name.startsWith(prefix))) return "cl100k_base";
  return "o200k_base";
}

async function loadEncoder(encoding: "o200k_base" | "cl100k_base"): Promise<Encoder> {
  const module =
    encoding === "o200k_base"
      ? await import("gpt-tokenizer/encoding/o200k_base")
      : await import("gpt-tokenizer/encoding/cl100k_base");
  return (text) => module.countTokens(text);
}
