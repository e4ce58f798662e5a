import type { FinishReason, Generation, Usage } from "../generation.js";
import { splitReasoning } from "../split-reasoning.js";

/** A choice as OpenAI-compatible servers return it, with their reasoning fields. */
interface WireChoice {
  index?: number;
  text?: string | null;
  message?: {
    content?: string | null;
    reasoning_content?: string | null;
    reasoning?: string | null;
  };
  finish_reason?: string | null;
}

interface WireUsage {
  prompt_tokens?: number;
  completion_tokens?: number;
  prompt_tokens_details?: { cached_tokens?: number } | null;
}

/** A chat or completion response as it comes over the wire. */
export interface WireResponse {
  choices?: WireChoice[];
  usage?: WireUsage | null;
}

/**
 * Turns a response into a {@link Generation}: choices in index order, reasoning kept
 * apart from the text (the server's `reasoning_content` or `reasoning` field, or a
 * leading `<think>` section), usage with cached prompt tokens when reported.
 */
export function toGeneration(response: WireResponse, endpoint: "chat" | "completions"): Generation {
  const choices = [...(response.choices ?? [])].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  const parts = choices.map((choice) => {
    const raw = endpoint === "chat" ? (choice.message?.content ?? "") : (choice.text ?? "");
    const separate = choice.message?.reasoning_content ?? choice.message?.reasoning ?? undefined;
    return separate ? { text: raw, reasoning: separate } : splitReasoning(raw);
  });

  return generationOf(parts, usageOf(response.usage), finishReasonOf(choices[0]?.finish_reason));
}

/** Assembles a generation from each choice's text and reasoning. */
export function generationOf(
  parts: { text: string; reasoning?: string | undefined }[],
  usage: Usage,
  finishReason: FinishReason,
): Generation {
  const generation: Generation = {
    text: parts[0]?.text ?? "",
    texts: parts.map((part) => part.text),
    usage,
    finishReason,
  };
  if (parts.some((part) => part.reasoning !== undefined)) {
    generation.reasonings = parts.map((part) => part.reasoning);
    if (parts[0]?.reasoning !== undefined) generation.reasoning = parts[0].reasoning;
  }
  return generation;
}

/** The usage a server reported; zeros when it reported none. */
export function usageOf(usage: WireUsage | null | undefined): Usage {
  const result: Usage = {
    promptTokens: usage?.prompt_tokens ?? 0,
    completionTokens: usage?.completion_tokens ?? 0,
  };
  const cached = usage?.prompt_tokens_details?.cached_tokens;
  if (typeof cached === "number") result.cachedPromptTokens = cached;
  return result;
}

/** OpenAI's finish reasons, as cotpot names them. */
export function finishReasonOf(reason: string | null | undefined): FinishReason {
  switch (reason) {
    case "stop":
    case "length":
    case "content_filter":
    case "tool_calls":
      return reason;
    case "function_call":
      return "tool_calls";
    default:
      return "unknown";
  }
}
