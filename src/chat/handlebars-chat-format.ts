import type { ChatFormat, ChatFormatRules } from "./chat-format.js";
import type { ChatMessage } from "./chat-message.js";

/** The parts of a built-in format besides its template. */
export interface HandlebarsChatFormatSpec {
  name: string;
  description: string;
  bos: string;
  eos: string;
  stop: readonly string[];
  rules: ChatFormatRules;
  /**
   * Variables the template needs beyond `messages`, `bos`, `eos` and
   * `addGenerationPrompt`, computed from the checked messages.
   */
  view?: (messages: readonly ChatMessage[]) => Record<string, unknown>;
}

/**
 * A chat format rendered by the Handlebars template `chat/<name>`, which users can read
 * and override like any other template.
 */
export function handlebarsChatFormat(spec: HandlebarsChatFormatSpec): ChatFormat {
  const template = `chat/${spec.name}`;
  const { view, ...format } = spec;

  return {
    ...format,
    render(messages, { addGenerationPrompt, templates }) {
      const variables = { messages, bos: spec.bos, eos: spec.eos, addGenerationPrompt };
      return templates.render(template, view ? { ...variables, ...view(messages) } : variables);
    },
  };
}
