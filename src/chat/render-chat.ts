import { InvalidOptionError } from "../errors/index.js";
import { defaultTemplates, type Templates } from "../templates/index.js";
import type { ChatFormat } from "./chat-format.js";
import { ChatFormatError } from "./chat-format-error.js";
import { builtInChatFormat, chatFormats } from "./chat-formats.js";
import type { ChatMessage } from "./chat-message.js";
import { checkFormatRules, checkMessages } from "./check-conversation.js";

/** Options for {@link renderChat}. */
export interface RenderChatOptions {
  /** A built-in format's name (see `chatFormats`), or a format such as `jinjaChatFormat` makes. */
  format: string | ChatFormat;
  /** End with the header that opens the assistant's reply, so the model writes it. */
  addGenerationPrompt?: boolean;
  /**
   * Leave the last message (an assistant's) open, without its end-of-turn tokens, so the
   * model continues it: a prefill such as "The answer is".
   */
  continueFinalMessage?: boolean;
  /**
   * Put a leading system message's text at the start of the first user message, for
   * models whose template takes no system message (Gemma, Mistral v0.1).
   */
  foldSystem?: boolean;
  /** Where Handlebars formats find their templates; cotpot's own when not given. */
  templates?: Templates;
}

/**
 * Renders a conversation as the prompt text a model expects, special tokens included,
 * byte for byte as the model's own chat template would.
 *
 * @returns the prompt, to send as raw text (a completion request, a local model).
 * @throws {InvalidOptionError} for an unknown format or a malformed message.
 * @throws {ChatFormatError} for a conversation the model's template would refuse (a
 * system message for Gemma, turns that do not alternate for Llama-2) or options that do
 * not fit it; the error says why and what to do.
 * @example
 * ```ts
 * renderChat(
 *   [
 *     { role: "system", content: "You are a careful accountant." },
 *     { role: "user", content: "What is 15% of 80?" },
 *   ],
 *   { format: "llama3", addGenerationPrompt: true },
 * );
 * ```
 */
export function renderChat(messages: readonly ChatMessage[], options: RenderChatOptions): string {
  const format = resolveFormat(options.format);
  const { addGenerationPrompt = false, continueFinalMessage = false } = options;
  checkMessages(messages);

  const conversation = options.foldSystem ? foldSystem(format, messages) : messages;
  checkFormatRules(format, conversation);
  if (continueFinalMessage) checkContinuable(format, conversation, addGenerationPrompt);

  const templates = options.templates ?? defaultTemplates();
  const text = format.render(conversation, { addGenerationPrompt, templates });
  return continueFinalMessage ? openFinalMessage(format, conversation, text) : text;
}

function resolveFormat(format: string | ChatFormat): ChatFormat {
  if (typeof format !== "string") return format;

  const builtIn = builtInChatFormat(format);
  if (builtIn) return builtIn;
  const expected = `one of ${chatFormats.join(", ")}, or a format from jinjaChatFormat()`;
  throw new InvalidOptionError("format", format, expected);
}

/** The conversation with a leading system message merged into the first user message. */
function foldSystem(format: ChatFormat, messages: readonly ChatMessage[]): ChatMessage[] {
  const [system, first, ...rest] = messages;
  if (system?.role !== "system") return [...messages];

  if (first?.role !== "user") {
    throw new ChatFormatError(
      format.name,
      "foldSystem needs a user message right after the system message to fold it into.",
      1,
    );
  }
  return [{ role: "user", content: `${system.content}\n\n${first.content}` }, ...rest];
}

function checkContinuable(
  format: ChatFormat,
  messages: readonly ChatMessage[],
  addGenerationPrompt: boolean,
): void {
  if (addGenerationPrompt) {
    throw new ChatFormatError(
      format.name,
      "continueFinalMessage and addGenerationPrompt exclude each other: one opens a new " +
        "assistant turn, the other continues the last one. Pass only one.",
    );
  }
  const last = messages.at(-1);
  if (last?.role !== "assistant") {
    throw new ChatFormatError(
      format.name,
      `continueFinalMessage continues an assistant message, but the last message is a ` +
        `${last?.role} message. Add the assistant's opening words as the last message.`,
      messages.length - 1,
    );
  }
}

/**
 * Cuts the rendered conversation right after the final message's text, dropping the
 * tokens that close the turn, as Hugging Face's `continue_final_message` does.
 */
function openFinalMessage(
  format: ChatFormat,
  messages: readonly ChatMessage[],
  text: string,
): string {
  const final = (messages.at(-1)?.content ?? "").trim();
  const end = text.lastIndexOf(final);
  if (end < 0) {
    throw new ChatFormatError(
      format.name,
      "continueFinalMessage could not find the final message in the rendered text; " +
        "this format rewrites it.",
      messages.length - 1,
    );
  }
  return text.slice(0, end + final.length);
}
