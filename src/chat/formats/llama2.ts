import { handlebarsChatFormat } from "../handlebars-chat-format.js";
import { splitLeadingSystem } from "../split-leading-system.js";

/**
 * Llama-2 chat: `[INST]` turns, a leading system message folded into the first one
 * inside `<<SYS>>`, every turn stripped of surrounding whitespace.
 */
export const llama2 = handlebarsChatFormat({
  name: "llama2",
  description: "Llama-2 chat ([INST] ... [/INST], <<SYS>> in the first turn)",
  bos: "<s>",
  eos: "</s>",
  stop: ["</s>"],
  rules: { systemFirst: true, systemLater: true, alternate: true },
  // An empty system message leaves no <<SYS>> block, as the official template does
  // when rendered by @huggingface/jinja (Python's Jinja would write an empty block).
  view: (messages) => {
    const { system = "", turns } = splitLeadingSystem(messages);
    return { system, turns };
  },
});
