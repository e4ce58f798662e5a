import { ANY_MESSAGES, type ChatFormat } from "./chat-format.js";
import { ChatFormatError } from "./chat-format-error.js";
import { loadJinja } from "./load-jinja.js";

/** The special tokens and name of a model driven by its own Jinja chat template. */
export interface JinjaChatFormatOptions {
  /** A name for errors and listings. Default `jinja`. */
  name?: string;
  /** The template's `bos_token`. Default "". */
  bos?: string;
  /** The template's `eos_token`. Default "". */
  eos?: string;
  /** Strings that end an assistant turn. Default: the EOS token, if any. */
  stop?: readonly string[];
}

/**
 * Makes a chat format from a model's own Jinja chat template (the `chat_template` of its
 * `tokenizer_config.json`), rendered by `@huggingface/jinja`, for models cotpot ships
 * no format for. The template itself enforces its rules: when it calls
 * `raise_exception`, rendering fails with a {@link ChatFormatError} carrying its message.
 *
 * @throws {ChatFormatError} when the template does not parse.
 * @example
 * ```ts
 * const format = jinjaChatFormat(tokenizerConfig.chat_template, {
 *   name: "my-model",
 *   bos: "<s>",
 *   eos: "</s>",
 * });
 * renderChat(messages, { format, addGenerationPrompt: true });
 * ```
 */
export function jinjaChatFormat(
  templateSource: string,
  options: JinjaChatFormatOptions = {},
): ChatFormat {
  const { name = "jinja", bos = "", eos = "" } = options;
  const template = parse(name, templateSource);

  return {
    name,
    description: "the model's own Jinja chat template",
    bos,
    eos,
    stop: options.stop ?? (eos ? [eos] : []),
    rules: ANY_MESSAGES,
    render(messages, { addGenerationPrompt }) {
      try {
        return template.render({
          messages,
          bos_token: bos,
          eos_token: eos,
          add_generation_prompt: addGenerationPrompt,
        });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new ChatFormatError(name, `the template refused: ${reason}`, undefined, {
          cause: error,
        });
      }
    },
  };
}

function parse(name: string, source: string) {
  const { Template } = loadJinja();
  try {
    return new Template(source);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ChatFormatError(name, `the Jinja template does not parse: ${reason}`, undefined, {
      cause: error,
    });
  }
}
