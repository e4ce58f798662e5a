import type { Generation } from "../generation.js";
import { splitReasoning } from "../split-reasoning.js";
import { finishReasonOf, generationOf, usageOf, type WireResponse } from "./to-generation.js";

interface WireDelta {
  index?: number;
  text?: string | null;
  delta?: { content?: string | null; reasoning_content?: string | null; reasoning?: string | null };
  finish_reason?: string | null;
}

interface WireChunk {
  choices?: WireDelta[];
  usage?: WireResponse["usage"];
}

/**
 * Reads a server-sent-events stream of chunks, emitting the first choice's text as it
 * arrives, and assembles the complete generation when the stream ends.
 */
export async function collectStream(
  chunks: AsyncIterable<WireChunk>,
  endpoint: "chat" | "completions",
  emit: (delta: string) => void,
): Promise<Generation> {
  const texts: string[] = [];
  const reasonings: string[] = [];
  let usage: WireResponse["usage"];
  let finishReason: string | null | undefined;

  for await (const chunk of chunks) {
    if (chunk.usage) usage = chunk.usage;
    for (const choice of chunk.choices ?? []) {
      const index = choice.index ?? 0;
      const text = endpoint === "chat" ? (choice.delta?.content ?? "") : (choice.text ?? "");
      const reasoning = choice.delta?.reasoning_content ?? choice.delta?.reasoning ?? "";

      texts[index] = (texts[index] ?? "") + text;
      if (reasoning) reasonings[index] = (reasonings[index] ?? "") + reasoning;
      if (index === 0 && text) emit(text);
      if (index === 0 && choice.finish_reason) finishReason = choice.finish_reason;
    }
  }

  const parts = Array.from({ length: texts.length }, (_, index) => {
    const text = texts[index] ?? "";
    const reasoning = reasonings[index];
    return reasoning ? { text, reasoning } : splitReasoning(text);
  });
  return generationOf(parts, usageOf(usage), finishReasonOf(finishReason));
}
