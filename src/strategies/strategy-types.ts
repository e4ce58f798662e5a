import type { ChatMessage } from "../chat/index.js";
import type { GenerateOptions, LanguageModel, Usage } from "../models/index.js";
import type { RoleSpec } from "../roles/index.js";
import type { ProgramResult } from "../sandbox/index.js";
import type { Templates } from "../templates/index.js";
import type { Exemplar } from "./exemplars.js";

/** What every strategy takes. */
export interface StrategyOptions {
  model: LanguageModel;
  question: string;
  /** A built-in role's name or a {@link RoleSpec}; it becomes the system message's start. */
  role?: string | RoleSpec;
  /**
   * Worked examples shown before the question: a built-in set (`arithmetic`,
   * `dates-and-units`) or your own. Without them a strategy asks zero-shot.
   */
  examples?: string | readonly Exemplar[];
  /** Sampling for the model calls. Default: the `precise` preset. */
  sampling?: GenerateOptions;
  /** Aborting it stops the strategy; it rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Where the strategy's templates come from; cotpot's own when not given. */
  templates?: Templates;
  /** Receives the model's text as it is written, with what the call is for. */
  onText?: (delta: string, purpose: AttemptPurpose) => void;
}

/** What a model call in a strategy was for. */
export type AttemptPurpose = "answer" | "reason" | "follow-up" | "program" | "repair" | "sample";

/** One model call a strategy made. */
export interface Attempt {
  purpose: AttemptPurpose;
  /** The model's reply. */
  text: string;
  /** A thinking model's reasoning for this reply. */
  thinking?: string;
  /** What went wrong with this reply (no answer, no program, a failed program). */
  error?: string;
  usage: Usage;
}

/** What every strategy returns. */
export interface StrategyResult {
  /** The strategy that produced the answer (`chain-of-thought` after a PoT fallback). */
  strategy: "direct" | "chain-of-thought" | "program-of-thought" | "self-consistency";
  /** The final answer as the model (or the program) gave it, or null when there was none. */
  answer: string | null;
  /** The model's visible reasoning, for Chain of Thought. */
  reasoning?: string;
  /** A thinking model's own reasoning, kept as it came. */
  thinking?: string;
  /** The program that gave the answer, for Program of Thought. */
  program?: string;
  /** What running `program` gave. */
  execution?: ProgramResult;
  /** Set when Program of Thought fell back to Chain of Thought, and why. */
  fallback?: { from: "program-of-thought"; reason: string };
  /** The conversation of the last call: what the model was sent. */
  messages: ChatMessage[];
  /** Tokens over every call. */
  usage: Usage;
  /** Every call, in order. */
  attempts: Attempt[];
}
