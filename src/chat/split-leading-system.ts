import type { ChatMessage } from "./chat-message.js";

/**
 * Separates a leading system message from the turns after it, as templates that write
 * the system prompt in a place of its own do.
 *
 * @returns the system message's text (undefined when there is none) and the other turns.
 */
export function splitLeadingSystem(messages: readonly ChatMessage[]): {
  system: string | undefined;
  turns: readonly ChatMessage[];
} {
  const [first] = messages;
  return first?.role === "system"
    ? { system: first.content, turns: messages.slice(1) }
    : { system: undefined, turns: messages };
}
