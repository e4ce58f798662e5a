const THINK = /^\s*<think>([\s\S]*?)<\/think>\s*/;
const UNCLOSED = /^\s*<think>([\s\S]*)$/;

/**
 * Separates a thinking model's reasoning from its answer when both arrive in one text,
 * as a leading `<think>...</think>` section. A section never closed (the model ran out
 * of tokens while thinking) is all reasoning.
 */
export function splitReasoning(text: string): { text: string; reasoning?: string } {
  const closed = THINK.exec(text);
  if (closed) return { text: text.slice(closed[0].length), reasoning: (closed[1] ?? "").trim() };

  const open = UNCLOSED.exec(text);
  if (open) return { text: "", reasoning: (open[1] ?? "").trim() };
  return { text };
}
