import type { Templates } from "../templates/index.js";
import type { ChatMessage } from "./chat-message.js";

/**
 * What a model's chat template refuses, checked before rendering so that a conversation
 * the model's own template would reject is rejected here too, with the reason.
 */
export interface ChatFormatRules {
  /** Whether the first message may be a system message. */
  systemFirst: boolean;
  /** Whether a system message may appear after the first message. */
  systemLater: boolean;
  /**
   * Whether turns must alternate, user first: after a leading system message (when
   * `systemFirst`), even positions hold user messages and odd ones the others.
   */
  alternate: boolean;
}

/** The rules of a format that takes any sequence of messages. */
export const ANY_MESSAGES: Readonly<ChatFormatRules> = Object.freeze({
  systemFirst: true,
  systemLater: true,
  alternate: false,
});

/** What a format needs to render, besides the messages. */
export interface ChatRenderContext {
  addGenerationPrompt: boolean;
  /** Where Handlebars formats find their template. */
  templates: Templates;
}

/** A chat format: how one model family expects a conversation as text. */
export interface ChatFormat {
  /** The format's name (`llama3`). */
  readonly name: string;
  /** The model and template this format reproduces. */
  readonly description: string;
  /** The beginning-of-sequence token the format writes, or "" when it writes none. */
  readonly bos: string;
  /** The end-of-sequence token. */
  readonly eos: string;
  /** Strings that end an assistant turn; generation should stop at any of them. */
  readonly stop: readonly string[];
  readonly rules: ChatFormatRules;
  /** Renders checked messages; `renderChat` does the checking and the prefill cut. */
  render(messages: readonly ChatMessage[], context: ChatRenderContext): string;
}
