/** Why a model stopped writing. */
export type FinishReason =
  | "stop"
  | "length"
  | "content_filter"
  | "tool_calls"
  | "abort"
  | "unknown";

/** Tokens a call used, as the backend reported them. */
export interface Usage {
  /** Tokens in the prompt (counted once, whatever `n`). */
  promptTokens: number;
  /** Tokens generated, over all `n` choices. */
  completionTokens: number;
  /**
   * Prompt tokens the backend did not evaluate again because it had them cached from an
   * earlier call sharing the same prefix. Absent when the backend does not say.
   */
  cachedPromptTokens?: number;
}

/** What a model call returns. */
export interface Generation {
  /** The first choice's text, without a thinking model's reasoning. */
  text: string;
  /** Every choice's text, `n` of them. */
  texts: string[];
  /**
   * A thinking model's reasoning for the first choice, kept apart from `text`: the
   * server's separate field, or a leading `<think>...</think>` section.
   */
  reasoning?: string;
  /** Each choice's reasoning, where there is any. */
  reasonings?: (string | undefined)[];
  usage: Usage;
  finishReason: FinishReason;
}

/** Adds two usages, for results that sum several calls. */
export function addUsage(total: Usage, more: Usage): Usage {
  const sum: Usage = {
    promptTokens: total.promptTokens + more.promptTokens,
    completionTokens: total.completionTokens + more.completionTokens,
  };
  if (total.cachedPromptTokens !== undefined || more.cachedPromptTokens !== undefined) {
    sum.cachedPromptTokens = (total.cachedPromptTokens ?? 0) + (more.cachedPromptTokens ?? 0);
  }
  return sum;
}
