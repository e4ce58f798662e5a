import type { ChatMessage } from "../chat/index.js";
import type { GenerateOptions } from "./generate-options.js";
import type { Generation } from "./generation.js";

/**
 * A stream of a model's reply: iterate it for text deltas (of the first choice); the
 * iteration's return value, and `generation`, is the complete {@link Generation}.
 */
export interface GenerationStream extends AsyncIterable<string> {
  /** The complete result, once the stream has ended. */
  readonly generation: Promise<Generation>;
}

/** A model cotpot can call: a server through `openai()`, or a local GGUF file. */
export interface LanguageModel {
  /** The model's name, for reports (`gpt-4o-mini`, `qwen2.5-1.5b-instruct-q4_k_m`). */
  readonly name: string;
  /** Which backend this is. */
  readonly provider: "openai" | "local";
  /**
   * Sends messages; the backend applies the model's own chat template.
   *
   * @throws {InvalidOptionError} for a bad option, before anything is sent.
   * @throws {ModelError} when the backend fails, after any retries; it says what failed.
   */
  chat(messages: readonly ChatMessage[], options?: GenerateOptions): Promise<Generation>;
  /** Completes raw text, sent as it is (such as `renderChat` output). */
  generate(prompt: string, options?: GenerateOptions): Promise<Generation>;
  /** Like {@link chat}, streaming the reply as it is written. */
  streamChat(messages: readonly ChatMessage[], options?: GenerateOptions): GenerationStream;
  /** Like {@link generate}, streaming the reply as it is written. */
  streamGenerate(prompt: string, options?: GenerateOptions): GenerationStream;
  /** Counts tokens the way this model does (exactly for local and OpenAI models). */
  countTokens(text: string): Promise<number>;
  /** Frees what the model holds (a local model's weights and context). */
  dispose(): Promise<void>;
}
