import type { ChatMessage } from "../chat/index.js";
import type { GenerateOptions } from "./generate-options.js";
import type { Generation } from "./generation.js";
import type { LanguageModel } from "./language-model.js";

/** Options for {@link conversation}. */
export interface ConversationOptions {
  model: LanguageModel;
  /** The system message the conversation starts with. */
  system?: string;
}

/** A multi-turn chat that remembers what was said. */
export interface Conversation {
  /** The messages so far, system message included. */
  readonly messages: readonly ChatMessage[];
  /**
   * Sends `text` as the next user turn and records the reply. If the call fails, the
   * history is left as it was, so the same turn can be tried again.
   */
  say(text: string, options?: GenerateOptions): Promise<Generation>;
}

/**
 * Starts a conversation with `model`. Each turn sends the whole history; a local model
 * keeps the history's evaluation in its cache, so a turn evaluates only what is new.
 *
 * @example
 * ```ts
 * const chat = conversation({ model, system: rolePrompt("tutor") });
 * await chat.say("What is 3/4 of 20?");
 * await chat.say("And as a percentage of 20?");
 * ```
 */
export function conversation(options: ConversationOptions): Conversation {
  const messages: ChatMessage[] = options.system
    ? [{ role: "system", content: options.system }]
    : [];

  return {
    get messages() {
      return messages;
    },
    async say(text, callOptions) {
      const turn: ChatMessage[] = [...messages, { role: "user", content: text }];
      const reply = await options.model.chat(turn, callOptions);
      messages.push({ role: "user", content: text }, { role: "assistant", content: reply.text });
      return reply;
    },
  };
}
